namespace JourneyReports.Tests;

/// <summary>
/// The product's metrics over real exports nobody here produced, against figures computed independently with Python's
/// csv module straight from the files in ../shared/data (not through the product's SQL); the scripts are beside this
/// file (rees46_metrics.py, cdnow_metrics.py, uci_online_retail_metrics.py, olist_metrics.py, olist_late_delivery.py)
/// and the other families are checked in RealDataRees46Tests, RealDataOlistTests, RealDataCdnowTests and
/// RealDataOnlineRetailTests:
/// - REES46: per user_id, the first 'view', then the first 'cart' at or after it, then the first 'purchase' at or after
///   that (rows with 9 fields only) -> 4,504 / 111 / 62.
/// - CDNOW: cohort = month of a customer's first transaction; cell k = customers of the cohort with a transaction in
///   month k -> Jan 1997: 7,846 customers, k=1 1,157, k=3 810, k=12 528, k=17 498; Mar 1997: 7,248, k=12 678.
/// - UCI Online Retail: invoices not starting with 'C' that have a CustomerID and a parseable date, by Monday week, and
///   sum of |Quantity| * UnitPrice -> week of 29 Nov 2010: 402 orders, 149,386.33; week of 6 Dec: 129, 48,187.04.
/// - Olist: review_score >= 4 among all 14,944 reviews -> 76.85%.
/// - Olist late delivery: Import/olist_late_delivery.py (the definitions in its header, read off the CSV files in São
///   Paulo local days) -> on time 13,508 customers, 11,149 of 13,540 answers 4-5, churned 10,492 of 10,518 observed;
///   late 954 customers, 240 of 926 answers 4-5, churned 817 of 817.
/// </summary>
public sealed class RealDataMetricsTests
{
    static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    static async Task<TempWarehouse> ImportAsync(string mapping)
    {
        var w = await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync();
        await CsvImport.RunAsync(w.Warehouse, Path.Combine(RepoPaths.Root, "mappings", mapping), RepoPaths.SharedData, Path.Combine(w.Directory, "rejects.csv"), default);
        await w.ReopenAsync();
        return w;
    }

    [Fact]
    public async Task Rees46_Funnel_StartsAtConsideration_AndMatchesTheFileCountedByHand()
    {
        await using var w = await ImportAsync("rees46.json");

        var funnel = await w.Metrics.FunnelAsync(ReportPeriod.Days(new(2019, 10, 1), new(2019, 10, 1), Utc), JourneyFilter.None, default);

        Assert.Equal(["consideration", "decision", "purchase", "retention", "advocacy"], funnel.Select(s => s.Stage));
        Assert.Equal(new long[] { 4_504, 111, 62, 0, 0 }, funnel.Select(s => s.Customers));
    }

    [Fact]
    public async Task Cdnow_MonthlyCohortRetention_MatchesTheFile()
    {
        await using var w = await ImportAsync("cdnow.json");

        var cells = await w.Metrics.CohortRetentionAsync(ReportPeriod.Days(new(1997, 1, 1), new(1997, 3, 31), Utc), JourneyFilter.None, "month", default);

        long Customers(int month, int k) => cells.Single(c => c.Cohort.Month == month && c.PeriodIndex == k).Customers;
        Assert.Equal([new DateTime(1997, 1, 1), new DateTime(1997, 2, 1), new DateTime(1997, 3, 1)], cells.Select(c => c.Cohort).Distinct());
        Assert.Equal(7_846, cells.First(c => c.Cohort.Month == 1).Size);
        Assert.Equal(1_157, Customers(1, 1));
        Assert.Equal(810, Customers(1, 3));
        Assert.Equal(528, Customers(1, 12));
        Assert.Equal(498, Customers(1, 17));   // June 1998, the last month of the log
        Assert.Equal(7_248, cells.First(c => c.Cohort.Month == 3).Size);
        Assert.Equal(678, Customers(3, 12));
        Assert.Equal(1_157 / 7_846.0, cells.Single(c => c.Cohort.Month == 1 && c.PeriodIndex == 1).Share, 9);
    }

    [Fact]
    public async Task OnlineRetail_WeeklyOrdersAndRevenue_LeaveOutCancellations()
    {
        await using var w = await ImportAsync("uci-online-retail.json");
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        var trend = await w.Metrics.WeeklyTrendAsync(ReportPeriod.Days(new(2010, 11, 29), new(2010, 12, 12), london), JourneyFilter.None, default);

        Assert.Equal(new long[] { 402, 129 }, trend.Select(t => t.Orders));
        Assert.Equal(new[] { 149_386.33m, 48_187.04m }, trend.Select(t => t.Revenue));
    }

    [Fact]
    public async Task Olist_ReviewsAsSurveys_GiveTheCsatOfTheFile()
    {
        await using var w = await ImportAsync("olist.json");

        var byStage = await w.Metrics.ExperienceByStageAsync(ReportPeriod.Days(new(2016, 1, 1), new(2018, 12, 31), Utc), JourneyFilter.None, default);

        var scores = byStage.Single().Scores;
        Assert.Equal(14_944, scores.CsatResponses);
        Assert.Equal(76.85, Math.Round(scores.Csat!.Value, 2));
    }

    [Fact]
    public async Task Olist_LateDelivery_IsDeliveredAfterThePromisedDay_AndCountsTheReviewsWrittenWhileWaiting()
    {
        await using var w = await ImportAsync("olist.json");
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

        var groups = await w.Metrics.LateDeliveryEffectAsync(ReportPeriod.Days(new(2016, 1, 1), new(2018, 12, 31), saoPaulo), JourneyFilter.None, 90, default);

        // olist_late_delivery.py: 957 of the 14,552 delivered orders came on a later day than the estimated one (1,156
        // would by the timestamps, which make every delivery on the estimated day late); 73% of their reviews were
        // written before the parcel came.
        var (onTime, late) = (groups.Single(g => !g.Late), groups.Single(g => g.Late));
        Assert.Equal((13_508L, 0L, 13_540L), (onTime.Customers, onTime.NpsResponses, onTime.CsatResponses));
        Assert.Equal(100.0 * 11_149 / 13_540, onTime.Csat!.Value, 9);
        Assert.Equal((10_518L, 10_492L), (onTime.ChurnObserved, onTime.Churned));
        Assert.Equal((954L, 0L, 926L), (late.Customers, late.NpsResponses, late.CsatResponses));
        Assert.Equal(100.0 * 240 / 926, late.Csat!.Value, 9);
        Assert.Equal((817L, 817L), (late.ChurnObserved, late.Churned));
    }
}
