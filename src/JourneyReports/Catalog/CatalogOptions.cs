namespace JourneyReports.Catalog;

/// <summary>The "Catalog" section.</summary>
public sealed class CatalogOptions
{
    /// <summary>
    /// Where the catalog lives: "sqlite" (a file, <see cref="Path"/>; the default) or "sqlserver" (a database,
    /// <see cref="ConnectionString"/>), which several server instances on several machines can share (docs/instances.md).
    /// </summary>
    public string Provider { get; set; } = CatalogDatabase.Sqlite;

    /// <summary>SQLite file holding subscriptions, run history, deliveries and the delivery ledger.</summary>
    public string Path { get; set; } = "catalog.db";

    /// <summary>
    /// For Provider "sqlserver": the connection string of a login that owns the catalog schema. Give it in the
    /// environment (JourneyReports__Catalog__ConnectionString) rather than in appsettings.json; it is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where Hangfire keeps its jobs: "sqlite" (a file, <see cref="JobStoragePath"/>; the default) or "sqlserver".</summary>
    public string JobStorage { get; set; } = CatalogDatabase.Sqlite;

    /// <summary>Hangfire's job storage (SQLite), beside the catalog: schedules and queued runs survive a restart.</summary>
    public string JobStoragePath { get; set; } = "jobs.db";

    /// <summary>For JobStorage "sqlserver": its connection string; when empty, <see cref="ConnectionString"/>'s.</summary>
    public string? JobStorageConnectionString { get; set; }

    /// <summary>For JobStorage "sqlserver": the schema Hangfire creates and owns, apart from the catalog's.</summary>
    public string JobStorageSchema { get; set; } = "hangfire";

    /// <summary>Folder where each run's artifacts are kept, one sub-folder per run id.</summary>
    public string ArtifactsPath { get; set; } = "artifacts";

    public static readonly IReadOnlyList<string> Providers = [CatalogDatabase.Sqlite, CatalogDatabase.SqlServer];

    /// <summary>Every problem of this section, named by its setting (never showing a connection string).</summary>
    public IEnumerable<string> Problems()
    {
        var names = string.Join(" or ", Providers.Select(p => $"'{p}'"));
        if (!Providers.Contains(Provider))
            yield return $"JourneyReports:Catalog:Provider '{Provider}' is not available; use {names}.";
        if (!Providers.Contains(JobStorage))
            yield return $"JourneyReports:Catalog:JobStorage '{JobStorage}' is not available; use {names}.";
        if (Provider == CatalogDatabase.SqlServer && CatalogDatabase.ConnectionStringProblem(ConnectionString) is { } catalog)
            yield return $"JourneyReports:Catalog:ConnectionString {catalog} (Catalog:Provider is 'sqlserver').";
        if (JobStorage == CatalogDatabase.SqlServer && CatalogDatabase.ConnectionStringProblem(JobStorageConnectionString ?? ConnectionString) is { } jobs)
            yield return $"JourneyReports:Catalog:JobStorageConnectionString (or ConnectionString) {jobs} (Catalog:JobStorage is 'sqlserver').";
        if (JobStorage == CatalogDatabase.SqlServer && !System.Text.RegularExpressions.Regex.IsMatch(JobStorageSchema, "^[A-Za-z_][A-Za-z0-9_]{0,127}$"))
            yield return $"JourneyReports:Catalog:JobStorageSchema '{JobStorageSchema}' is not a plain schema name (letters, digits, _).";
    }
}
