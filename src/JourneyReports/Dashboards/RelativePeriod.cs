using JourneyReports.Journeys;

namespace JourneyReports.Dashboards;

/// <summary>
/// Named relative report periods ("last-28-days", "previous-quarter", ...) resolved to whole local days in a time zone.
/// Every range ends at the latest complete local day: "to date" means up to and including yesterday, because today's
/// data is still arriving and a report that changes every time it is opened cannot be compared with anything.
/// On the first day of a month (quarter, year) the "to date" range is therefore the whole previous month (quarter, year).
/// </summary>
public static class RelativePeriod
{
    public static readonly IReadOnlyList<string> Names =
    [
        "last-complete-week", "last-7-days", "last-28-days", "last-90-days", "month-to-date", "quarter-to-date",
        "year-to-date", "previous-month", "previous-quarter",
    ];

    public static readonly IReadOnlyList<string> Comparisons = ["previous-period", "none", "same-period-last-year"];

    public static bool IsKnown(string name) => Names.Contains(name);

    public static ReportPeriod Resolve(string name, TimeProvider clock, TimeZoneInfo zone) => Resolve(name, clock.GetUtcNow(), zone);

    public static ReportPeriod Resolve(string name, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var yesterday = today.AddDays(-1);
        return name switch
        {
            "last-complete-week" => ReportPeriod.LastCompleteWeek(now, zone),
            "last-7-days" => ReportPeriod.Days(yesterday.AddDays(-6), yesterday, zone),
            "last-28-days" => ReportPeriod.Days(yesterday.AddDays(-27), yesterday, zone),
            "last-90-days" => ReportPeriod.Days(yesterday.AddDays(-89), yesterday, zone),
            "month-to-date" => ReportPeriod.Days(new DateOnly(yesterday.Year, yesterday.Month, 1), yesterday, zone),
            "quarter-to-date" => ReportPeriod.Days(QuarterStart(yesterday), yesterday, zone),
            "year-to-date" => ReportPeriod.Days(new DateOnly(yesterday.Year, 1, 1), yesterday, zone),
            "previous-month" => Month(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), zone),
            "previous-quarter" => Quarter(QuarterStart(today).AddMonths(-3), zone),
            _ => throw new ArgumentException(
                $"Unknown relative period '{name}'. Use one of: {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <summary>The period a report compares with, or null for "none".</summary>
    public static ReportPeriod? Comparison(string comparison, ReportPeriod period) => comparison switch
    {
        "none" => null,
        "previous-period" => period.Previous(),
        // AddYears maps 29 Feb to 28 Feb, so a leap-day period still has a comparison.
        "same-period-last-year" => ReportPeriod.Days(period.FirstDay.AddYears(-1), period.LastDay.AddYears(-1),
            TimeZoneInfo.FindSystemTimeZoneById(period.TimeZoneId)),
        _ => throw new ArgumentException(
            $"Unknown comparison '{comparison}'. Use one of: {string.Join(", ", Comparisons)}.", nameof(comparison)),
    };

    static DateOnly QuarterStart(DateOnly day) => new(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);

    static ReportPeriod Month(DateOnly first, TimeZoneInfo zone) => ReportPeriod.Days(first, first.AddMonths(1).AddDays(-1), zone);

    static ReportPeriod Quarter(DateOnly first, TimeZoneInfo zone) => ReportPeriod.Days(first, first.AddMonths(3).AddDays(-1), zone);
}
