namespace JourneyReports.Tests;

/// <summary>The journey KPIs with period-over-period change on <see cref="JourneyFixture"/>.</summary>
public sealed class JourneyKpiTests : IAsyncLifetime
{
    TempWarehouse w = null!;
    static readonly ReportPeriod Week = JourneyFixture.Week;

    public async Task InitializeAsync() => w = await JourneyFixture.OpenAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    [Fact]
    public Task JourneyKpis_ForTheWeek_AgainstTheWeekBefore() => JourneyKpis_ForTheWeek_AgainstTheWeekBefore_On(w.Metrics);

    internal static async Task JourneyKpis_ForTheWeek_AgainstTheWeekBefore_On(JourneyMetrics metrics)
    {
        var k = (await metrics.JourneyKpisAsync(Week, null, JourneyFilter.None, default)).ToDictionary(k => k.Key);

        Assert.Equal(
            ["visitors", "customers", "conversion", "orders", "revenue", "aov", "repeat_rate", "nps", "csat", "ces", "churn_rate"],
            k.Keys);
        // Week: visitors A-E; known customers 1, 3, 4; buyers A, C. Week before: C's app view and a-7; no buyer.
        AssertKpi(k["visitors"], 5m, 2m);
        AssertKpi(k["customers"], 3m, 1m);
        AssertKpi(k["conversion"], 0.4m, 0m);
        Assert.Equal(0.4m, k["conversion"].Change);
        AssertKpi(k["orders"], 2m, 0m);                // 100 and 101
        AssertKpi(k["revenue"], 150m, 0m);
        AssertKpi(k["aov"], 75m, null);                // no orders the week before
        AssertKpi(k["repeat_rate"], 0.5m, null);       // of customers 1 and 3, only 3 ordered before (order 98)
        AssertKpi(k["nps"], 25m, null);
        AssertKpi(k["csat"], 0.75m, null);
        AssertKpi(k["ces"], 4m, null);
        // Active from 4 Aug (90 days before 2 Nov) to 9 Nov: 1, 3 and 4; none has a latest order before 11 Aug (90 days
        // before 9 Nov). The week before: 3 and 4 active from 28 Jul, neither's latest order before 4 Aug.
        AssertKpi(k["churn_rate"], 0m, 0m);
    }

    [Fact]
    public Task JourneyKpis_ChurnDays_SetsHowFarBackTheActiveCustomersAreTaken() => JourneyKpis_ChurnDays_SetsHowFarBackTheActiveCustomersAreTaken_On(w.Metrics);

    internal static async Task JourneyKpis_ChurnDays_SetsHowFarBackTheActiveCustomersAreTaken_On(JourneyMetrics metrics)
    {
        var d30 = (await metrics.JourneyKpisAsync(Week, null, JourneyFilter.None, 30, default)).Single(k => k.Key == "churn_rate");
        var d35 = (await metrics.JourneyKpisAsync(Week, null, JourneyFilter.None, 35, default)).Single(k => k.Key == "churn_rate");

        Assert.Equal(0m, d30.Value);          // active from 3 Oct: 1 and 3, both ordered in the week
        Assert.Equal(0.333333m, d35.Value);   // active from 28 Sep: 1, 3 and 4, whose 2 Oct order is 38 days before 9 Nov
    }

    [Fact]
    public Task JourneyKpis_AnExplicitComparison_AndAFilter() => JourneyKpis_AnExplicitComparison_AndAFilter_On(w.Metrics);

    internal static async Task JourneyKpis_AnExplicitComparison_AndAFilter_On(JourneyMetrics metrics)
    {
        var september = ReportPeriod.Days(new(2026, 9, 1), new(2026, 9, 30), TimeZoneInfo.Utc);

        var k = (await metrics.JourneyKpisAsync(Week, september, new JourneyFilter(Persona: "Planner"), default)).ToDictionary(k => k.Key);

        // Planners A and D: one order (100, 120.00) from customer 1, who never ordered before. September had no Planner
        // order and no Planner customer ordered in the 90 days before it.
        AssertKpi(k["visitors"], 2m, 0m);
        AssertKpi(k["orders"], 1m, 0m);
        AssertKpi(k["revenue"], 120m, 0m);
        AssertKpi(k["repeat_rate"], 0m, null);
        AssertKpi(k["churn_rate"], 0m, null);   // 1 and 4 active since 4 Aug, neither lapsed; none in June-September
        AssertKpi(k["nps"], 50m, null);   // customers 1 (10) and 4 (8): (1 - 0) / 2
    }

    [Fact]
    public async Task JourneyKpis_ASecondOrderInThePeriod_MakesARepeatCustomer()
    {
        await w.ExecAsync("INSERT INTO orders VALUES (103, 1, '2026-11-08 12:00', 'web', 'completed', 30.00, NULL, NULL, false)");

        var k = (await w.Metrics.JourneyKpisAsync(Week, null, JourneyFilter.None, default)).ToDictionary(k => k.Key);

        Assert.Equal(1m, k["repeat_rate"].Value); // 1 (two orders in the week) and 3 (an order before)
        Assert.Equal(60m, k["aov"].Value);        // 180 / 3
    }

    static void AssertKpi(Kpi kpi, decimal? value, decimal? previous)
    {
        Assert.Equal(value, kpi.Value);
        Assert.Equal(previous, kpi.Previous);
    }
}
