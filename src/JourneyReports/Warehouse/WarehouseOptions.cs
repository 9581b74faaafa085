namespace JourneyReports.Warehouse;

/// <summary>The "Warehouse" section: where the journey model lives and whether demo data fills it on first start.</summary>
public sealed partial class WarehouseOptions
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

    /// <summary>
    /// DuckDB's memory limit while an import runs (its memory_limit: "256MB", "2GB"): beyond it, sorts and aggregates
    /// spill to the warehouse's temporary folder instead of growing. Not all of an import's work can spill: 5 million
    /// REES46 rows import in 256MB, 50 million need more (they ran out at 256MB and peaked at 2.3 GB under 2GB), so the
    /// default is the larger, and an import that runs out fails naming this setting. The limit is the warehouse's for
    /// the import's duration; queries running meanwhile share it.
    /// </summary>
    public string ImportMemoryLimit { get; set; } = DefaultImportMemoryLimit;

    public const string DefaultImportMemoryLimit = "2GB";

    /// <summary>A memory size as DuckDB reads one; only these reach the SET statement, which takes no parameters.</summary>
    public static bool IsMemorySize(string? text) => text is not null && MemorySize().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{1,6}(\.[0-9]{1,3})? ?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")]
    private static partial System.Text.RegularExpressions.Regex MemorySize();

    /// <summary>What one analyst SQL query may cost: its time, rows and size.</summary>
    public AnalystSqlOptions AnalystSql { get; set; } = new();
}
