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
    /// DuckDB's memory limit while an import runs (its memory_limit: "256MB", "2GB"): beyond it, aggregates spill to the
    /// warehouse's temporary folder instead of growing, so an import's peak depends on this, not on the file: 5 million
    /// REES46 rows peaked at 429 MB and 50 million at 479 MB under 256MB. DuckDB's CSV reader needs blocks of about
    /// 30 MB per thread, so much less than this fails; an import that runs out fails naming this setting. The limit is
    /// the warehouse's for the import's duration; queries running meanwhile share it.
    /// </summary>
    public string ImportMemoryLimit { get; set; } = DefaultImportMemoryLimit;

    public const string DefaultImportMemoryLimit = "256MB";

    /// <summary>A memory size as DuckDB reads one; only these reach the SET statement, which takes no parameters.</summary>
    public static bool IsMemorySize(string? text) => text is not null && MemorySize().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{1,6}(\.[0-9]{1,3})? ?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")]
    private static partial System.Text.RegularExpressions.Regex MemorySize();

    /// <summary>What one analyst SQL query may cost: its time, rows and size.</summary>
    public AnalystSqlOptions AnalystSql { get; set; } = new();
}
