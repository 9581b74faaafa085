using System.Text.RegularExpressions;
using Dapper;
using JourneyReports.Refresh;
using Microsoft.Data.SqlClient;

namespace JourneyReports.Tests;

/// <summary>
/// The refresh against a real SQL Server, when JOURNEYREPORTS_TEST_SQLSERVER names one (<see cref="SqlServerFactAttribute"/>):
/// a scratch database with the example star schema (sql/sqlserver/example), the journey schema and views as a DBA
/// installs them, and the committed mapping itself (T-SQL queries, OPTION (RECOMPILE), @since as datetime2). The
/// fixture holds the stand-in tests' rows in star-schema form: 3 customers, 2 products, orders SO100-SO102 of 4 lines
/// (revenue 1,235 + 35 + 2,400 = 3,670), 6 web events of three visitors who each became a customer (so 3 identities),
/// 1 ticket, 1 survey; the newest row of each fact and dimension modified at T1, the others at T0.
/// </summary>
public sealed partial class SqlServerRefreshTests : IAsyncLifetime
{
    const string T0 = "2026-09-01T08:00:00", T1 = "2026-10-01T08:00:00", T2 = "2026-10-10T08:00:00";
    readonly string database = $"jr_test_{Guid.NewGuid():n}";
    StandInRefresh s = null!;
    string connectionString = "";

