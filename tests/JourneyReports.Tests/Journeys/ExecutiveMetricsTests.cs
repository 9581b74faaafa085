namespace JourneyReports.Tests;

/// <summary>
/// The executive weekly numbers on a hand-built week (Mon 2 to Sun 8 Nov 2026, UTC) whose expected values are
/// worked out in the comments.
/// </summary>
public sealed class ExecutiveMetricsTests : IAsyncLifetime
{
    TempWarehouse w = null!;

    const string FixtureSql = ExecutiveExpectations.FixtureSql;
    static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    static readonly ReportPeriod Week = JourneyFixture.Week;

    public async Task InitializeAsync() => w = await TempWarehouse.SeededAsync(FixtureSql);

    public async Task DisposeAsync() => await w.DisposeAsync();

    [Fact]
    public async Task Kpis_CountVisitorsBuyersOrdersAndScores_WithinTheWeekOnly()
    {
        var k = await w.Metrics.KpisAsync(Week, JourneyFilter.None, default);

        ExecutiveExpectations.WeekKpis(k);
    }

    [Fact]
    public async Task Funnel_CountsAStageOnlyAfterThePreviousOne()
    {
        var funnel = await w.Metrics.FunnelAsync(Week, JourneyFilter.None, default);

        ExecutiveExpectations.WeekFunnel(funnel);
    }

    [Fact]
    public async Task Funnel_IgnoresTheNextStage_WhenItComesAfterTheConversionWindow()
    {
        await using var wide = await TempWarehouse.OpenAsync(new JourneyOptions { ConversionWindowDays = 1 });
        await wide.ExecAsync(ExecutiveExpectations.OneDayWindowSql);

        var funnel = await wide.Metrics.FunnelAsync(Week, JourneyFilter.None, default);

        ExecutiveExpectations.OneDayWindowFunnel(funnel);
    }

    [Fact]
    public async Task StageMap_IsConfiguration_MovingProductViewsToAwarenessChangesTheFunnel()
    {
        var journey = ExecutiveExpectations.ProductViewsAreAwareness;
        await using var remapped = await TempWarehouse.OpenAsync(journey);
        await remapped.ExecAsync(FixtureSql);

        var funnel = await remapped.Metrics.FunnelAsync(Week, JourneyFilter.None, default);

        ExecutiveExpectations.RemappedFunnel(funnel);
    }

    [Fact]
    public async Task Filters_NarrowEveryMetricToTheChosenPersona()
    {
        var planners = new JourneyFilter(Persona: "Planner");

        var k = await w.Metrics.KpisAsync(Week, planners, default);
        var funnel = await w.Metrics.FunnelAsync(Week, planners, default);

        ExecutiveExpectations.PlannerKpisAndFunnel(k, funnel);
    }

    [Fact]
    public async Task DepartmentFilter_KeepsVisitorsWhoTouchedTheDepartment_AndOnlyItsRevenue()
    {
        await w.ExecAsync(ExecutiveExpectations.DepartmentSql);
        var home = new JourneyFilter(Department: "Home");

        var k = await w.Metrics.KpisAsync(Week, home, default);
        var funnel = await w.Metrics.FunnelAsync(Week, home, default);

        ExecutiveExpectations.HomeKpisAndFunnel(k, funnel);
    }

    [Fact]
    public async Task ChannelMix_SharesOfEachStageAddUpToOne()
    {
        var mix = await w.Metrics.ChannelMixAsync(Week, JourneyFilter.None, default);

        ExecutiveExpectations.WeekChannelMix(mix);
    }

    [Fact]
    public async Task WeeklyTrend_PutsAnEventInTheLocalWeek_NotTheUtcWeek()
    {
        await using var summer = await TempWarehouse.OpenAsync();
        await summer.ExecAsync(ExecutiveExpectations.SummerSql);
        var twoWeeks = ExecutiveExpectations.SummerWeeks;

        var trend = await summer.Metrics.WeeklyTrendAsync(twoWeeks, JourneyFilter.None, default);

        ExecutiveExpectations.SummerTrend(trend);
    }

