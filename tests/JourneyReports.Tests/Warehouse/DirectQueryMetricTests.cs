namespace JourneyReports.Tests;

/// <summary>
/// The metric families ported to SQL Server (sql/warehouse/sqlserver), run live on a scratch database holding the very
/// fixtures the DuckDB metric tests use, and held to the same expected values (<see cref="ExecutiveExpectations"/>,
/// <see cref="ExperienceExpectations"/>). They run when JOURNEYREPORTS_TEST_SQLSERVER names a server and are skipped
/// with that reason otherwise (<see cref="SqlServerFactAttribute"/>); no SQL Server runs on the project's own machine.
/// </summary>
public sealed class DirectQueryMetricTests
{
    static readonly ReportPeriod Week = JourneyFixture.Week;

    static Task<SqlServerWarehouse> ExecutiveWeekAsync(JourneyOptions? journey = null) => SqlServerWarehouse.SeededAsync(ExecutiveExpectations.FixtureSql, journey);

    [SqlServerFact]
    public async Task Kpis_CountVisitorsBuyersOrdersAndScores_WithinTheWeekOnly()
    {
        await using var w = await ExecutiveWeekAsync();

        ExecutiveExpectations.WeekKpis(await w.Metrics.KpisAsync(Week, JourneyFilter.None, default));
    }

    [SqlServerFact]
    public async Task Funnel_CountsAStageOnlyAfterThePreviousOne()
    {
        await using var w = await ExecutiveWeekAsync();

        ExecutiveExpectations.WeekFunnel(await w.Metrics.FunnelAsync(Week, JourneyFilter.None, default));
    }

    [SqlServerFact]
    public async Task Funnel_IgnoresTheNextStage_WhenItComesAfterTheConversionWindow()
    {
        await using var w = await SqlServerWarehouse.SeededAsync(ExecutiveExpectations.OneDayWindowSql, new JourneyOptions { ConversionWindowDays = 1 });

        ExecutiveExpectations.OneDayWindowFunnel(await w.Metrics.FunnelAsync(Week, JourneyFilter.None, default));
    }

    [SqlServerFact]
    public async Task StageMap_IsConfiguration_MovingProductViewsToAwarenessChangesTheFunnel()
    {
        await using var w = await ExecutiveWeekAsync(ExecutiveExpectations.ProductViewsAreAwareness);

        ExecutiveExpectations.RemappedFunnel(await w.Metrics.FunnelAsync(Week, JourneyFilter.None, default));
    }

    [SqlServerFact]
    public async Task Filters_NarrowEveryMetricToTheChosenPersona()
    {
        await using var w = await ExecutiveWeekAsync();
        var planners = new JourneyFilter(Persona: "Planner");

        ExecutiveExpectations.PlannerKpisAndFunnel(await w.Metrics.KpisAsync(Week, planners, default), await w.Metrics.FunnelAsync(Week, planners, default));
    }

    [SqlServerFact]
    public async Task DepartmentFilter_KeepsVisitorsWhoTouchedTheDepartment_AndOnlyItsRevenue()
    {
        await using var w = await SqlServerWarehouse.SeededAsync(ExecutiveExpectations.FixtureSql + ExecutiveExpectations.DepartmentSql);
        var home = new JourneyFilter(Department: "Home");

        ExecutiveExpectations.HomeKpisAndFunnel(await w.Metrics.KpisAsync(Week, home, default), await w.Metrics.FunnelAsync(Week, home, default));
    }

    [SqlServerFact]
    public async Task ChannelMix_SharesOfEachStageAddUpToOne()
    {
        await using var w = await ExecutiveWeekAsync();

        ExecutiveExpectations.WeekChannelMix(await w.Metrics.ChannelMixAsync(Week, JourneyFilter.None, default));
    }

    [SqlServerFact]
    public async Task WeeklyTrend_PutsAnEventInTheLocalWeek_NotTheUtcWeek()
    {
        await using var w = await SqlServerWarehouse.SeededAsync(ExecutiveExpectations.SummerSql);

        ExecutiveExpectations.SummerTrend(await w.Metrics.WeeklyTrendAsync(ExecutiveExpectations.SummerWeeks, JourneyFilter.None, default));
    }

    [SqlServerFact]
    public async Task WeeklyTrend_BucketsByLocalMondayWeeks_AndFillsEmptyWeeksWithZero()
    {
        await using var w = await ExecutiveWeekAsync();

        ExecutiveExpectations.ThreeWeekTrend(await w.Metrics.WeeklyTrendAsync(Week.TrailingWeeks(3), JourneyFilter.None, default));
    }

    [SqlServerFact]
    public async Task WeeklyTrend_CarriesTheWeeksBuyersConversionNpsAndCes_LikeTheKpis()
    {
        await using var w = await ExecutiveWeekAsync();

        ExecutiveExpectations.TwoWeekTrend(await w.Metrics.WeeklyTrendAsync(Week.TrailingWeeks(2), JourneyFilter.None, default));
    }

