using System.Text.Json;
using Dapper;
using JourneyReports.Refresh;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>
/// A stand-in source (a SQLite file shaped like the journey views) configured as source "aw" with the committed SQL
/// Server mapping, read through each query's SQLite twin (<see cref="StandInSource"/>), and a warehouse and catalog of
/// the test's own: refreshes go through <see cref="SourceRefresher"/>, as the schedule and the verb run them.
/// </summary>
public sealed class StandInRefresh : IAsyncDisposable
{
    public const string T0 = "2026-09-01 08:00:00.000000";
    public const string T1 = "2026-10-01 08:00:00.000000";
    public const string T2 = "2026-10-10 08:00:00.000000";

    public static readonly RefreshMapping SqlServerMapping = RefreshMapping.Load(Path.Combine(RepoPaths.Root, "mappings", "sqlserver-adventureworks.json"));

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    public string SourcePath => Path.Combine(Directory, "source.sqlite");
    public string RejectsPath => Path.Combine(Directory, "rejects.csv");
    public SqliteConnection Source { get; private set; } = null!;
    public JourneyReportsOptions Options { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    public JourneyWarehouse Warehouse => Services.GetRequiredService<JourneyWarehouse>();
    public ReportCatalog Catalog => Services.GetRequiredService<ReportCatalog>();

    /// <param name="change">Changes to the stand-in mapping (e.g. a higher maxRejectedShare), said in the test.</param>
    /// <param name="connectionString">Another source than the stand-in file: one that cannot be opened, or a real SQL
    /// Server, whose mapping is then the committed one itself (<paramref name="mappingPath"/>).</param>
    public static async Task<StandInRefresh> CreateAsync(Func<RefreshMapping, RefreshMapping>? change = null, string? connectionString = null,
        string? mappingPath = null)
    {
        var s = new StandInRefresh();
        System.IO.Directory.CreateDirectory(s.Directory);
        s.Source = await StandInSource.CreateAsync(s.SourcePath, default);
        if (mappingPath is null)
        {
            var mapping = StandInSource.Mapping(SqlServerMapping);
            mappingPath = Path.Combine(s.Directory, "standin.json");
            File.WriteAllText(mappingPath, JsonSerializer.Serialize(change is null ? mapping : change(mapping)));
        }
        s.Options = new JourneyReportsOptions { DataDirectory = s.Directory };
        s.Options.Sources["aw"] = new SourceOptions
        {
            Mapping = mappingPath, ConnectionString = connectionString ?? StandInSource.ConnectionString(s.SourcePath), RejectsPath = s.RejectsPath,
        };
        s.Services = TestEngine.Services(s.Options);
        await s.Catalog.MigrateAsync(default);
        return s;
    }

    /// <summary>21 rows in the eight views, modified at T0 (older) and T1 (the newest row of each view).</summary>
    public Task SeedAsync() => ExecAsync($"""
        INSERT INTO journey_customers VALUES
            (1, 'Professional', 'consumer', 'United Kingdom', '2026-01-10 00:00:00.000000', 'web', '{T0}'),
            (2, 'Clerical', 'vip', 'France', '2026-02-10 00:00:00.000000', 'web', '{T0}'),
            (3, 'Management', 'small_business', 'Germany', '2026-03-10 00:00:00.000000', 'web', '{T1}');
        INSERT INTO journey_products VALUES
            (10, 'Road bike', 'Road Bikes', 'Bikes', 1200.00, '{T0}'),
            (11, 'Helmet', 'Helmets', 'Accessories', 35.00, '{T1}');
        INSERT INTO journey_orders VALUES
            (100, 1, '2026-08-30 10:00:00.000000', 'web', 'completed', 1235.00, '2026-09-03 00:00:00.000000', '2026-09-02 12:00:00.000000', 0, '{T0}'),
            (101, 2, '2026-08-31 11:00:00.000000', 'web', 'completed', 35.00, '2026-09-04 00:00:00.000000', NULL, 0, '{T0}'),
            (102, 3, '2026-09-30 09:00:00.000000', 'web', 'completed', 2400.00, '2026-10-04 00:00:00.000000', NULL, 0, '{T1}');
        INSERT INTO journey_order_lines VALUES
            (100, 1, 10, 1, 1200.00, 0, '{T0}'), (100, 2, 11, 1, 35.00, 0, '{T0}'), (101, 1, 11, 1, 35.00, 0, '{T0}'), (102, 1, 10, 2, 1200.00, 0, '{T1}');
        INSERT INTO journey_events VALUES
            (1, '2026-08-30 09:50:00.000000', NULL, 'a1', 's1', 'web', 'Desktop', 'landing_view', NULL, '{T0}'),
            (2, '2026-08-30 09:55:00.000000', NULL, 'a1', 's1', 'web', 'Desktop', 'product_view', 10, '{T0}'),
            (3, '2026-08-30 10:00:00.000000', 1, 'a1', 's1', 'web', 'Desktop', 'purchase', 10, '{T0}'),
            (4, '2026-08-31 10:58:00.000000', 2, 'a2', 's2', 'app', 'Mobile', 'add_to_cart', 11, '{T0}'),
            (5, '2026-08-31 11:00:00.000000', 2, 'a2', 's2', 'app', 'Mobile', 'purchase', 11, '{T0}'),
            (6, '2026-09-30 09:00:00.000000', 3, 'a3', 's3', 'web', 'Tablet', 'purchase', 10, '{T1}');
        INSERT INTO journey_identities VALUES ('a1', 1, '2026-08-30 10:00:00.000000', '{T1}');
        INSERT INTO journey_support_tickets VALUES (500, 2, '2026-09-05 14:00:00.000000', 'email', 'late delivery', 30, 1, '{T1}');
        INSERT INTO journey_surveys VALUES (900, 1, '2026-09-03 12:00:00.000000', 'purchase', 'web', 9, 5, 2, 'Quick delivery', '{T1}');
        """);

    public Task ExecAsync(string sql, object? parameters = null) => Source.ExecuteAsync(sql, parameters);

    public Task<RefreshResult> RefreshAsync(bool full = false, int batchRows = RefreshEngine.DefaultBatchRows, Action<RefreshProgress>? progress = null,
        CancellationToken ct = default) =>
        Services.GetRequiredService<SourceRefresher>().RefreshAsync("aw", full, "test", ct, progress, batchRows);

    /// <summary>One value from the warehouse, on a connection of its own (closed straight after, as the product does).</summary>
    public Task<T> ScalarAsync<T>(string sql) => WithWarehouseAsync(c => Scalar<T>(c, sql));

    public Task<IReadOnlyDictionary<string, long>> CountsAsync() => WithWarehouseAsync<IReadOnlyDictionary<string, long>>(async c =>
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in ImportModel.Tables.Keys) counts[table] = await Scalar<long>(c, $"SELECT count(*) FROM {table}");
        return counts;
    });

    /// <summary>Every row of every journey table (and every watermark, with the time of its refresh), as one digest: equal digests, equal models.</summary>
    public Task<string> ChecksumAsync(bool watermarks = true) => WithWarehouseAsync(async c =>
    {
        var parts = new List<string>();
        foreach (var table in watermarks ? ImportModel.Tables.Keys.Append("refresh_watermarks") : ImportModel.Tables.Keys)
            parts.Add(await Scalar<string>(c, $"SELECT count(*) || ':' || coalesce(md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))), '') FROM {table} t"));
        return string.Join(" ", parts);
    });

    async Task<T> WithWarehouseAsync<T>(Func<System.Data.Common.DbConnection, Task<T>> read)
    {
        await using var c = await Warehouse.OpenAsync(default);
        return await read(c);
    }

    static async Task<T> Scalar<T>(System.Data.Common.DbConnection c, string sql) =>
        await c.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException($"no value: {sql}");

    public async Task<RunRecord> LastRunAsync() => (await Catalog.RecentRunsAsync(1, default)).Single();

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await Services.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