    public async Task InitializeAsync()
    {
        if (SqlServerFactAttribute.ConnectionString is not { } server) return;   // skipped: nothing to set up
        await using (var master = new SqlConnection(server))
            await master.ExecuteAsync($"CREATE DATABASE [{database}]");
        connectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString;
        foreach (var script in new[] { "example/star_schema.sql", "journey_schema.sql" }
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "sql", "sqlserver", "journey_views")).Order().Select(f => "journey_views/" + Path.GetFileName(f))))
            await ExecAsync(File.ReadAllText(Path.Combine(RepoPaths.Root, "sql", "sqlserver", script)));
        await ExecAsync($"""
            INSERT INTO dbo.DimGeography VALUES (1, N'United Kingdom'), (2, N'France'), (3, N'Germany');
            INSERT INTO dbo.DimCustomer VALUES (1, 1, N'Professional', 60000, '2026-01-10', '{T0}'), (2, 2, N'Clerical', 160000, '2026-02-10', '{T0}'),
                (3, 3, N'Management', 100000, '2026-03-10', '{T1}');
            INSERT INTO dbo.DimProductCategory VALUES (1, N'Bikes'), (2, N'Accessories');
            INSERT INTO dbo.DimProductSubcategory VALUES (1, N'Road Bikes', 1), (2, N'Helmets', 2);
            INSERT INTO dbo.DimProduct VALUES (10, N'Road bike', 1, 1200, '{T0}'), (11, N'Helmet', 2, 35, '{T1}');
            INSERT INTO dbo.FactInternetSales VALUES
                (N'SO100', 1, 1, 10, '2026-08-30T10:00:00', '2026-09-03', '2026-09-02T12:00:00', 1, 1200, 1200, '{T0}'),
                (N'SO100', 2, 1, 11, '2026-08-30T10:00:00', '2026-09-03', '2026-09-02T12:00:00', 1, 35, 35, '{T0}'),
                (N'SO101', 1, 2, 11, '2026-08-31T11:00:00', '2026-09-04', NULL, 1, 35, 35, '{T0}'),
                (N'SO102', 1, 3, 10, '2026-09-30T09:00:00', '2026-10-04', NULL, 2, 1200, 2400, '{T1}');
            INSERT INTO dbo.FactWebEvent VALUES
                (1, '2026-08-30T09:50:00', NULL, N'a1', N's1', N'web', N'Desktop', N'landing_view', NULL, '{T0}'),
                (2, '2026-08-30T09:55:00', NULL, N'a1', N's1', N'web', N'Desktop', N'product_view', 10, '{T0}'),
                (3, '2026-08-30T10:00:00', 1, N'a1', N's1', N'web', N'Desktop', N'purchase', 10, '{T0}'),
                (4, '2026-08-31T10:58:00', 2, N'a2', N's2', N'app', N'Mobile', N'add_to_cart', 11, '{T0}'),
                (5, '2026-08-31T11:00:00', 2, N'a2', N's2', N'app', N'Mobile', N'purchase', 11, '{T0}'),
                (6, '2026-09-30T09:00:00', 3, N'a3', N's3', N'web', N'Tablet', N'purchase', 10, '{T1}');
            INSERT INTO dbo.FactSupportTicket VALUES (500, 2, '2026-09-05T14:00:00', N'Email', N'late delivery', 30, 1, '{T1}');
            INSERT INTO dbo.FactCustomerSurvey VALUES (900, 1, '2026-09-03T12:00:00', N'Purchase', N'Web', 9, 5, 2, N'Quick delivery', '{T1}');
            """);
        s = await StandInRefresh.CreateAsync(connectionString: connectionString, mappingPath: Path.Combine(RepoPaths.Root, "mappings", "sqlserver-adventureworks.json"));
    }

    public async Task DisposeAsync()
    {
        if (SqlServerFactAttribute.ConnectionString is not { } server) return;
        if (s is not null) await s.DisposeAsync();
        SqlConnection.ClearAllPools();
        await using var master = new SqlConnection(server);
        await master.ExecuteAsync($"ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}]");
    }

    /// <summary>A T-SQL script as SSMS runs it: batches split on GO lines.</summary>
    async Task ExecAsync(string script)
    {
        await using var c = new SqlConnection(connectionString);
        foreach (var batch in GoLine().Split(script).Where(b => b.Trim().Length > 0)) await c.ExecuteAsync(batch);
    }

    [SqlServerFact]
    public async Task FirstRefresh_ReadsEverything_AndFillsEveryTable()
    {
        var result = await s.RefreshAsync();

        Assert.Equal(23, result.RowsRead);                                  // 3 + 2 + 3 + 4 + 6 + 3 identities + 1 + 1
        Assert.Equal(new Dictionary<string, long>
        {
            ["customers"] = 3, ["products"] = 2, ["events"] = 6, ["identities"] = 3, ["orders"] = 3, ["order_lines"] = 4, ["support_tickets"] = 1, ["surveys"] = 1,
        }, await s.CountsAsync());
        Assert.Equal(3670.00m, await s.ScalarAsync<decimal>("SELECT sum(revenue) FROM orders"));
        Assert.Equal("vip", await s.ScalarAsync<string>("SELECT segment FROM customers WHERE customer_id = 2"));
        Assert.Equal("tablet", await s.ScalarAsync<string>("SELECT device FROM events WHERE event_id = 6"));
        Assert.Equal(new DateTime(2026, 9, 2, 12, 0, 0), await s.ScalarAsync<DateTime>("SELECT delivered_at FROM orders WHERE order_id = 100"));
        Assert.Equal(RunStatus.Succeeded, (await s.LastRunAsync()).Status);
    }

    [SqlServerFact]
    public async Task Incremental_ReadsOnlyRowsModifiedSinceTheWatermarkLessTheLookBack_AndALateRowInsideIt()
    {
        await s.RefreshAsync();
        await ExecAsync($"""
            UPDATE dbo.FactInternetSales SET SalesAmount = 70, UnitPrice = 70, ModifiedDate = '{T2}' WHERE SalesOrderNumber = N'SO101';
            INSERT INTO dbo.FactWebEvent VALUES
                (7, '2026-10-09T18:00:00', NULL, N'a4', N's4', N'web', N'Mobile', N'landing_view', NULL, '{T2}'),
                (8, '2026-09-29T06:00:00', NULL, N'a5', N's5', N'web', N'Mobile', N'landing_view', NULL, '2026-09-30T08:00:00'),
                (9, '2026-09-27T06:00:00', NULL, N'a6', N's6', N'web', N'Mobile', N'landing_view', NULL, '2026-09-28T08:00:00');
            """);

        var result = await s.RefreshAsync();

        // From T1 less 48 h (29 Sep 08:00): events 6, 7 and 8 (late, inside), not 9 (late, outside).
        var events = result.Queries.Single(q => q.Query == "events");
        Assert.Equal((new DateTime(2026, 9, 29, 8, 0, 0), 3L), (events.Since!.Value, events.RowsRead));
        Assert.Equal(2, result.Queries.Single(q => q.Query == "orders").RowsRead);   // SO101 changed, SO102 again
        Assert.Equal(8, await s.ScalarAsync<long>("SELECT count(*) FROM events"));
        Assert.Equal(0, await s.ScalarAsync<long>("SELECT count(*) FROM events WHERE event_id = 9"));
        Assert.Equal(3705.00m, await s.ScalarAsync<decimal>("SELECT sum(revenue) FROM orders"));
    }

    [SqlServerFact]
    public async Task AViewFailingHalfWay_LeavesTheModelExactlyAsItWas_AndTheRunFailedWithTheReason()
    {
        await s.RefreshAsync();
        var before = await s.ChecksumAsync();
        await ExecAsync($"""
            UPDATE dbo.FactInternetSales SET SalesAmount = 999, ModifiedDate = '{T2}' WHERE SalesOrderNumber = N'SO100' AND SalesOrderLineNumber = 1;
            INSERT INTO dbo.FactWebEvent VALUES (7, '2026-10-09T18:00:00', NULL, N'a4', N's4', N'web', N'Mobile', N'landing_view', NULL, '{T2}');
            GO
            CREATE OR ALTER VIEW journey.events AS
            SELECT CASE WHEN e.WebEventKey = 7 THEN e.WebEventKey / 0 ELSE e.WebEventKey END AS event_id, e.EventTime AS occurred_at,
                   CAST(e.CustomerKey AS bigint) AS customer_id, e.AnonymousId AS anonymous_id, e.SessionId AS session_id, LOWER(e.Channel) AS channel,
                   e.DeviceType AS device, LOWER(e.EventType) AS event_type, CAST(e.ProductKey AS bigint) AS product_id, e.ModifiedDate AS modified_at
            FROM dbo.FactWebEvent AS e;
            """);

        var e = await Assert.ThrowsAsync<RefreshException>(() => s.RefreshAsync(batchRows: 1));

        Assert.Contains("query 'events'", e.Message);
        Assert.Contains("Divide by zero", e.Message);
        Assert.Equal(before, await s.ChecksumAsync());
        Assert.Contains("Divide by zero", (await s.LastRunAsync()).Error);
    }

    [SqlServerFact]
    public async Task ASecondIdenticalRefresh_ChangesNothing()
    {
        await s.RefreshAsync(full: true);
        var once = await s.ChecksumAsync(watermarks: false);

        await s.RefreshAsync(full: true);
        await s.RefreshAsync();

        Assert.Equal(once, await s.ChecksumAsync(watermarks: false));
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
