namespace JourneyReports.Tests;

/// <summary>
/// Metric families on the REES46 clickstream slice (1 Oct 2019, 00:00-02:50 UTC) against rees46_metrics.py, which
/// reads the CSV with Python's csv module (definitions in its header). The slice has product views, carts and
/// purchases on the web only: funnels start at consideration, and there are no orders to attribute.
/// </summary>
public sealed class RealDataRees46Tests(Rees46Data data) : IClassFixture<Rees46Data>
{
    static readonly ReportPeriod Day = ReportPeriod.Days(new(2019, 10, 1), new(2019, 10, 1), TimeZoneInfo.Utc);

    [Fact]
    public async Task FunnelDetail_ReachAndHoursBetweenStages_MatchTheFile()
    {
        var detail = (await data.Metrics.FunnelDetailAsync(Day, JourneyFilter.None, default)).Where(s => s.Order is >= 2 and <= 4).ToList();

        // ordered 4,504 / 111 / 62; reach (any event of the stage) 4,504 / 111 / 193: most buyers never carted
        Assert.Equal(new long[] { 4_504, 111, 62 }, detail.Select(s => s.Customers));
        Assert.Equal(new long[] { 4_504, 111, 193 }, detail.Select(s => s.Reached));
        // view -> cart: median 83 s (0.023056 h), p90 0.133056 h; cart -> purchase: median 0.027917 h, p90 0.104528 h
        Assert.Equal(0.023056, detail[1].MedianHoursFromPrevious!.Value, 6);
        Assert.Equal(0.133056, detail[1].P90HoursFromPrevious!.Value, 6);
        Assert.Equal(0.027917, detail[2].MedianHoursFromPrevious!.Value, 6);
        Assert.Equal(0.104528, detail[2].P90HoursFromPrevious!.Value, 6);
    }

    [Fact]
    public async Task Kpis_VisitorsAndBuyers_AreThePeopleWithAnyEventAndWithAPurchase()
    {
        var k = await data.Metrics.KpisAsync(Day, JourneyFilter.None, default);

        Assert.Equal((4_504L, 193L, 0L, 0m), (k.Visitors, k.Buyers, k.Orders, k.Revenue));
    }

    [Fact]
    public async Task Touchpoints_AndChannelMix_EveryStageOnTheWebFromAnUnknownDevice_ForItsWholeReach()
    {
        var t = await data.Metrics.TouchpointsAsync(Day, JourneyFilter.None, default);
        var cross = await data.Metrics.CrossChannelAsync(Day, JourneyFilter.None, default);
        var mix = await data.Metrics.ChannelMixAsync(Day, JourneyFilter.None, default);

        Assert.Equal(new[] { ("consideration", "web", 4_504L, 1m), ("decision", "web", 111L, 1m), ("purchase", "web", 193L, 1m) },
            t.Channels.Select(c => (c.Stage, c.Value, c.StageVisitors, c.Share)));
        Assert.Equal(new[] { ("consideration", "unknown", 4_504L), ("decision", "unknown", 111L), ("purchase", "unknown", 193L) },
            t.Devices.Select(c => (c.Stage, c.Value, c.Visitors)));
        Assert.Equal((193L, 1m, 1m), (cross.Purchasers, cross.AverageChannels, cross.AverageDevices));
        Assert.Equal(new[] { ("consideration", 4_504L, 1m), ("decision", 111L, 1m), ("purchase", 193L, 1m) },
            mix.Select(m => (m.Stage, m.Customers, m.Share)));
    }

    [Fact]
    public async Task Paths_ConversionIsEveryBuyer_DropOffEveryCarterWhoDidNotBuy()
    {
        var conversion = await data.Metrics.PathsAsync(Day, JourneyFilter.None, PathOutcome.Conversion);
        var dropOff = await data.Metrics.PathsAsync(Day, JourneyFilter.None, PathOutcome.DropOff);

        // 193 people with a purchase; 111 carted, 62 of them bought -> 49 dropped off. One channel: one path, "web".
        Assert.Equal(new[] { ("web", 193L, 1.0) }, conversion.Select(p => (p.Path, p.Visitors, p.Share)));
        Assert.Equal(new[] { ("web", 49L, 1.0) }, dropOff.Select(p => (p.Path, p.Visitors, p.Share)));
    }

    [Fact]
    public async Task Flow_MovesBetweenStages_MatchTheFile()
    {
        var flow = await data.Metrics.FlowAsync(Day, JourneyFilter.None);

        Assert.Equal(new[]
        {
            ("consideration", "purchase", 145L, 136L), ("consideration", "decision", 136L, 111L), ("purchase", "consideration", 136L, 121L),
            ("decision", "purchase", 66L, 58L), ("decision", "consideration", 47L, 44L),
        }, flow.Select(l => (l.FromStage, l.ToStage, l.Transitions, l.Visitors)));
        Assert.All(flow, l => Assert.Equal(("web", "web"), (l.FromChannel, l.ToChannel)));
    }

    [Fact]
    public async Task Departments_AreWhatTheDepartmentFilterGives_OnAClickstreamWithoutAwareness()
    {
        var departments = await data.Metrics.DepartmentsAsync(Day, JourneyFilter.None, default);

        // Per department (first part of category_code): people with an event on its products; buyers: those with a
        // purchase of its products; the ordered funnel of those events from consideration.
        (string, long, long, long[])[] expected =
        [
            ("accessories", 45, 2, [45, 0, 0]), ("apparel", 156, 3, [156, 0, 0]), ("appliances", 529, 20, [529, 5, 3]),
            ("auto", 134, 1, [134, 0, 0]), ("computers", 244, 6, [244, 1, 1]), ("construction", 91, 2, [91, 0, 0]),
            ("country_yard", 5, 0, [5, 0, 0]), ("electronics", 1_978, 118, [1_978, 92, 56]), ("furniture", 152, 3, [152, 0, 0]),
            ("kids", 70, 0, [70, 0, 0]), ("medicine", 4, 0, [4, 0, 0]), ("sport", 35, 0, [35, 0, 0]),
            ("stationery", 3, 1, [3, 1, 1]), ("unknown", 1_677, 42, [1_677, 14, 3]),
        ];
        Assert.Equal(expected.Select(e => (e.Item1, e.Item2, e.Item3)), departments.Select(d => (d.Department, d.Visitors, d.Buyers)));
        foreach (var (department, _, _, funnel) in expected)
            Assert.Equal(funnel, departments.Single(d => d.Department == department).Funnel.Where(s => s.Order is >= 2 and <= 4).Select(s => s.Customers));
        // ... which is what the department filter gives
        var electronics = new JourneyFilter(Department: "electronics");
        Assert.Equal(118, (await data.Metrics.KpisAsync(Day, electronics, default)).Buyers);
        Assert.Equal(new long[] { 1_978, 92, 56, 0, 0 }, (await data.Metrics.FunnelAsync(Day, electronics, default)).Select(s => s.Customers));
    }
}
