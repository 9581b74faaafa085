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
}