    [SqlServerFact]
    public async Task KpiFamily_GivesEachKpiAnEightWeekSparkline_EndingWithThePeriodsValue()
    {
        await using var w = await ExecutiveWeekAsync();

        ExecutiveExpectations.KpiFamily((IReadOnlyList<Kpi>)await MetricCatalog.Find("kpis")!.Run(w.Metrics, Week, JourneyFilter.None, MetricArgs.None, default));
    }

    [SqlServerFact]
    public async Task Sparklines_OfAPeriodEndingMidweek_EndWithTheLastWholeWeek_NotAPartialOne()
    {
        await using var w = await ExecutiveWeekAsync();
        var toWednesday = ReportPeriod.Days(new(2026, 11, 2), new(2026, 11, 11), TimeZoneInfo.Utc);
        var args = new MetricArgs(new Dictionary<string, string> { ["sparkline-weeks"] = "2" });

        ExecutiveExpectations.MidweekSparklines((IReadOnlyList<Kpi>)await MetricCatalog.Find("kpis")!.Run(w.Metrics, toWednesday, JourneyFilter.None, args, default));
    }

    [SqlServerFact]
    public async Task PainPoints_RankCategoriesByVolume_AndCompareTheAnswersAfterThemWithNoTicketAnswers()
    {
        await using var w = await SqlServerWarehouse.SeededAsync(ExperienceExpectations.FixtureSql);

        ExperienceExpectations.WeekPainPoints(await w.Metrics.PainPointsAsync(Week, JourneyFilter.None, 7, default));
    }

    [SqlServerFact]
    public async Task ADashboardRun_SeesTheWeeksData_AndHowFreshItIs()
    {
        await using var w = await ExecutiveWeekAsync();

        Assert.True(await w.Metrics.HasEventsAsync(Week, JourneyFilter.None, default));
        Assert.False(await w.Metrics.HasEventsAsync(ReportPeriod.Days(new(2026, 1, 5), new(2026, 1, 11), TimeZoneInfo.Utc), JourneyFilter.None, default));
        Assert.Equal(new DateTime(2026, 11, 9, 0, 0, 0), await w.Metrics.DataUntilAsync(default));   // a-6's landing on the Monday after
    }

    [SqlServerFact]
    public async Task OnTheJourneyViewsOfAStarSchema_WithColumnstoreIndexes_TheMetricsStitchAndFilterAsOnTables()
    {
        // a1 lands, then buys as customer 1 (so a1 is stitched to 1: one visitor); a2 clicks an email and stays anonymous.
        await using var w = await SqlServerWarehouse.StarSchemaAsync("""
            INSERT INTO dbo.DimGeography VALUES (1, N'United Kingdom');
            INSERT INTO dbo.DimCustomer VALUES (1, 1, N'Professional', 60000, '2026-01-10', '2026-11-01T00:00:00');
            INSERT INTO dbo.DimProductCategory VALUES (1, N'Bikes');
            INSERT INTO dbo.DimProductSubcategory VALUES (1, N'Road Bikes', 1);
            INSERT INTO dbo.DimProduct VALUES (10, N'Road bike', 1, 1200, '2026-11-01T00:00:00');
            INSERT INTO dbo.FactWebEvent VALUES
                (1, '2026-11-02T09:00:00', NULL, N'a1', N's1', N'web',   N'desktop', N'landing_view', NULL, '2026-11-02T09:00:00'),
                (2, '2026-11-02T09:10:00', 1,    N'a1', N's1', N'web',   N'desktop', N'purchase',     10,   '2026-11-02T09:10:00'),
                (3, '2026-11-03T10:00:00', NULL, N'a2', N's2', N'email', N'mobile',  N'email_click',  NULL, '2026-11-03T10:00:00');
            INSERT INTO dbo.FactInternetSales VALUES
                (N'SO100', 1, 1, 10, '2026-11-02T09:10:00', '2026-11-05', '2026-11-04', 1, 1200, 1200, '2026-11-02T09:10:00');
            """);

        var k = await w.Metrics.KpisAsync(Week, JourneyFilter.None, default);
        var funnel = await w.Metrics.FunnelAsync(Week, JourneyFilter.None, default);
        var professionals = await w.Metrics.KpisAsync(Week, new JourneyFilter(Persona: "Professional"), default);

        Assert.Equal((2L, 1L, 1L, 1200.00m), (k.Visitors, k.Buyers, k.Orders, k.Revenue));
        Assert.Null(k.Nps);
        // awareness a1 (landing) and a2 (email); a1's purchase skips consideration and decision
        Assert.Equal(new long[] { 2, 0, 0, 0, 0, 0 }, funnel.Select(s => s.Customers));
        Assert.Equal((1L, 1L, 1200.00m), (professionals.Visitors, professionals.Orders, professionals.Revenue));
    }
}
