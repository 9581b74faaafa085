namespace JourneyReports.Tests;

/// <summary>Funnel detail and breakdown on <see cref="JourneyFixture"/>.</summary>
public sealed class FunnelDetailTests : IAsyncLifetime
{
    TempWarehouse w = null!;
    static readonly ReportPeriod Week = JourneyFixture.Week;

    public async Task InitializeAsync() => w = await JourneyFixture.OpenAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    [Fact]
    public Task FunnelDetail_HasTheOrderedFunnel_TheUnorderedReach_AndTheHoursBetweenStages() => FunnelDetail_HasTheOrderedFunnel_TheUnorderedReach_AndTheHoursBetweenStages_On(w.Metrics);

    internal static async Task FunnelDetail_HasTheOrderedFunnel_TheUnorderedReach_AndTheHoursBetweenStages_On(JourneyMetrics metrics)
    {
        var d = await metrics.FunnelDetailAsync(Week, JourneyFilter.None, default);

        // ordered: awareness A, B, D, E; consideration A, B; decision, purchase, retention A
        Assert.Equal(new long[] { 4, 2, 1, 1, 1, 0 }, d.Select(s => s.Customers));
        Assert.Equal((await metrics.FunnelAsync(Week, JourneyFilter.None, default)).Select(s => s.DropOff), d.Select(s => s.DropOff));
        // any event of the stage: consideration also C and E; decision also D; purchase also C
        Assert.Equal(new long[] { 4, 4, 2, 2, 1, 0 }, d.Select(s => s.Reached));
        // awareness -> consideration: A 65 min, B 1 min. Median (65 + 1) / 2 = 33 min = 0.55 h;
        // p90 interpolated 1 + 0.9 * 64 = 58.6 min = 0.976667 h.
        Assert.Null(d[0].MedianHoursFromPrevious);
        Assert.Equal(0.55, d[1].MedianHoursFromPrevious!.Value, 6);
        Assert.Equal(58.6 / 60, d[1].P90HoursFromPrevious!.Value, 6);
        Assert.Equal(34 + 55 / 60.0, d[2].MedianHoursFromPrevious!.Value, 6); // A: Mon 09:05 -> Tue 20:00
        Assert.Equal(10 / 60.0, d[3].P90HoursFromPrevious!.Value, 6);          // A: 20:00 -> 20:10
        Assert.Equal(36 + 50 / 60.0, d[4].MedianHoursFromPrevious!.Value, 6); // A: Tue 20:10 -> Thu 09:00
        Assert.Null(d[5].MedianHoursFromPrevious);                             // nobody made the step
    }

    [Fact]
    public Task FunnelBy_Persona_AttachesEachVisitorsPersona_AnonymousAsUnknown() => FunnelBy_Persona_AttachesEachVisitorsPersona_AnonymousAsUnknown_On(w.Metrics);

    internal static async Task FunnelBy_Persona_AttachesEachVisitorsPersona_AnonymousAsUnknown_On(JourneyMetrics metrics)
    {
        var rows = await metrics.FunnelByAsync(Week, JourneyFilter.None, "persona", default);

        // Planner: A (to retention) and D (awareness only); unknown: B (to consideration) and E (awareness).
        // Regular (C) never reached awareness, so has no row.
        Assert.Equal(new[] { "Planner", "unknown" }, rows.Select(r => r.Value).Distinct());
        Assert.Equal(new long[] { 2, 1, 1, 1, 1, 0 }, rows.Where(r => r.Value == "Planner").Select(r => r.Customers));
        Assert.Equal(new long[] { 2, 1, 0, 0, 0, 0 }, rows.Where(r => r.Value == "unknown").Select(r => r.Customers));
        Assert.Equal(new decimal?[] { null, 0.5m, 1m, null, null, null }, rows.Where(r => r.Value == "unknown").Select(r => r.DropOff));
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("device")]
    [InlineData("department")]
    [InlineData("region")]
    public Task FunnelBy_EachValueIsTheFunnelFilteredToIt(string dimension) => FunnelBy_EachValueIsTheFunnelFilteredToIt_On(w.Metrics, dimension);

