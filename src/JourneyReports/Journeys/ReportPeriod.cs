namespace JourneyReports.Journeys;

/// <summary>
/// A span of whole local days in a time zone, as the half-open UTC interval [StartUtc, EndUtc) the warehouse is
/// queried with (warehouse timestamps are UTC).
/// </summary>
public sealed record ReportPeriod(DateOnly FirstDay, DateOnly LastDay, DateTime StartUtc, DateTime EndUtc, string TimeZoneId)
{
    /// <summary>Whole local days from <paramref name="firstDay"/> to <paramref name="lastDay"/> inclusive.</summary>
    public static ReportPeriod Days(DateOnly firstDay, DateOnly lastDay, TimeZoneInfo zone)
    {
        if (lastDay < firstDay)
            throw new ArgumentException($"The period ends ({lastDay:yyyy-MM-dd}) before it starts ({firstDay:yyyy-MM-dd}).");
        return new ReportPeriod(firstDay, lastDay, LocalMidnightToUtc(firstDay, zone), LocalMidnightToUtc(lastDay.AddDays(1), zone), zone.Id);
    }

    /// <summary>The last Monday-to-Sunday week that has ended at <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static ReportPeriod LastCompleteWeek(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var daysSinceMonday = ((int)today.DayOfWeek + 6) % 7;
        var thisMonday = today.AddDays(-daysSinceMonday);
        return Days(thisMonday.AddDays(-7), thisMonday.AddDays(-1), zone);
    }

    /// <summary>The period of the same length that ends where this one starts.</summary>
    public ReportPeriod Previous()
    {
        var length = LastDay.DayNumber - FirstDay.DayNumber + 1;
        return Days(FirstDay.AddDays(-length), FirstDay.AddDays(-1), TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));
    }

    /// <summary>
    /// The <paramref name="weeks"/> whole Monday–Sunday weeks up to the last Sunday on or before the period's end: a
    /// weekly series of them has no partial week at either end, which would look like a collapse in the last point.
    /// </summary>
    public ReportPeriod TrailingWholeWeeks(int weeks)
    {
        var lastSunday = LastDay.AddDays(-(int)LastDay.DayOfWeek);
        return Days(lastSunday.AddDays(1 - 7 * weeks), lastSunday, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));
    }

    /// <summary>This period widened backwards to cover <paramref name="weeks"/> times seven days ending on LastDay.</summary>
    public ReportPeriod TrailingWeeks(int weeks) =>
        Days(LastDay.AddDays(1 - 7 * weeks), LastDay, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));

    public override string ToString() => $"{FirstDay:d MMM yyyy} – {LastDay:d MMM yyyy}";

    // A local midnight that falls in a DST gap does not exist: the first instant after the gap is the day's start.
    // One that happens twice (clocks going back at midnight) starts the day at its first occurrence: the larger offset.
    static DateTime LocalMidnightToUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        if (zone.IsAmbiguousTime(local))
            return DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
