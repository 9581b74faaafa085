namespace JourneyReports.Tests;

/// <summary>When a subscription fires: its cron read in its time zone, across the clock changes.</summary>
public sealed class SubscriptionScheduleTests
{
    static Subscription At(string cron, string zone) => new() { Name = "s", Cron = cron, TimeZone = zone };

    [Fact]
    public void HalfPastOneInLondon_FiresExactlyOnce_OnTheSpringForwardAndTheFallBackDays()
    {
        var daily = At("30 1 * * *", "Europe/London");
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        // 28 Mar 2027: 01:00 GMT becomes 02:00 BST, so 01:30 never happens. 31 Oct 2027: 01:00–02:00 BST happens twice.
        foreach (var day in new[] { new DateOnly(2027, 3, 28), new DateOnly(2027, 10, 31) })
        {
            var fires = SubscriptionJob.NextFireTimes(daily, new DateTimeOffset(day.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), 5)
                .Where(f => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(f, london).DateTime) == day).ToList();
            Assert.Single(fires);
        }
        // Spring: the missing 01:30 fires at the first moment after the gap, 02:00 BST (01:00 UTC).
        Assert.Contains(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero),
            SubscriptionJob.NextFireTimes(daily, new DateTimeOffset(2027, 3, 27, 12, 0, 0, TimeSpan.Zero), 2).Select(f => f.ToUniversalTime()));
        // Autumn: the first 01:30 (BST, 00:30 UTC) fires, not the second.
        Assert.Contains(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero),
            SubscriptionJob.NextFireTimes(daily, new DateTimeOffset(2027, 10, 30, 12, 0, 0, TimeSpan.Zero), 2).Select(f => f.ToUniversalTime()));
    }

    [Fact]
    public void TheLastFire_BeforeAMoment_IsTheScheduledOne_InTheSubscriptionsZone()
    {
        var mondays = At("0 8 * * 1", "America/New_York");

        // Monday 23 Nov 2026 13:05 UTC is 08:05 in New York: the fire was at 08:00 New York time, 13:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero),
            SubscriptionJob.LastFireTime(mondays, new DateTimeOffset(2026, 11, 23, 13, 5, 0, TimeSpan.Zero)));
        // A minute before it, the last fire is the Monday before.
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 13, 0, 0, TimeSpan.Zero),
            SubscriptionJob.LastFireTime(mondays, new DateTimeOffset(2026, 11, 23, 12, 59, 0, TimeSpan.Zero)));
    }
}
