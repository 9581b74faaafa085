namespace JourneyReports.Tests;

/// <summary>Touchpoints per stage and cross-channel journeys on <see cref="JourneyFixture"/>.</summary>
public sealed class TouchpointTests : IAsyncLifetime
{
    TempWarehouse w = null!;
    static readonly ReportPeriod Week = JourneyFixture.Week;

    public async Task InitializeAsync() => w = await JourneyFixture.OpenAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    [Fact]
    public Task Touchpoints_AreSharesOfTheStagesVisitors_SoTheyCanAddUpToMoreThanOne() => Touchpoints_AreSharesOfTheStagesVisitors_SoTheyCanAddUpToMoreThanOne_On(w.Metrics);

    internal static async Task Touchpoints_AreSharesOfTheStagesVisitors_SoTheyCanAddUpToMoreThanOne_On(JourneyMetrics metrics)
    {
        var t = await metrics.TouchpointsAsync(Week, JourneyFilter.None, default);

        // awareness: A (email, social), B (email), D (web), E (social) -> 4 visitors; email 2/4, social 2/4, web 1/4
        var awareness = t.Channels.Where(c => c.Stage == "awareness").ToDictionary(c => c.Value);
        Assert.Equal(0.5m, awareness["email"].Share);
        Assert.Equal(0.5m, awareness["social"].Share);
        Assert.Equal(0.25m, awareness["web"].Share);
        Assert.All(awareness.Values, c => Assert.Equal(4, c.StageVisitors));
        Assert.Equal(1.25m, awareness.Values.Sum(c => c.Share));
        // consideration: A, B, C, E all on the web
        Assert.Equal(1m, Assert.Single(t.Channels, c => c.Stage == "consideration").Share);
        // devices at awareness: mobile A, B, E; tablet D. At purchase: desktop A, in person C.
        var devices = t.Devices.ToDictionary(d => (d.Stage, d.Value), d => d.Share);
        Assert.Equal(0.75m, devices[("awareness", "mobile")]);
        Assert.Equal(0.25m, devices[("awareness", "tablet")]);
        Assert.Equal(0.5m, devices[("purchase", "desktop")]);
        Assert.Equal(0.5m, devices[("purchase", "in_person")]);
    }

    [Fact]
    public Task Touchpoints_HonourTheFilter() => Touchpoints_HonourTheFilter_On(w.Metrics);

    internal static async Task Touchpoints_HonourTheFilter_On(JourneyMetrics metrics)
    {
        var t = await metrics.TouchpointsAsync(Week, new JourneyFilter(Device: "mobile"), default);

        // On mobile, awareness is A (email, social), B (email), E (social): 2/3 each
        var awareness = t.Channels.Where(c => c.Stage == "awareness").ToDictionary(c => c.Value, c => c.Share);
        Assert.Equal(new[] { "email", "social" }, awareness.Keys.Order());
        Assert.Equal(0.666667m, awareness["email"]);
        Assert.DoesNotContain(t.Channels, c => c.Stage == "purchase");
    }

    [Fact]
    public Task CrossChannel_CountsChannelsAndDevices_UpToTheFirstPurchase_WithinTheLookback() => CrossChannel_CountsChannelsAndDevices_UpToTheFirstPurchase_WithinTheLookback_On(w.Metrics);

    internal static async Task CrossChannel_CountsChannelsAndDevices_UpToTheFirstPurchase_WithinTheLookback_On(JourneyMetrics metrics)
    {
        var x = await metrics.CrossChannelAsync(Week, JourneyFilter.None, default);

        // Purchasers A and C. A up to Tue 20:10: email, social, web on mobile and desktop (Thursday's tracking is after).
        // C over 30 days: the app view on 30 Oct (before the week, inside the lookback), web, store on mobile,
        // desktop, in person.
        Assert.Equal(2, x.Purchasers);
        Assert.Equal(30, x.LookbackDays);
        Assert.Equal(new long[] { 0, 0, 2, 0 }, x.Channels.Select(b => b.Visitors));
        Assert.Equal(new[] { "1", "2", "3", "4+" }, x.Channels.Select(b => b.Label));
        Assert.Equal(new long[] { 0, 1, 1, 0 }, x.Devices.Select(b => b.Visitors));
        Assert.Equal(3m, x.AverageChannels);
        Assert.Equal(2.5m, x.AverageDevices);
        Assert.Equal(new decimal?[] { 0m, 0.5m, 0.5m, 0m }, x.Devices.Select(b => b.Share));
    }

    [Fact]
    public Task CrossChannel_AShorterLookback_LeavesOutEarlierTouches() => CrossChannel_AShorterLookback_LeavesOutEarlierTouches_On(w.Metrics);

    internal static async Task CrossChannel_AShorterLookback_LeavesOutEarlierTouches_On(JourneyMetrics metrics)
    {
        var x = await metrics.CrossChannelAsync(Week, JourneyFilter.None, 3, default);

        // C's app view (7 days before the purchase) drops out: web and store, desktop and in person.
        Assert.Equal(new long[] { 0, 1, 1, 0 }, x.Channels.Select(b => b.Visitors));
        Assert.Equal(new long[] { 0, 2, 0, 0 }, x.Devices.Select(b => b.Visitors));
    }

    [Fact]
    public Task CrossChannel_HonoursTheFilter_AndIsEmptyWithoutPurchasers() => CrossChannel_HonoursTheFilter_AndIsEmptyWithoutPurchasers_On(w.Metrics);

    internal static async Task CrossChannel_HonoursTheFilter_AndIsEmptyWithoutPurchasers_On(JourneyMetrics metrics)
    {
        var desktop = await metrics.CrossChannelAsync(Week, new JourneyFilter(Device: "desktop"), default);
        var before = await metrics.CrossChannelAsync(Week.Previous(), JourneyFilter.None, default);

        // On desktop only A purchased (C's purchase was in person), and only on the web.
        Assert.Equal(1, desktop.Purchasers);
        Assert.Equal(new long[] { 1, 0, 0, 0 }, desktop.Channels.Select(b => b.Visitors));
        Assert.Equal(0, before.Purchasers);
        Assert.Null(before.AverageChannels);
        Assert.All(before.Devices, b => Assert.Null(b.Share));
    }
}
