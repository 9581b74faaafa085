namespace JourneyReports.Catalog;

public sealed record RunRecord(
    long RunId, string ReportId, string Trigger, string Status, string StartedAt, string? FinishedAt,
    string? PeriodFirst, string? PeriodLast, string? TimeZone, string? ArtifactsDir, string? Error);

public sealed record DeliveryRecord(long RunId, string Recipient, string Transport, string Status, string? Detail, string DeliveredAt);

public static class RunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
