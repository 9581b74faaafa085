namespace JourneyReports.Tests;

/// <summary>
/// Order, retention, experience and department metrics on the Olist sample for 2017 in São Paulo, against
/// olist_metrics.py, which reads the CSV files with Python's csv module (definitions in its header). Olist has orders
/// and reviews but no clickstream: visitors, conversion and funnels are empty. Late delivery:
/// RealDataMetricsTests.Olist_LateDelivery_... against olist_late_delivery.py.
/// </summary>
public sealed class RealDataOlistTests(OlistData data) : IClassFixture<OlistData>
{
    static readonly ReportPeriod Year2017 = ReportPeriod.Days(new(2017, 1, 1), new(2017, 12, 31), TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"));

    [Fact]
    public async Task Kpis_OrdersRevenueAndAverageOrderValue_LeaveOutCancelledOrders()
    {
        var k = await data.Metrics.KpisAsync(Year2017, JourneyFilter.None, default);
        var journey = (await data.Metrics.JourneyKpisAsync(Year2017, null, JourneyFilter.None, default)).ToDictionary(x => x.Key, x => x.Value);

        // 6,669 orders placed in 2017 and not canceled/unavailable; Σ price + freight of their items
        Assert.Equal((6_669L, 1_044_793.04m), (k.Orders, k.Revenue));
        Assert.Equal(Math.Round(1_044_793.04m / 6_669, 6), journey["aov"]);
        Assert.Equal(0, k.Visitors);
    }

    [Fact]
    public async Task Attribution_EveryModelCreditsTheYearsOrdersToNoTouch_WithoutAClickstream()
    {
        var rows = await data.Metrics.AttributionAsync(Year2017, JourneyFilter.None, AttributionOptions.Default);

        // no events, so no touches: each of the six models puts all 6,669 orders and their revenue on "(none)"
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal((AttributionRow.NoTouch, 6_669.0, 1_044_793.04m, 1.0), (r.Channel, r.Orders, r.Revenue, r.Share)));
    }

    [Fact]
    public async Task RepeatPurchase_CustomersWithTwoOrdersInTheYear()
    {
        var r = await data.Metrics.RepeatPurchaseAsync(Year2017, JourneyFilter.None, default);
        var journey = (await data.Metrics.JourneyKpisAsync(Year2017, null, JourneyFilter.None, default)).ToDictionary(x => x.Key, x => x.Value);

        // 6,630 customer_unique_ids ordered in 2017, 39 of them twice or more; none of the others had ordered in 2016
        Assert.Equal((6_630L, 39L), (r.Customers, r.Repeaters));
        Assert.Equal(Math.Round(39m / 6_630, 6), journey["repeat_rate"]);
    }

    [Fact]
    public async Task Churn_AsOfTheYearEnd_WithTheLateShareOfEachGroupByLocalDay()
    {
        var c = await data.Metrics.ChurnAsync(Year2017, JourneyFilter.None, 90, default);
        var journey = (await data.Metrics.JourneyKpisAsync(Year2017, null, JourneyFilter.None, default)).ToDictionary(x => x.Key, x => x.Value);

        // 6,671 customers ordered from 3 Oct 2016 to 31 Dec 2017; 4,113 of them last before 2 Oct 2017
        Assert.Equal((6_671L, 4_113L), (c.Customers, c.Churned));
        Assert.Equal(Math.Round(4_113m / 6_671, 6), journey["churn_rate"]);
        var (lost, kept) = (c.ChurnedGroup!, c.RetainedGroup!);
        // delivered before the year end and on a later São Paulo day than estimated: 158 of 4,038 and 118 of 2,159
        Assert.Equal(158.0 / 4_038, lost.LateShare!.Value, 12);
        Assert.Equal(118.0 / 2_159, kept.LateShare!.Value, 12);
        Assert.Equal(4_141.0 / 4_113, lost.MeanOrders, 12);
        Assert.Equal(2_569.0 / 2_558, kept.MeanOrders, 12);
        Assert.Equal((159.45m, 154.77m), (lost.MeanRevenue, kept.MeanRevenue));   // 159.453793, 154.772486
    }

    [Fact]
    public async Task CsatTrend_ByLocalMonthOfTheReview()
    {
        var trend = await data.Metrics.ExperienceTrendAsync(Year2017, JourneyFilter.None, "month", default);

        (long Answers, long Satisfied)[] expected =
            [(36, 31), (215, 171), (381, 276), (303, 218), (538, 424), (558, 424), (551, 435), (711, 563), (613, 489), (604, 485), (706, 559), (1_203, 893)];
        Assert.Equal(Enumerable.Range(1, 12).Select(m => new DateOnly(2017, m, 1)), trend.Select(p => p.Start));
        Assert.Equal(expected.Select(e => e.Answers), trend.Select(p => p.Scores.CsatResponses));
        Assert.All(trend.Zip(expected), x => Assert.Equal(100.0 * x.Second.Satisfied / x.Second.Answers, x.First.Scores.Csat!.Value, 9));
        var journey = (await data.Metrics.JourneyKpisAsync(Year2017, null, JourneyFilter.None, default)).ToDictionary(x => x.Key, x => x.Value);
        Assert.Equal(Math.Round(4_968m / 6_419, 6), journey["csat"]);   // the year: Σ 4-5 over Σ answers
    }

    [Fact]
    public async Task MonthlyCohorts_OfTheFirstQuarter_SeldomComeBack()
    {
        var q1 = ReportPeriod.Days(new(2017, 1, 1), new(2017, 3, 31), TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"));

        var cells = await data.Metrics.CohortRetentionAsync(q1, JourneyFilter.None, "month", default);

        var back = cells.Where(c => c.PeriodIndex > 0 && c.Customers > 0).Select(c => (c.Cohort.Month, c.PeriodIndex, c.Customers));
        Assert.Equal(new[] { 122L, 264L, 387L }, cells.Where(c => c.PeriodIndex == 0).Select(c => c.Size));
        Assert.Equal(new[] { (1, 7L, 1L), (1, 10L, 1L), (2, 2L, 1L), (2, 8L, 1L), (2, 12L, 1L), (3, 12L, 1L) }, back);
    }

    [Fact]
    public async Task Departments_OrdersAndRevenueOfTheirLines_MostRevenueFirst()
    {
        var d = await data.Metrics.DepartmentsAsync(Year2017, JourneyFilter.None, default);

        // English category names; revenue = the prices of the department's lines (no freight)
        Assert.Equal(71, d.Count);
        Assert.Equal(new[]
        {
            ("watches_gifts", 324L, 79_655.24m), ("bed_bath_table", 680L, 74_471.75m), ("health_beauty", 532L, 73_237.18m),
            ("sports_leisure", 540L, 68_810.21m), ("cool_stuff", 334L, 57_578.45m),
        }, d.Take(5).Select(x => (x.Department, x.Orders, x.Revenue)));
    }
}
