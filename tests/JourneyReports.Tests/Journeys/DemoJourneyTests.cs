namespace JourneyReports.Tests;

/// <summary>The journey metrics over a generated demo year: what an executive would see must make sense.</summary>
public sealed class DemoJourneyTests(DemoYear42 demo) : IClassFixture<DemoYear42>, IAsyncLifetime
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    static readonly DateOnly LastDay = DemoYear.LastDay;
    (JourneyMetrics Metrics, System.Data.Common.DbConnection Connection) w;

    public async Task InitializeAsync() => w = await demo.MetricsAsync();

    public async Task DisposeAsync() => await w.Connection.DisposeAsync();

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

        // The families the executive-weekly definition's datasets name, with its options.
        async Task<List<T>> Rows<T>(string family, params (string, string)[] options) => [.. ((System.Collections.IEnumerable)await MetricCatalog.Find(family)!
            .Run(w.Metrics, week, JourneyFilter.None, new MetricArgs(options.ToDictionary(o => o.Item1, o => o.Item2)), default)).Cast<T>()];
        var kpis = await Rows<Kpi>("kpis");
        var trend = await Rows<TrendPoint>("trend", ("weeks", "12"));
        var channelMix = await Rows<ChannelMixRow>("channel-mix");

        Assert.Equal(["visitors", "conversion", "orders", "revenue", "aov", "nps", "ces"], kpis.Select(k => k.Key));
        Assert.All(kpis, k => Assert.NotNull(k.Value));
        Assert.Equal(12, trend.Count);
        Assert.Equal(new DateOnly(2026, 11, 16), trend[^1].WeekStart);
        Assert.All(trend, t => Assert.True(t.Visitors > 0 && t.Orders > 0));
        Assert.Equal(JourneyStages.InOrder, channelMix.Select(c => c.Stage).Distinct());
    }
}
