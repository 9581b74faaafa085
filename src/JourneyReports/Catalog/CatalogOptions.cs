namespace JourneyReports.Catalog;

/// <summary>The "Catalog" section.</summary>
public sealed class CatalogOptions
{
    /// <summary>SQLite file holding subscriptions, run history, deliveries and the delivery ledger.</summary>
    public string Path { get; set; } = "catalog.db";

    /// <summary>Hangfire's job storage (SQLite), beside the catalog: schedules and queued runs survive a restart.</summary>
    public string JobStoragePath { get; set; } = "jobs.db";

    /// <summary>Folder where each run's artifacts are kept, one sub-folder per run id.</summary>
    public string ArtifactsPath { get; set; } = "artifacts";
}
