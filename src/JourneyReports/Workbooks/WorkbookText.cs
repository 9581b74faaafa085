using System.Globalization;
using JourneyReports.Rendering;

namespace JourneyReports.Workbooks;

/// <summary>
/// Times as the workbooks' header lines show them, in the report culture and the period's time zone. Periods are
/// written by <see cref="ReportFormat.Period"/> and <see cref="ReportFormat.PeriodLine"/>, as in the PNG and the email.
/// </summary>
internal static class WorkbookText
{
    public const string NoData = "no data loaded yet";

    public static string GeneratedAt(DateTimeOffset generatedAt, string timeZoneId, CultureInfo culture) =>
        Local(generatedAt, timeZoneId, culture);

    public static string DataUntil(DateTime? dataUntilUtc, string timeZoneId, CultureInfo culture) =>
        dataUntilUtc is { } until
            ? Local(new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)), timeZoneId, culture)
            : NoData;

    // Executives read times in the zone the week is defined in, not the server's, hence the explicit zone name.
    static string Local(DateTimeOffset instant, string timeZoneId, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return $"{local.ToString("d MMM yyyy HH:mm", culture)} ({timeZoneId})";
    }
}
