namespace JourneyReports.Tests;

/// <summary>The journey metrics over a generated demo year: what an executive would see must make sense.</summary>
public sealed class DemoJourneyTests : IAsyncLifetime
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    static readonly DateOnly LastDay = new(2026, 11, 22);
    TempWarehouse w = null!;

    public async Task InitializeAsync()
    {
        w = await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync();
        await DemoWarehouse.SeedAsync(w.Warehouse, new DemoSpec(0.02, 42, LastDay), replace: false, null, default);
        await w.ReopenAsync();
    }

    public async Task DisposeAsync() => await w.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(20)]
    [InlineData(45)]
    public async Task Funnel_StageCountsNeverRise_FromOneStageToTheNext(int weeksAgo)
    {
        var week = ReportPeriod.Days(LastDay.AddDays(1 - 7 * weeksAgo), LastDay.AddDays(7 - 7 * weeksAgo), London);

        var funnel = await w.Metrics.FunnelAsync(week, JourneyFilter.None, default);

        Assert.All(funnel.Zip(funnel.Skip(1)), pair => Assert.True(pair.First.Customers >= pair.Second.Customers,
            $"{pair.Second.Stage} ({pair.Second.Customers}) exceeds {pair.First.Stage} ({pair.First.Customers})"));
        Assert.True(funnel[3].Customers > 0, "someone bought in the week");
    }

    [Fact]
    public async Task ExecutiveWeekly_HasEveryKpi_AndTwelveTrendWeeks()
    {
        var week = ReportPeriod.LastCompleteWeek(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), London);

        var data = await ExecutiveWeekly.LoadAsync(w.Metrics, week, JourneyFilter.None, DateTimeOffset.UtcNow, "£", default);

        Assert.Equal(["visitors", "conversion", "orders", "revenue", "aov", "nps", "ces"], data.Kpis.Select(k => k.Key));
        Assert.All(data.Kpis, k => Assert.NotNull(k.Value));
        Assert.Equal(12, data.Trend.Count);
        Assert.Equal(new DateOnly(2026, 11, 16), data.Trend[^1].WeekStart);
        Assert.All(data.Trend, t => Assert.True(t.Visitors > 0 && t.Orders > 0));
        Assert.Equal(JourneyStages.InOrder, data.ChannelMix.Select(c => c.Stage).Distinct());
    }
}
