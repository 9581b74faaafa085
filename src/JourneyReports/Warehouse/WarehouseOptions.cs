namespace JourneyReports.Warehouse;

/// <summary>The "Warehouse" section: where the journey model lives and whether demo data fills it on first start.</summary>
public sealed class WarehouseOptions
{
    /// <summary>Which engine holds the warehouse (see <see cref="WarehouseProviders.Names"/>); "duckdb" is an embedded file.</summary>
    public string Provider { get; set; } = "duckdb";

    /// <summary>
    /// With Provider "sqlserver" (DirectQuery): the connection string of the SQL Server database holding the journey
    /// schema (docs/directquery.md). Set it in the environment (JourneyReports__Warehouse__ConnectionString), not in
    /// appsettings.json; it is never logged, and messages name only its server and database.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The DuckDB database file; relative to the data folder.</summary>
    public string Path { get; set; } = "warehouse.duckdb";

    /// <summary>Generate demo data when the warehouse is empty at server start.</summary>
    public bool SeedDemoDataIfEmpty { get; set; } = true;

    /// <summary>Scale of the demo data generated on first start (1 = ~100,000 customers, 5 million events).</summary>
    public double DemoScale { get; set; } = 0.05;

    /// <summary>Random seed of the demo data; the same seed gives the same data.</summary>
    public int DemoSeed { get; set; } = 42;

    /// <summary>What one analyst SQL query may cost: its time, rows and size.</summary>
    public AnalystSqlOptions AnalystSql { get; set; } = new();
}
