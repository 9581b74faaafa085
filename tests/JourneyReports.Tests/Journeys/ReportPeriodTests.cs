namespace JourneyReports.Tests;

public sealed class ReportPeriodTests
{
    static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Fact]
    public void LastCompleteWeek_IsMondayToSunday_BeforeTheCurrentWeek()
    {
        var week = ReportPeriod.LastCompleteWeek(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), Zone("Europe/London"));

        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)), (week.FirstDay, week.LastDay));
        Assert.Equal((new DateTime(2026, 11, 16), new DateTime(2026, 11, 23)), (week.StartUtc, week.EndUtc));
    }

    [Fact]
    public void Days_StartAtLocalMidnight_InSummerTime()
    {
        var day = ReportPeriod.Days(new(2026, 7, 6), new(2026, 7, 6), Zone("Europe/London"));

        Assert.Equal((new DateTime(2026, 7, 5, 23, 0, 0), new DateTime(2026, 7, 6, 23, 0, 0)), (day.StartUtc, day.EndUtc));
    }

    [Fact]
    public void Days_StartAtTheFirstMidnight_WhenClocksGoBackAtMidnight()
    {
        // Havana leaves daylight time at 01:00 on Sunday 1 Nov 2026, back to 00:00: midnight happens at UTC-4, then UTC-5.
        var day = ReportPeriod.Days(new(2026, 11, 1), new(2026, 11, 1), Zone("America/Havana"));

        Assert.Equal(new DateTime(2026, 11, 1, 4, 0, 0), day.StartUtc);
        Assert.Equal(new DateTime(2026, 11, 2, 5, 0, 0), day.EndUtc);
    }

    [Fact]
    public void Previous_IsTheSameLength_EndingWhereThisStarts()
    {
        var month = ReportPeriod.Days(new(2026, 10, 1), new(2026, 10, 31), TimeZoneInfo.Utc);

        var before = month.Previous();

        Assert.Equal((new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 30)), (before.FirstDay, before.LastDay));
    }
}