    internal static async Task FunnelBy_EachValueIsTheFunnelFilteredToIt_On(JourneyMetrics metrics, string dimension)
    {
        var rows = await metrics.FunnelByAsync(Week, JourneyFilter.None, dimension, default);

        Assert.NotEmpty(rows);
        // "unknown" (anonymous visitors) is a breakdown value no filter can select.
        foreach (var g in rows.GroupBy(r => r.Value).Where(g => g.Key != "unknown"))
        {
            var filtered = await metrics.FunnelAsync(Week, FilterOn(dimension, g.Key), default);
            Assert.Equal(filtered.Select(s => s.Customers), g.Select(r => r.Customers));
        }
    }

    [Fact]
    public Task FunnelBy_Channel_And_Department_ByHand() => FunnelBy_Channel_And_Department_ByHand_On(w.Metrics);

    internal static async Task FunnelBy_Channel_And_Department_ByHand_On(JourneyMetrics metrics)
    {
        var channels = await metrics.FunnelByAsync(Week, JourneyFilter.None, "channel", default);
        var departments = await metrics.FunnelByAsync(Week, JourneyFilter.None, "department", default);

        // Only awareness events are by email (A, B) or social (A, E); web awareness is D's landing view, after which D's
        // web add_to_cart skips consideration. The store has C's purchase only: no awareness, no row.
        Assert.Equal(new[] { "email", "social", "web" }, channels.Select(r => r.Value).Distinct());
        Assert.All(channels, r => Assert.Equal(r.Order == 1 ? (r.Value == "web" ? 1 : 2) : 0, r.Customers));
        // Home: A (arrivals and purchase concern no product, so they count), B, E; Electronics: D (C has no awareness).
        Assert.Equal(new long[] { 3, 2, 1, 1, 1, 0 }, departments.Where(r => r.Value == "Home").Select(r => r.Customers));
        Assert.Equal(new long[] { 1, 0, 0, 0, 0, 0 }, departments.Where(r => r.Value == "Electronics").Select(r => r.Customers));
    }

    [Fact]
    public Task FunnelBy_HonoursTheFilter() => FunnelBy_HonoursTheFilter_On(w.Metrics);

    internal static async Task FunnelBy_HonoursTheFilter_On(JourneyMetrics metrics)
    {
        var rows = await metrics.FunnelByAsync(Week, new JourneyFilter(Persona: "Planner"), "department", default);

        // Planners are A (Home, to retention) and D (Electronics, awareness only).
        Assert.Equal(new long[] { 1, 1, 1, 1, 1, 0 }, rows.Where(r => r.Value == "Home").Select(r => r.Customers));
        Assert.Equal(new long[] { 1, 0, 0, 0, 0, 0 }, rows.Where(r => r.Value == "Electronics").Select(r => r.Customers));
    }

    [Theory]
    [InlineData("weather")]
    [InlineData("Persona")]
    [InlineData("persona; DROP TABLE events")]
    public async Task FunnelBy_RejectsAnUnknownDimension_NamingItAndTheAllowedOnes(string dimension)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => w.Metrics.FunnelByAsync(Week, JourneyFilter.None, dimension, default));

        Assert.Equal("dimension", e.ParamName);
        Assert.Contains($"'{dimension}'", e.Message);
        Assert.Contains("persona, segment, region, channel, device, department", e.Message);
    }

    static JourneyFilter FilterOn(string dimension, string value) => dimension switch
    {
        "channel" => new JourneyFilter(Channel: value),
        "device" => new JourneyFilter(Device: value),
        "department" => new JourneyFilter(Department: value),
        "region" => new JourneyFilter(Region: value),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}
