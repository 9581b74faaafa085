using Dapper;

namespace JourneyReports.Tests;

/// <summary>
/// Analyst SQL runs on the warehouse's own connection, so before it runs that connection is locked down: no files, no
/// network, no extensions, no configuration changes. DuckDB holds those settings for the whole open database until its
/// last connection closes; the import, which reads CSV files, opens the warehouse afresh and still can.
/// </summary>
public sealed class AnalystSqlSandboxTests : IAsyncLifetime
{
    static readonly ReportPeriod Period = ReportPeriod.Days(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 7), TimeZoneInfo.Utc);
    TempWarehouse w = null!;
    string Csv => Path.Combine(w.Directory, "people.csv");

    public async Task InitializeAsync()
    {
        w = await TempWarehouse.OpenAsync();
        File.WriteAllText(Csv, "id,name,city,joined\n1,Ann,Leeds,2024-01-02 10:00:00\n");
    }

    public async Task DisposeAsync() => await w.DisposeAsync();

    Task<AnalystResult> Run(System.Data.Common.DbConnection connection, string sql) =>
        AnalystSql.RunAsync(w.Warehouse.Provider, connection, sql, Period, JourneyFilter.None);

    static Task<long> ReadCsv(System.Data.Common.DbConnection connection, string path) =>
        connection.ExecuteScalarAsync<long>("SELECT count(*) FROM read_csv($path)", new { path });

    static Task<(bool External, bool Install, bool Load, bool Locked)> Settings(System.Data.Common.DbConnection connection) =>
        connection.QuerySingleAsync<(bool, bool, bool, bool)>("SELECT current_setting('enable_external_access'), " +
            "current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions'), current_setting('lock_configuration')");

    [Fact]
    public async Task AfterAnAnalystQuery_TheConnectionReadsNoFile_LoadsNoExtension_AndItsConfigurationIsLocked()
    {
        Assert.Equal(1, await ReadCsv(w.Connection, Csv));                      // the warehouse connection could read files

        var result = await Run(w.Connection, "SELECT count(*) AS n FROM events");

        Assert.Equal(0L, result.Rows.Single()[0]);
        Assert.Equal((false, false, false, true), await Settings(w.Connection));
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ReadCsv(w.Connection, Csv));
        Assert.Contains("disabled by configuration", refused.Message);
        var locked = await Assert.ThrowsAnyAsync<Exception>(() => w.Connection.ExecuteAsync("SET enable_external_access = true"));
        Assert.Contains("the configuration has been locked", locked.Message);
    }

    [Fact]
    public async Task TheLockdownHoldsForTheOpenDatabase_SoASecondConnectionRunsAnalystSqlToo_AndMetricQueriesStillRun()
    {
        await Run(w.Connection, "SELECT 1 AS one");
        await Run(w.Connection, "SELECT 2 AS two");                              // a second dataset on the same connection
        await using var other = await w.Warehouse.OpenAsync(default);           // opened while the database is locked down

        Assert.Equal((false, false, false, true), await Settings(other));
        Assert.Equal(2, (await Run(other, "SELECT 2 AS two")).Rows.Single()[0]);
        Assert.Equal(0, (await new JourneyMetrics(w.Warehouse, other).FunnelAsync(Period, JourneyFilter.None, default)).Sum(s => s.Customers));
    }

    [Fact]
    public async Task OnceTheWarehouseIsClosed_TheImportOpensItAfresh_AndReadsItsCsvFiles()
    {
        await Run(w.Connection, "SELECT 1 AS one");
        await w.Connection.DisposeAsync();
        var mapping = Path.Combine(w.Directory, "mapping.json");
        File.WriteAllText(mapping, """
            { "sources": [ { "file": "people.csv", "targets": [ { "table": "customers", "key": ["customer_id"], "fields": {
                "customer_id": { "column": "id" }, "persona": { "column": "name" }, "segment": { "const": "consumer" },
                "region": { "column": "city" }, "signup_at": { "column": "joined" }, "acquisition_channel": { "const": "web" } } } ] } ] }
            """);

        var imported = await CsvImport.RunAsync(w.Warehouse, mapping, null, Path.Combine(w.Directory, "rejects.csv"), default);

        Assert.Equal(1, imported.Files[0].Loaded);
        await w.ReopenAsync();
        Assert.True((await Settings(w.Connection)).External);
    }
}
