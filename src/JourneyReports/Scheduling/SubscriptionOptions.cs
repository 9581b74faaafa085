namespace JourneyReports.Scheduling;

/// <summary>The "Subscriptions" section: how scheduled runs are kept, retried and resumed.</summary>
public sealed class SubscriptionOptions
{
    /// <summary>How often the server brings Hangfire's recurring jobs in line with the catalog's subscriptions, in seconds.</summary>
    public int SyncSeconds { get; set; } = 10;

    /// <summary>A fire time missed while the server was down runs once if the server is back within this many hours; later, it is skipped.</summary>
    public double MissedFireGraceHours { get; set; } = 6;

    /// <summary>A run taking longer than this many minutes is stopped and recorded as failed.</summary>
    public int RunTimeoutMinutes { get; set; } = 30;

    /// <summary>
    /// Within a run, a recipient refused for now (a 4xx, the server down) is tried again after each of these delays; if
    /// still refused the run is retried later by the schedule, skipping those delivered. Empty: no retry within the run.
    /// </summary>
    public List<double> RetryDelaysSeconds { get; set; } = [];

    /// <summary>The delays used when the section lists none (configuration binding adds to a pre-filled list, so defaults live here).</summary>
    public static readonly IReadOnlyList<double> DefaultRetryDelaysSeconds = [2, 10, 30];
}
