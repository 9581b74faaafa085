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

    internal IEnumerable<string> Problems()
    {
        const string At = "JourneyReports:Subscriptions";
        if (SyncSeconds is < 1 or > 3600) yield return $"{At}:SyncSeconds must be 1 to 3600 (was {SyncSeconds}).";
        if (MissedFireGraceHours is < 0 or > 24 * 31) yield return $"{At}:MissedFireGraceHours must be 0 to 744 (was {MissedFireGraceHours}).";
        if (RunTimeoutMinutes is < 1 or > 24 * 60) yield return $"{At}:RunTimeoutMinutes must be 1 to 1440 (was {RunTimeoutMinutes}).";
    }
}
