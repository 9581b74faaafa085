using System.Globalization;
using JourneyReports.Catalog;

namespace JourneyReports.Server.Portal.Components;

/// <summary>How subscription pages say a schedule and a fire time.</summary>
public static class SubscriptionText
{
    /// <summary>"Mon, Wed at 08:00 (Europe/London)", or the cron itself when the builder cannot say it.</summary>
    public static string Schedule(Subscription s) =>
        $"{ScheduleBuilder.FromCron(s.Cron)?.Words() ?? $"cron {s.Cron}"} ({s.TimeZone})";

    /// <summary>A fire time as its zone's clock shows it, with the offset: "Mon 2027-03-29 08:00 +01:00".</summary>
    public static string Time(DateTimeOffset? at) => at?.ToString("ddd yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "–";
}
