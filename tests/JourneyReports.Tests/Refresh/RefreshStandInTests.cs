using JourneyReports.Refresh;
using static JourneyReports.Tests.StandInRefresh;

namespace JourneyReports.Tests;

/// <summary>
/// Import mode end to end, through the same ADO.NET path as SQL Server, against the stand-in source (SQLite) with the
/// committed SQL Server mapping's fields, keys, watermarks and 48-hour look-back. The fixture (<see cref="StandInRefresh.SeedAsync"/>)
/// has 21 rows: 3 customers, 2 products, 3 orders (revenue 1,235 + 35 + 2,400 = 3,670) of 4 lines, 6 events, 1 identity,
/// 1 ticket, 1 survey; the newest row of each view was modified at T1 (1 Oct 08:00), the others at T0 (1 Sep).
/// </summary>
public sealed class RefreshStandInTests : IAsyncLifetime
{
    StandInRefresh s = null!;

    public async Task InitializeAsync()
    {
        s = await CreateAsync();
        await s.SeedAsync();
    }

    public async Task DisposeAsync() => await s.DisposeAsync();

    static readonly Dictionary<string, long> Seeded = new()
    {
        ["customers"] = 3, ["products"] = 2, ["events"] = 6, ["identities"] = 1, ["orders"] = 3, ["order_lines"] = 4, ["support_tickets"] = 1, ["surveys"] = 1,
    };

    [Fact]
    public async Task FirstRefresh_ReadsEverything_AndFillsEveryTable()
    {
        var result = await s.RefreshAsync();

        Assert.Equal(21, result.RowsRead);
        Assert.All(result.Queries, q => Assert.Null(q.Since));                                    // no watermark yet: everything
        Assert.All(result.Queries, q => Assert.Equal(new DateTime(2026, 10, 1, 8, 0, 0), q.Watermark));
        Assert.Equal(Seeded, await s.CountsAsync());
        Assert.Equal(3670.00m, await s.ScalarAsync<decimal>("SELECT sum(revenue) FROM orders"));
        Assert.Equal("tablet", await s.ScalarAsync<string>("SELECT device FROM events WHERE event_id = 6"));   // mapped by the mapping
        Assert.Equal(new DateTime(2026, 8, 30, 10, 0, 0), await s.ScalarAsync<DateTime>("SELECT ordered_at FROM orders WHERE order_id = 100"));
        Assert.True(await s.ScalarAsync<bool>("SELECT resolved FROM support_tickets WHERE ticket_id = 500"));
        var run = await s.LastRunAsync();
        Assert.Equal(("refresh:aw", "test", RunStatus.Succeeded, null), (run.ReportId, run.Trigger, run.Status, run.Error));
    }

    [Fact]
    public async Task Incremental_ReadsOnlyRowsModifiedSinceTheWatermarkLessTheLookBack()
    {
        await s.RefreshAsync();
        // At T2 (10 Oct): order 101 is changed, customer 4 and events 7 and 8 are new.
        await s.ExecAsync($"""
            UPDATE journey_orders SET revenue = 70.00, modified_at = '{T2}' WHERE order_id = 101;
            INSERT INTO journey_customers VALUES (4, 'Professional', 'consumer', 'Spain', '2026-10-09 00:00:00.000000', 'web', '{T2}');
            INSERT INTO journey_events VALUES
                (7, '2026-10-09 18:00:00.000000', 4, 'a4', 's4', 'web', 'Mobile', 'landing_view', NULL, '{T2}'),
                (8, '2026-10-09 18:05:00.000000', 4, 'a4', 's4', 'web', 'Mobile', 'product_view', 11, '{T2}');
            """);

        var result = await s.RefreshAsync();

        // Each query reads from T1 less 48 hours (29 Sep 08:00): the rows changed at T2 and each view's T1 row again.
        Assert.All(result.Queries, q => Assert.Equal(new DateTime(2026, 9, 29, 8, 0, 0), q.Since));
        var read = result.Queries.ToDictionary(q => q.Query, q => q.RowsRead);
        Assert.Equal(new Dictionary<string, long>
        {
            ["customers"] = 2, ["products"] = 1, ["orders"] = 2, ["order_lines"] = 1, ["events"] = 3, ["identities"] = 1, ["support_tickets"] = 1, ["surveys"] = 1,
        }, read);
        Assert.Equal(12, result.RowsRead);                                                         // of the 24 rows the source now has
        Assert.Equal(new DateTime(2026, 10, 10, 8, 0, 0), result.Queries.Single(q => q.Query == "events").Watermark);
        var counts = await s.CountsAsync();
        Assert.Equal((4L, 8L, 3L), (counts["customers"], counts["events"], counts["orders"]));
        Assert.Equal(3705.00m, await s.ScalarAsync<decimal>("SELECT sum(revenue) FROM orders"));      // 3,670 - 35 + 70
    }

