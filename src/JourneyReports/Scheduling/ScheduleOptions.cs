namespace JourneyReports.Scheduling;

/// <summary>One entry of the "Schedules" section: seeded as a subscription on the first start of a catalog, nothing more.</summary>
public sealed class ScheduleOptions
{
    /// <summary>Unique name of the schedule; and the name of the subscription it seeds. Defaults to the report id.</summary>
    public string? Id { get; set; }

    public string Key => string.IsNullOrWhiteSpace(Id) ? Report : Id;

    /// <summary>Report id, e.g. "executive-weekly".</summary>
    public string Report { get; set; } = "";

    /// <summary>Cron expression (5 fields) in TimeZone, e.g. "0 8 * * 1" for Mondays at 08:00.</summary>
    public string Cron { get; set; } = "0 8 * * 1";

    /// <summary>IANA time zone id in which the cron and the report's weeks are read.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public List<string> Recipients { get; set; } = [];

    /// <summary>Who hears of the seeded subscription's failures; by default its first recipient.</summary>
    public string? Owner { get; set; }
}
