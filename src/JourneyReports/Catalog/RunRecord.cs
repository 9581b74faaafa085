namespace JourneyReports.Catalog;

public sealed record RunRecord(
    long RunId, string ReportId, string Trigger, string Status, string StartedAt, string? FinishedAt,
    string? PeriodFirst, string? PeriodLast, string? TimeZone, string? ArtifactsDir, string? Error,
    long? SubscriptionId = null, string? FireTime = null);

/// <summary>One attempt to deliver a run to one recipient, with its outcome (see <see cref="RecipientStatus"/>).</summary>
public sealed record DeliveryRecord(long RunId, string Recipient, string Transport, string Status, string? Detail, string DeliveredAt, long Attempt = 1);

public static class RunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    /// <summary>Delivered to some recipients; others were refused for good (a bad address) and the owner was told.</summary>
    public const string Partial = "partial";
    public const string Failed = "failed";
    /// <summary>The process stopped while it ran; the schedule resumes it once.</summary>
    public const string Interrupted = "interrupted";
    /// <summary>Nothing sent: every recipient was skipped (unsubscribed, outside Mail:AllowedDomains, or a period without data that sends nothing).</summary>
    public const string Skipped = "skipped";
}

/// <summary>A recipient's delivery, in the run history and the ledger.</summary>
public static class RecipientStatus
{
    public const string Sending = "sending";
    public const string Sent = "sent";
    /// <summary>Refused for now (a 4xx, the server down, a timeout before the message was out): tried again.</summary>
    public const string Transient = "transient";
    /// <summary>Refused for good (a 5xx, a bad address): not tried again; the owner is told.</summary>
    public const string Permanent = "permanent";
    /// <summary>The whole message went out but no reply came: it may have arrived, so it is not sent again by itself.</summary>
    public const string Uncertain = "uncertain";
    /// <summary>Not attempted: the recipient unsubscribed, or is outside Mail:AllowedDomains.</summary>
    public const string Skipped = "skipped";
    /// <summary>Not sent because its slice of the dashboard could not be drawn whole.</summary>
    public const string NotSent = "not-sent";
    /// <summary>Already delivered for this period by an earlier run: not sent again.</summary>
    public const string AlreadyDelivered = "already-delivered";
}

/// <summary>A recipient's row of the delivery ledger (see the migration that creates it).</summary>
public sealed record LedgerEntry(long SubscriptionId, string PeriodKey, string Recipient, string Status, string MessageId, long Attempts,
    long? RunId, string? Detail, string UpdatedAt);
