namespace JourneyReports.Tests;

/// <summary>
/// Order and retention metrics on the CDNOW transaction log against cdnow_metrics.py, which reads the file with plain
/// Python (definitions in its header). Monthly cohorts: RealDataMetricsTests.Cdnow_MonthlyCohortRetention_MatchesTheFile.
/// </summary>
public sealed class RealDataCdnowTests(CdnowData data) : IClassFixture<CdnowData>
{
    static readonly ReportPeriod Q1_1997 = ReportPeriod.Days(new(1997, 1, 1), new(1997, 3, 31), TimeZoneInfo.Utc);
    static readonly ReportPeriod H1_1998 = ReportPeriod.Days(new(1998, 1, 1), new(1998, 6, 30), TimeZoneInfo.Utc);

    [Fact]
    public async Task FirstQuarter_EveryCustomerOrders_AndAFifthOrderTwiceOrMore()
    {
        var k = await data.Metrics.KpisAsync(Q1_1997, JourneyFilter.None, default);
        var r = await data.Metrics.RepeatPurchaseAsync(Q1_1997, JourneyFilter.None, default);

        Assert.Equal((31_798L, 1_071_805.47m), (k.Orders, k.Revenue));
        Assert.Equal((23_570L, 5_066L), (r.Customers, r.Repeaters));   // all 23,570 customers start in Q1 1997
    }

    [Fact]
    public async Task FirstHalfOf1998_JourneyKpis_EveryBuyerIsARepeatBuyer()
    {
        var kpis = (await data.Metrics.JourneyKpisAsync(H1_1998, null, JourneyFilter.None, default)).ToDictionary(x => x.Key, x => x.Value);
        var r = await data.Metrics.RepeatPurchaseAsync(H1_1998, JourneyFilter.None, default);

        Assert.Equal((12_757m, 476_154.37m), (kpis["orders"], kpis["revenue"]));
        Assert.Equal(Math.Round(476_154.37m / 12_757, 6), kpis["aov"]);
        // 5,374 customers ordered, 2,693 twice or more in the half-year; all had ordered in 1997, so the KPI is 100%
        Assert.Equal((5_374L, 2_693L), (r.Customers, r.Repeaters));
        Assert.Equal(1m, kpis["repeat_rate"]);
        Assert.Equal(Math.Round(3_731m / 7_032, 6), kpis["churn_rate"]);
    }

    [Fact]
    public async Task Churn_AsOfJune1998_ChurnedBoughtLessAndSpentLess()
    {
        var c = await data.Metrics.ChurnAsync(H1_1998, JourneyFilter.None, 90, default);

        // ordered 3 Oct 1997 - 30 Jun 1998: 7,032; last order before 2 Apr 1998: 3,731
        Assert.Equal((7_032L, 3_731L), (c.Customers, c.Churned));
        var (lost, kept) = (c.ChurnedGroup!, c.RetainedGroup!);
        Assert.Equal(6_425.0 / 3_731, lost.MeanOrders, 12);
        Assert.Equal(13_988.0 / 3_301, kept.MeanOrders, 12);
        Assert.Equal((63.57m, 161.98m), (lost.MeanRevenue, kept.MeanRevenue));   // 63.570139, 161.977537
        Assert.Null(lost.LateShare);   // no deliveries in a transaction log
    }
}
