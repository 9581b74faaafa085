using System.Globalization;

namespace JourneyReports;

/// <summary>Dates and times as the workbook's header lines show them, in the report culture and the period's time zone.</summary>
internal static class WorkbookText
{
    public static string Period(ReportPeriod period, CultureInfo culture) =>
        $"{period.FirstDay.ToString("d MMM yyyy", culture)} – {period.LastDay.ToString("d MMM yyyy", culture)}";

    public static string GeneratedAt(ExecutiveWeeklyData data, CultureInfo culture) =>
        Local(data.GeneratedAt, data.Period.TimeZoneId, culture);

    public static string DataUntil(ExecutiveWeeklyData data, CultureInfo culture) =>
        data.DataUntilUtc is { } until
            ? Local(new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)), data.Period.TimeZoneId, culture)
            : "no data loaded yet";

    // Executives read times in the zone the week is defined in, not the server's, hence the explicit zone name.
    static string Local(DateTimeOffset instant, string timeZoneId, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return $"{local.ToString("d MMM yyyy HH:mm", culture)} ({timeZoneId})";
    }
}
