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
}