    [Theory]
    [InlineData("Europe/London")]        // clocks change by an hour at 01:00 UTC, 29 Mar and 25 Oct 2026
    [InlineData("Pacific/Auckland")]     // UTC+13 to +12 on 5 Apr, back on 27 Sep: Monday starts on Sunday in UTC
    [InlineData("Australia/Lord_Howe")]  // a half-hour change
    [InlineData("America/St_Johns")]     // a half-hour offset, behind UTC
    public async Task WeeklyTrend_OverNineMonthsAndBothClockChanges_PutsEventsEitherSideOfLocalMondayMidnightInTheirLocalWeek(string zoneId)
    {
        // One visitor a minute before and one at each local Monday midnight from 2 Mar to 30 Nov 2026; the expected
        // weeks are worked out here by .NET's own time zone rules, event by event.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var period = ReportPeriod.Days(new(2026, 3, 2), new(2026, 11, 29), zone);
        var instants = new List<DateTime>();
        for (var monday = new DateTime(2026, 3, 2); monday <= new DateTime(2026, 11, 30); monday = monday.AddDays(7))
        {
            var utc = TimeZoneInfo.ConvertTimeToUtc(monday, zone);
            instants.Add(utc.AddMinutes(-1));
            instants.Add(utc);
        }
        await using var t = await TempWarehouse.OpenAsync();
        await t.ExecAsync("INSERT INTO events VALUES " + string.Join(", ", instants.Select((at, i) =>
            $"({i + 1}, '{at:yyyy-MM-dd HH:mm:ss}', NULL, 'v-{i}', 's-{i}', 'web', 'mobile', 'landing_view', NULL)")));
        var expected = instants.Where(at => at >= period.StartUtc && at < period.EndUtc)
            .Select(at => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, zone)))
            .GroupBy(day => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)))
            .OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count())).ToList();

        var trend = await t.Metrics.WeeklyTrendAsync(period, JourneyFilter.None, default);

        Assert.Equal(39, expected.Count);
        Assert.Equal(expected, trend.Select(p => (p.WeekStart, p.Visitors)));
    }

    [Fact]
    public async Task WeeklyTrend_BucketsByLocalMondayWeeks_AndFillsEmptyWeeksWithZero()
    {
        var threeWeeks = Week.TrailingWeeks(3); // 19 Oct - 8 Nov

        var trend = await w.Metrics.WeeklyTrendAsync(threeWeeks, JourneyFilter.None, default);

        ExecutiveExpectations.ThreeWeekTrend(trend);
    }

    [Fact]
    public async Task WeeklyTrend_CarriesTheWeeksBuyersConversionNpsAndCes_LikeTheKpis()
    {
        var trend = await w.Metrics.WeeklyTrendAsync(Week.TrailingWeeks(2), JourneyFilter.None, default);

        ExecutiveExpectations.TwoWeekTrend(trend);
    }

    [Fact]
    public async Task WeeklyTrend_AfterTheKpiSparklineInTheSameRun_GivesWhatAFreshRunGives()
    {
        var run = w.Metrics; // one dashboard run: the sparkline's weeks are counted once and kept
        await MetricCatalog.Find("kpis")!.Run(run, Week, JourneyFilter.None, MetricArgs.None, default);

        var trend = await run.WeeklyTrendAsync(Week.TrailingWeeks(12), JourneyFilter.None, default);

        Assert.Equal(await w.Metrics.WeeklyTrendAsync(Week.TrailingWeeks(12), JourneyFilter.None, default), trend);
        ExecutiveExpectations.ThreeWeekTrend(trend.TakeLast(3).ToList());
    }

    [Fact]
    public async Task WeeklyTrend_OfAPeriodStartingMidWeek_IsNotKeptAsThatWholeWeek()
    {
        var run = w.Metrics;
        var fromWednesday = await run.WeeklyTrendAsync(ReportPeriod.Days(new(2026, 11, 4), new(2026, 11, 8), Utc), JourneyFilter.None, default);

        var threeWeeks = await run.WeeklyTrendAsync(Week.TrailingWeeks(3), JourneyFilter.None, default);

        Assert.True(fromWednesday[0].Visitors < threeWeeks[2].Visitors, "the fixture has visitors on Monday or Tuesday 2-3 Nov");
        ExecutiveExpectations.ThreeWeekTrend(threeWeeks);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("web", null, null)]      // events, orders and answers narrowed by channel
    [InlineData(null, "Planner", null)]  // by the customer's persona: anonymous visitors and answers drop out
    [InlineData(null, null, "desktop")]  // a device narrows events only: 1 buyer (A), 2 orders
    public async Task Kpis_OfAWholeWeekTheRunHasCountedInATrend_AreWhatKpisOfThatWeekCountFresh(string? channel, string? persona, string? device)
    {
        var filter = new JourneyFilter(Channel: channel, Persona: persona, Device: device);
        var run = w.Metrics;
        await run.WeeklyTrendAsync(Week.TrailingWeeks(8), filter, default);

        foreach (var week in new[] { Week, Week.Previous() })
            Assert.Equal(await w.Metrics.KpisAsync(week, filter, default), await run.KpisAsync(week, filter, default));
        if (filter == JourneyFilter.None) ExecutiveExpectations.WeekKpis(await run.KpisAsync(Week, filter, default));
    }

    [Fact]
    public async Task KpiFamily_GivesEachKpiAnEightWeekSparkline_EndingWithThePeriodsValue()
    {
        var kpis = (IReadOnlyList<Kpi>)await MetricCatalog.Find("kpis")!.Run(w.Metrics, Week, JourneyFilter.None, MetricArgs.None, default);

        ExecutiveExpectations.KpiFamily(kpis);
    }

    [Fact]
    public async Task TrendFamily_WithWeeks_CoversThatManyWeeksEndingWithThePeriod()
    {
        var args = new MetricArgs(new Dictionary<string, string> { ["weeks"] = "3" });

        var trend = (IReadOnlyList<TrendPoint>)await MetricCatalog.Find("trend")!.Run(w.Metrics, Week, JourneyFilter.None, args, default);

        Assert.Equal(new DateOnly[] { new(2026, 10, 19), new(2026, 10, 26), new(2026, 11, 2) }, trend.Select(t => t.WeekStart));
    }

    [Fact]
    public async Task TrendFamily_RefusesAWeeksCountOutsideItsRange_NamingTheRange()
    {
        var args = new MetricArgs(new Dictionary<string, string> { ["weeks"] = "0" });

        var e = await Assert.ThrowsAsync<ArgumentException>(() => MetricCatalog.Find("trend")!.Run(w.Metrics, Week, JourneyFilter.None, args, default));

        Assert.Equal("weeks must be a whole number from 1 to 260, not 0", e.Message);
    }

    [Fact]
    public async Task JourneyMapFamily_FillsEveryLaneOfEachStage_FromTheFunnelTouchpointsSurveysAndStageMap()
    {
        var stages = (IReadOnlyList<JourneyMapStage>)await MetricCatalog.Find("journey-map")!.Run(w.Metrics, Week, JourneyFilter.None, MetricArgs.None, default);

        // Ordered funnel: awareness A, B, D, E; consideration after it A, B; decision and purchase A alone.
        Assert.Equal(new[] { "awareness", "consideration", "decision", "purchase", "retention", "advocacy" }, stages.Select(s => s.Stage));
        Assert.Equal(new long[] { 4, 2, 1, 1, 0, 0 }, stages.Select(s => s.Customers));
        Assert.Equal(0.5m, stages[1].DropOffFromPrevious);
        // Awareness channels: A and E on social, B on email, D on web.
        Assert.Equal(("Social", 0.5), (stages[0].Touchpoints[0].Name, stages[0].Touchpoints[0].Share));
        Assert.Contains("clicks an ad", stages[0].Actions);
        Assert.Null(stages[0].Emotion);      // nobody answered a survey at awareness
        Assert.NotNull(stages[3].Emotion);   // two answers at purchase
    }

    [Fact]
    public async Task Sparklines_OfAPeriodEndingMidweek_EndWithTheLastWholeWeek_NotAPartialOne()
    {
        var toWednesday = ReportPeriod.Days(new(2026, 11, 2), new(2026, 11, 11), Utc);
        var args = new MetricArgs(new Dictionary<string, string> { ["sparkline-weeks"] = "2" });

        var kpis = (IReadOnlyList<Kpi>)await MetricCatalog.Find("kpis")!.Run(w.Metrics, toWednesday, JourneyFilter.None, args, default);

        ExecutiveExpectations.MidweekSparklines(kpis);
    }
}
