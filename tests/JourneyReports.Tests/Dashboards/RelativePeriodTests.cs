using JourneyReports;

namespace JourneyReports.Tests;

public sealed class RelativePeriodTests
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // Wednesday 25 November 2026, 10:00 in London (GMT, so also 10:00 UTC).
    static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("last-complete-week", "2026-11-16", "2026-11-22")]
    [InlineData("last-7-days", "2026-11-18", "2026-11-24")]
    [InlineData("last-28-days", "2026-10-28", "2026-11-24")]
    [InlineData("last-90-days", "2026-08-27", "2026-11-24")]
    [InlineData("month-to-date", "2026-11-01", "2026-11-24")]
    [InlineData("quarter-to-date", "2026-10-01", "2026-11-24")]
    [InlineData("year-to-date", "2026-01-01", "2026-11-24")]
    [InlineData("previous-month", "2026-10-01", "2026-10-31")]
    [InlineData("previous-quarter", "2026-07-01", "2026-09-30")]
    public void Resolve_GivesWholeLocalDays(string name, string first, string last)
    {
        var period = RelativePeriod.Resolve(name, Now, London);
        Assert.Equal(DateOnly.Parse(first), period.FirstDay);
        Assert.Equal(DateOnly.Parse(last), period.LastDay);
        Assert.Equal("Europe/London", period.TimeZoneId);
    }

    [Fact]
    public void ToDate_OnTheFirstOfTheMonth_IsTheWholePreviousMonth()
    {
        var period = RelativePeriod.Resolve("month-to-date", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), London);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), (period.FirstDay, period.LastDay));
    }

    [Fact]
    public void Dst_LocalDateDecidesTheDays_AndUtcBoundsFollowTheOffset()
    {
        // 23:30 UTC on Sunday 29 March 2026 is already 00:30 BST on Monday 30 March in London.
        var now = new DateTimeOffset(2026, 3, 29, 23, 30, 0, TimeSpan.Zero);
        var week = RelativePeriod.Resolve("last-complete-week", now, London);
        Assert.Equal((new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 29)), (week.FirstDay, week.LastDay));
        Assert.Equal(new DateTime(2026, 3, 23, 0, 0, 0), week.StartUtc);
        Assert.Equal(new DateTime(2026, 3, 29, 23, 0, 0), week.EndUtc); // the week lost an hour to the clock change

        var days = RelativePeriod.Resolve("last-7-days", now, London);
        Assert.Equal(new DateOnly(2026, 3, 29), days.LastDay);
    }

    [Fact]
    public void Resolve_FromAnInjectedTimeProvider()
    {
        var clock = new FixedClock(Now);
        var period = RelativePeriod.Resolve("previous-month", clock, London);
        Assert.Equal(new DateOnly(2026, 10, 31), period.LastDay);
    }

    [Fact]
    public void Comparisons()
    {
        var period = RelativePeriod.Resolve("previous-month", Now, London);
        Assert.Null(RelativePeriod.Comparison("none", period));
        Assert.Equal(new DateOnly(2025, 10, 1), RelativePeriod.Comparison("same-period-last-year", period)!.FirstDay);
        Assert.Equal(new DateOnly(2026, 9, 30), RelativePeriod.Comparison("previous-period", period)!.LastDay);
    }

    [Fact]
    public void UnknownName_IsNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => RelativePeriod.Resolve("last-fortnight", Now, London));
        Assert.Contains("'last-fortnight'", e.Message);
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
