namespace JourneyReports.Warehouse;

/// <summary>
/// The "Warehouse:AnalystSql" section: what one analyst query may cost the warehouse and the server. A query that runs
/// longer is stopped, a result that is larger is refused; either is that dataset's error, the rest of the dashboard runs.
/// </summary>
public sealed class AnalystSqlOptions
{
    /// <summary>Seconds a query may run before it is stopped (the warehouse is held, and a core busy, while it runs).</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Rows a query returns at most; more are cut off and the result says it was truncated.</summary>
    public int MaxRows { get; set; } = 100_000;

    /// <summary>Megabytes of values a result may hold (text by its length); a larger one is refused, not cut.</summary>
    public int MaxResultMegabytes { get; set; } = 50;

    /// <summary>What is wrong with these values, one line each, named by their configuration keys.</summary>
    public IEnumerable<string> Problems()
    {
        const string At = "JourneyReports:Warehouse:AnalystSql";
        if (TimeoutSeconds is < 1 or > 3600) yield return $"{At}:TimeoutSeconds must be 1 to 3600 (was {TimeoutSeconds}).";
        if (MaxRows is < 1 or > 10_000_000) yield return $"{At}:MaxRows must be 1 to 10000000 (was {MaxRows}).";
        if (MaxResultMegabytes is < 1 or > 4096) yield return $"{At}:MaxResultMegabytes must be 1 to 4096 (was {MaxResultMegabytes}).";
    }
}
