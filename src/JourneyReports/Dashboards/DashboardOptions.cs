namespace JourneyReports.Dashboards;

/// <summary>The "Dashboards" section: how the web server keeps dashboard results.</summary>
public sealed class DashboardOptions
{
    /// <summary>
    /// How many dashboard results (one per definition, parameters, filters and data version) the server keeps in memory;
    /// 0 runs the queries for every request. A result is kept only up to 10,000 rows; those of the built-in dashboards
    /// have a few hundred, so 200 of them take a few megabytes.
    /// </summary>
    public int CacheEntries { get; set; } = 200;
}