    [Fact]
    public async Task ALateRowInsideTheLookBack_IsPickedUp_AndOneOutsideItIsNot()
    {
        await s.RefreshAsync();
        await s.ExecAsync($"INSERT INTO journey_events VALUES (7, '2026-10-10 07:00:00.000000', NULL, 'a5', 's5', 'web', 'Desktop', 'landing_view', NULL, '{T2}')");
        await s.RefreshAsync();                                                                     // the events watermark is now T2
        // Rows that reach the source late, stamped before rows already read (a lagging replica, a batch load).
        await s.ExecAsync("""
            INSERT INTO journey_events VALUES
                (9, '2026-10-09 06:00:00.000000', NULL, 'a6', 's6', 'web', 'Desktop', 'landing_view', NULL, '2026-10-09 08:00:00.000000'),
                (10, '2026-10-07 06:00:00.000000', NULL, 'a7', 's7', 'web', 'Desktop', 'landing_view', NULL, '2026-10-07 08:00:00.000000');
            """);

        var result = await s.RefreshAsync();

        var events = result.Queries.Single(q => q.Query == "events");
        Assert.Equal(new DateTime(2026, 10, 8, 8, 0, 0), events.Since);                              // T2 less 48 hours
        Assert.Equal(2, events.RowsRead);                                                            // 7 again and the late 9
        Assert.Equal(1, await s.ScalarAsync<long>("SELECT count(*) FROM events WHERE event_id = 9"));  // 24 h late: inside
        Assert.Equal(0, await s.ScalarAsync<long>("SELECT count(*) FROM events WHERE event_id = 10")); // 72 h late: outside
        Assert.Equal(8, await s.ScalarAsync<long>("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task ASourceFailingHalfWay_LeavesTheModelExactlyAsItWas_AndTheRunFailedWithTheReason()
    {
        await s.RefreshAsync();
        var before = await s.ChecksumAsync();
        var counts = await s.CountsAsync();
        // Changes a refresh would load (orders come before events in the mapping), then events behind a view that fails
        // for real on event 8: SQLite raises "integer overflow" for abs() of the smallest integer, at that row only.
        await s.ExecAsync($"""
            UPDATE journey_orders SET revenue = 999.00, modified_at = '{T2}' WHERE order_id = 100;
            INSERT INTO journey_events VALUES
                (7, '2026-10-09 18:00:00.000000', NULL, 'a4', 's4', 'web', 'Mobile', 'landing_view', NULL, '{T2}'),
                (8, '2026-10-09 18:05:00.000000', NULL, 'a4', 's4', 'web', 'Mobile', 'product_view', 11, '{T2}');
            ALTER TABLE journey_events RENAME TO journey_events_data;
            CREATE VIEW journey_events AS
            SELECT CASE WHEN event_id = 8 THEN abs(-9223372036854775807 - 1) ELSE event_id END AS event_id,
                   occurred_at, customer_id, anonymous_id, session_id, channel, device, event_type, product_id, modified_at
            FROM journey_events_data;
            """);

        // One row a batch: the orders and events 6 and 7 are read and checked before event 8 fails.
        var e = await Assert.ThrowsAsync<RefreshException>(() => s.RefreshAsync(batchRows: 1));

        Assert.Contains("source 'aw', query 'events'", e.Message);
        Assert.Contains("failed after 2 rows", e.Message);
        Assert.Contains("integer overflow", e.Message);
        Assert.Equal(before, await s.ChecksumAsync());
        Assert.Equal(counts, await s.CountsAsync());
        Assert.Equal(3670.00m, await s.ScalarAsync<decimal>("SELECT sum(revenue) FROM orders"));
        var run = await s.LastRunAsync();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("failed after 2 rows", run.Error);
        Assert.EndsWith("The model is unchanged.", run.Error);
    }

    [Fact]
    public async Task TooManyRowsBreakingTheModel_FailTheRefresh_ModelUnchanged_EveryRejectWithItsReason()
    {
        await s.RefreshAsync();
        var before = await s.ChecksumAsync();
        await s.ExecAsync($"INSERT INTO journey_customers VALUES (4, 'Professional', 'consumer', 'Spain', NULL, 'web', '{T2}')");

        var e = await Assert.ThrowsAsync<RefreshException>(() => s.RefreshAsync());

        // The customers query reads customer 3 (T1, inside the look-back) and 4: 1 of 2 rejected, over the mapping's 1%.
        Assert.Contains("query 'customers': 1 of its 2 rows were rejected (50%), more than the 1% allowed. Top reasons: signup_at is missing (1).", e.Message);
        Assert.Equal(before, await s.ChecksumAsync());
        var rejects = File.ReadAllLines(s.RejectsPath);
        Assert.Equal(2, rejects.Length);
        Assert.StartsWith("\"source 'aw', query 'customers'\",,2,customers,signup_at is missing,", rejects[1]);
        Assert.Contains("1% allowed", (await s.LastRunAsync()).Error);
    }

    [Fact]
    public async Task ARowBreakingTheModel_WithinTheAllowedShare_IsRejected_AndTheRestIsLoaded()
    {
        await using var lenient = await CreateAsync(m => m with { MaxRejectedShare = 0.5 });
        await lenient.SeedAsync();
        await lenient.ExecAsync($"INSERT INTO journey_customers VALUES (4, 'Professional', 'consumer', 'Spain', NULL, 'web', '{T1}')");

        var result = await lenient.RefreshAsync();

        var customers = result.Queries.Single(q => q.Query == "customers").Targets.Single();
        Assert.Equal((3L, 1L), (customers.Loaded, customers.Rejected));
        Assert.Equal(3, await lenient.ScalarAsync<long>("SELECT count(*) FROM customers"));
        Assert.Contains(File.ReadAllLines(lenient.RejectsPath), l => l.EndsWith($",4,customers,signup_at is missing,\"4,Professional,consumer,Spain,,web,{T1}\""));
    }

    [Fact]
    public async Task ASecondIdenticalRefresh_ChangesNothing_FullOrIncremental()
    {
        await s.RefreshAsync(full: true);
        var once = await s.ChecksumAsync(watermarks: false);

        await s.RefreshAsync(full: true);
        var twice = await s.ChecksumAsync(watermarks: false);
        await s.RefreshAsync();
        var incremental = await s.ChecksumAsync(watermarks: false);

        Assert.Equal(once, twice);
        Assert.Equal(once, incremental);
        Assert.Equal(Seeded, await s.CountsAsync());
    }

    [Fact]
    public async Task AFullRefresh_ReadsEverythingAgain_AndDropsRowsDeletedAtTheSource()
    {
        await s.RefreshAsync();
        await s.ExecAsync("DELETE FROM journey_events WHERE event_id = 1");

        var incremental = await s.RefreshAsync();
        Assert.Equal(6, await s.ScalarAsync<long>("SELECT count(*) FROM events"));   // an incremental refresh cannot see a deletion
        var full = await s.RefreshAsync(full: true);

        Assert.Equal(8, incremental.RowsRead);                                         // each view's T1 row
        Assert.Equal(20, full.RowsRead);
        Assert.All(full.Queries, q => Assert.Null(q.Since));
        Assert.Equal(5, await s.ScalarAsync<long>("SELECT count(*) FROM events"));
        Assert.Equal("test (full)", (await s.LastRunAsync()).Trigger);
    }

    [Theory]
    [InlineData(RefreshStep.Staged)]    // while reading: the first batch of customers is staged
    [InlineData(RefreshStep.Applied)]   // while applying: the customers are in the model, inside the transaction
    public async Task ACancelledRefresh_LeavesTheModel_AndIsRecordedAsCancelled(RefreshStep when)
    {
        await s.RefreshAsync();
        var before = await s.ChecksumAsync();
        await s.ExecAsync($"UPDATE journey_customers SET region = 'Italy', modified_at = '{T2}'");
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            s.RefreshAsync(batchRows: 1, progress: p => { if (p.Step == when) cancel.Cancel(); }, ct: cancel.Token));

        Assert.Equal(before, await s.ChecksumAsync());
        Assert.Equal(0, await s.ScalarAsync<long>("SELECT count(*) FROM customers WHERE region = 'Italy'"));
        Assert.StartsWith("The refresh was cancelled", (await s.LastRunAsync()).Error);
    }

    [Fact]
    public async Task ASourceThatCannotBeOpened_FailsNamingItsFile_AndRecordsTheRun()
    {
        await using var down = await CreateAsync(connectionString: "Data Source=/nonexistent-folder/source.sqlite;Pooling=False");

        var e = await Assert.ThrowsAsync<RefreshException>(() => down.RefreshAsync());

        Assert.StartsWith("Cannot connect to source 'aw' (file /nonexistent-folder/source.sqlite): ", e.Message);
        Assert.Equal(RunStatus.Failed, (await down.LastRunAsync()).Status);
    }

    [Fact]
    public async Task SourceDateTimes_AreReadInTheMappingsTimeZone_AndStoredInUtc()
    {
        await using var london = await CreateAsync(m => m with { TimeZone = "Europe/London" });
        await london.SeedAsync();

        await london.RefreshAsync();

        // 30 Aug 10:00 in London is summer time: 09:00 UTC.
        Assert.Equal(new DateTime(2026, 8, 30, 9, 0, 0), await london.ScalarAsync<DateTime>("SELECT ordered_at FROM orders WHERE order_id = 100"));
    }
}
