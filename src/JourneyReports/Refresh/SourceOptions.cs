using System.Text.RegularExpressions;
using Cronos;
using JourneyReports.Warehouse;

namespace JourneyReports.Refresh;

/// <summary>
/// One entry of the "Sources" section (JourneyReports:Sources:&lt;name&gt;): a database the model is refreshed from in
/// Import mode. The connection string belongs in the environment or a secret store, not in appsettings.json.
/// </summary>
public sealed partial class SourceOptions
{
    /// <summary>The refresh mapping (docs/refresh.md), relative to the working directory.</summary>
    public string Mapping { get; set; } = "";

    /// <summary>The ADO.NET connection string. Never logged or shown: messages name only the server and database.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>When the refresh runs (five-field cron); empty: only on demand (the refresh verb).</summary>
    public string? Cron { get; set; }

    /// <summary>The IANA time zone <see cref="Cron"/> is read in.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>A refresh taking longer is stopped and recorded as failed; the model stays as it was.</summary>
    public int TimeoutMinutes { get; set; } = 120;

    /// <summary>Where rows the model rejects are written (under the data folder unless absolute); default refresh-rejects-&lt;name&gt;.csv.</summary>
    public string? RejectsPath { get; set; }

    /// <summary>Every problem of the source named <paramref name="name"/>, the mapping's included; never the connection string.</summary>
    public IEnumerable<string> Problems(string name)
    {
        var at = $"JourneyReports:Sources:{name}";
        if (!PlainName().IsMatch(name)) yield return $"{at}: a source's name may hold letters, digits, - and _ only.";
        if (string.IsNullOrWhiteSpace(ConnectionString))
            yield return $"{at}:ConnectionString is empty; set it in the environment (JourneyReports__Sources__{name}__ConnectionString), not in appsettings.json.";
        if (string.IsNullOrWhiteSpace(Mapping)) yield return $"{at}:Mapping is empty; name the refresh mapping file (e.g. mappings/sqlserver-adventureworks.json).";
        else
        {
            string? problem = null;
            try { RefreshMapping.Load(Mapping); }
            catch (RefreshException e) { problem = e.Message; }
            if (problem is not null) yield return $"{at}:Mapping: {problem}";
        }
        if (Cron is { Length: > 0 } cron && !IsCron(cron))
            yield return $"{at}:Cron '{cron}' is not a valid cron expression (five fields, e.g. '0 5 * * *' for 05:00 every day).";
        if (TimeZones.Problem(TimeZone) is { } zone) yield return $"{at}:TimeZone: {zone}.";
        if (TimeoutMinutes is < 1 or > 24 * 60) yield return $"{at}:TimeoutMinutes must be 1 to 1440 (was {TimeoutMinutes}).";
    }

    static bool IsCron(string cron)
    {
        try { CronExpression.Parse(cron); return true; }
        catch (CronFormatException) { return false; }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex PlainName();
}
