namespace JourneyReports.Tests;

/// <summary>
/// Order and retention metrics on the UCI Online Retail head (1-7 Dec 2010, UK time) against
/// uci_online_retail_metrics.py, which reads the CSV with Python's csv module (definitions in its header). Weekly orders
/// and revenue: RealDataMetricsTests.OnlineRetail_WeeklyOrdersAndRevenue_LeaveOutCancellations.
/// </summary>
public sealed class RealDataOnlineRetailTests(OnlineRetailData data) : IClassFixture<OnlineRetailData>
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    static readonly ReportPeriod FirstWeek = ReportPeriod.Days(new(2010, 12, 1), new(2010, 12, 7), London);

    [Fact]
    public async Task Kpis_AndTheOneDepartment_AreTheInvoicesWithACustomer_WithoutCancellations()
    {
        var k = await data.Metrics.KpisAsync(FirstWeek, JourneyFilter.None, default);
        var kpis = (await data.Metrics.JourneyKpisAsync(FirstWeek, null, JourneyFilter.None, default)).ToDictionary(x => x.Key, x => x.Value);
        var departments = await data.Metrics.DepartmentsAsync(FirstWeek, JourneyFilter.None, default);

        // 597 invoices with a CustomerID, 66 of them cancellations: 531 orders, Σ |Quantity| * UnitPrice
        Assert.Equal((531L, 197_573.37m), (k.Orders, k.Revenue));
        Assert.Equal(Math.Round(197_573.37m / 531, 6), kpis["aov"]);
        // every product is in 'unknown': its orders and line revenue are the shop's
        Assert.Equal(new[] { ("unknown", 531L, 197_573.37m) }, departments.Select(d => (d.Department, d.Orders, d.Revenue)));
    }

    [Fact]
    public async Task RepeatPurchase_AndWeeklyCohorts_CountCustomersBuyingAgain()
    {
        var r = await data.Metrics.RepeatPurchaseAsync(FirstWeek, JourneyFilter.None, default);
        var kpis = (await data.Metrics.JourneyKpisAsync(FirstWeek, null, JourneyFilter.None, default)).ToDictionary(x => x.Key, x => x.Value);
        var cells = await data.Metrics.CohortRetentionAsync(ReportPeriod.Days(new(2010, 11, 29), new(2010, 12, 12), London), JourneyFilter.None, "week", default);

        // 396 customers, 65 with two or more invoices; nothing before 1 Dec, so the KPI is the same share
        Assert.Equal((396L, 65L), (r.Customers, r.Repeaters));
        Assert.Equal(Math.Round(65m / 396, 6), kpis["repeat_rate"]);
        // first orders in the week of 29 Nov: 303, of whom 22 ordered again the next week; week of 6 Dec: 93
        Assert.Equal(new[] { (new DateTime(2010, 11, 29), 0L, 303L), (new DateTime(2010, 11, 29), 1L, 22L), (new DateTime(2010, 12, 6), 0L, 93L) },
            cells.Select(c => (c.Cohort, c.PeriodIndex, c.Customers)));
    }
}
