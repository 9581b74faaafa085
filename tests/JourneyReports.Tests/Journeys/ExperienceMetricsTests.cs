namespace JourneyReports.Tests;

/// <summary>
/// Experience metrics on a hand-built week (Mon 2 to Sun 8 Nov 2026, UTC); expected values worked out in comments.
/// </summary>
public sealed class ExperienceMetricsTests : IAsyncLifetime
{
    TempWarehouse w = null!;
    static readonly ReportPeriod Week = JourneyFixture.Week;

    public async Task InitializeAsync() => w = await TempWarehouse.SeededAsync(ExperienceExpectations.FixtureSql);

    public async Task DisposeAsync() => await w.DisposeAsync();

    [Fact]
    public Task ByStage_ScoresEachQuestionOnItsOwnAnswers_InFunnelOrder() => ByStage_ScoresEachQuestionOnItsOwnAnswers_InFunnelOrder_On(w.Metrics);

    internal static async Task ByStage_ScoresEachQuestionOnItsOwnAnswers_InFunnelOrder_On(JourneyMetrics metrics)
    {
        var rows = await metrics.ExperienceByStageAsync(Week, JourneyFilter.None, default);

        Assert.Equal(new[] { "decision", "purchase", "retention" }, rows.Select(r => r.Group));
        // decision: answers 4, 5 -> no NPS; CSAT 2, 1 -> 0%; CES (6 + 7) / 2 = 6.5 (answer 6 is after the week)
        // emotion: CSAT (1.5 - 3) / 2 = -0.75, CES (4 - 6.5) / 3 = -0.8333 -> -0.791667
        var decision = rows[0].Scores;
        Assert.Equal((2L, 0L, 2L, 2L), (decision.Responses, decision.NpsResponses, decision.CsatResponses, decision.CesResponses));
        Assert.Null(decision.Nps);
        Assert.Equal(0.0, decision.Csat!.Value, 6);
        Assert.Equal(6.5, decision.Ces!.Value, 6);
        Assert.Equal(-0.791667, decision.Emotion!.Value, 5);
        // purchase: NPS 10, 6, 9 -> (2 promoters - 1 detractor) / 3 = +33.33; CSAT 5, 3, 4 -> 2/3; no CES
        // emotion: NPS 0.3333, CSAT (4 - 3) / 2 = 0.5 -> 0.416667
        var purchase = rows[1].Scores;
        Assert.Equal(33.333333, purchase.Nps!.Value, 5);
        Assert.Equal(66.666667, purchase.Csat!.Value, 5);
        Assert.Null(purchase.Ces);
        Assert.Equal(0.416667, purchase.Emotion!.Value, 5);
        // retention: CSAT 2 -> 0% (emotion -0.5), CES 2 (emotion +0.6667) -> 0.083333
        Assert.Equal(0.083333, rows[2].Scores.Emotion!.Value, 5);
    }

    [Fact]
    public Task ByTouchpoint_GroupsTheSameAnswersByTouchpoint() => ByTouchpoint_GroupsTheSameAnswersByTouchpoint_On(w.Metrics);

    internal static async Task ByTouchpoint_GroupsTheSameAnswersByTouchpoint_On(JourneyMetrics metrics)
    {
        var web = (await metrics.ExperienceByTouchpointAsync(Week, JourneyFilter.None, default)).Single(r => r.Group == "web").Scores;

        // answers 1, 3, 4: NPS 10, 9 -> +100; CSAT 5, 4, 2 -> 2/3; CES 6
        Assert.Equal(3, web.Responses);
        Assert.Equal(100.0, web.Nps!.Value, 6);
        Assert.Equal(66.666667, web.Csat!.Value, 5);
        Assert.Equal(6.0, web.Ces!.Value, 6);
    }

    [Fact]
    public Task PersonaFilter_KeepsOnlyThatPersonasAnswers() => PersonaFilter_KeepsOnlyThatPersonasAnswers_On(w.Metrics);

    internal static async Task PersonaFilter_KeepsOnlyThatPersonasAnswers_On(JourneyMetrics metrics)
    {
        var rows = await metrics.ExperienceByStageAsync(Week, new JourneyFilter(Persona: "Planner"), default);

        // customers 1 and 3: purchase answers 1 and 3 -> NPS 10, 9 = +100, CSAT 5, 4 = 100%
        var purchase = rows.Single(r => r.Group == "purchase").Scores;
        Assert.Equal(2, purchase.Responses);
        Assert.Equal(100.0, purchase.Nps!.Value, 6);
        Assert.Equal(100.0, purchase.Csat!.Value, 6);
    }

    [Fact]
    public Task Trend_OnePointPerWeekOrMonth_ZeroWhereNothingWasAnswered() => Trend_OnePointPerWeekOrMonth_ZeroWhereNothingWasAnswered_On(w.Metrics);

    internal static async Task Trend_OnePointPerWeekOrMonth_ZeroWhereNothingWasAnswered_On(JourneyMetrics metrics)
    {
        var threeWeeks = Week.TrailingWeeks(3); // 19 Oct - 8 Nov

        var weeks = await metrics.ExperienceTrendAsync(threeWeeks, JourneyFilter.None, "week", default);
        var months = await metrics.ExperienceTrendAsync(threeWeeks, JourneyFilter.None, "month", default);

        Assert.Equal(new DateOnly[] { new(2026, 10, 19), new(2026, 10, 26), new(2026, 11, 2) }, weeks.Select(p => p.Start));
        Assert.Equal(new long[] { 0, 0, 6 }, weeks.Select(p => p.Scores.Responses)); // answer 6 is on 10 Nov
        Assert.Equal(new DateOnly[] { new(2026, 10, 1), new(2026, 11, 1) }, months.Select(p => p.Start));
        Assert.Equal(new long[] { 0, 6 }, months.Select(p => p.Scores.Responses));
    }

    [Fact]
    public async Task Trend_RejectsAnUnknownGrain_ByName()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => w.Metrics.ExperienceTrendAsync(Week, JourneyFilter.None, "day", default));
        Assert.Contains("'day'", e.Message);
        Assert.Equal("grain", e.ParamName);
    }

    [Fact]
    public async Task PainPoints_RankCategoriesByVolume_AndCompareTheAnswersAfterThemWithNoTicketAnswers()
    {
        var points = await w.Metrics.PainPointsAsync(Week, JourneyFilter.None, 7, default);

        ExperienceExpectations.WeekPainPoints(points);
    }

    [Fact]
    public Task WaitTime_GivesEachEffortAnswerToTheLatestTicketBeforeIt() => WaitTime_GivesEachEffortAnswerToTheLatestTicketBeforeIt_On(w.Metrics);

    internal static async Task WaitTime_GivesEachEffortAnswerToTheLatestTicketBeforeIt_On(JourneyMetrics metrics)
    {
        var bands = await metrics.WaitTimeEffectAsync(Week, JourneyFilter.None, 7, default);

        Assert.Equal(JourneyMetrics.WaitBands, bands.Select(b => b.Band));
        // tickets in the week: 4 (2 min), 2 (10 min), 3 (75 min). Answer 7 (CES 2) follows ticket 4; answer 5
        // (CES 7) follows tickets 2 and 3, the latest being 3; answer 4 has no ticket in its 7 days.
        Assert.Equal(new long[] { 1, 1, 0, 1 }, bands.Select(b => b.Tickets));
        Assert.Equal(new long[] { 1, 0, 0, 1 }, bands.Select(b => b.Answers));
        Assert.Equal(new double?[] { 2, null, null, 7 }, bands.Select(b => b.Ces));
    }

    [Fact]
    public async Task LateDelivery_SplitsCustomersByAnyLateDelivery_AndReadsThemFromTheirReferenceDelivery()
    {
        await w.ExecAsync("""
            INSERT INTO orders VALUES
              (10, 1, '2026-11-02 08:00', 'web',   'completed', 10, '2026-11-04', '2026-11-05 12:00', false), -- late
              (11, 2, '2026-11-02 09:00', 'web',   'completed', 10, '2026-11-05', '2026-11-04 12:00', false),
              (12, 3, '2026-11-03 09:00', 'web',   'completed', 10, '2026-11-06', '2026-11-05 08:00', false),
              (13, 3, '2026-11-12 09:00', 'web',   'completed', 10, NULL, NULL, false),
              (14, 2, '2026-11-03 09:00', 'store', 'completed', 10, NULL, NULL, false),
              (15, 2, '2026-11-30 09:00', 'web',   'completed', 10, NULL, NULL, false); -- the newest order
            """);

        var groups = await w.Metrics.LateDeliveryEffectAsync(Week, JourneyFilter.None, 10, default);

        var (onTime, late) = (groups.Single(g => !g.Late), groups.Single(g => g.Late));
        // late: customer 1, promised 4 Nov, delivered 5 Nov; late from the end of the promised day (5 Nov 00:00) ->
        // answers from 5 Nov: answer 4 (CSAT 2, no NPS); answer 1 (3 Nov) came before. No order in the next 10 days -> churned
        Assert.Equal((1L, 0L, 1L), (late.Customers, late.NpsResponses, late.CsatResponses));
        Assert.Equal(0.0, late.Csat!.Value, 6);
        Assert.Equal(1.0, late.ChurnShare!.Value, 6);
        // on time: customer 2 delivered 4 Nov 12:00 -> answers from that day: 2 (that morning) and 5; customer 3
        // delivered 5 Nov 08:00 -> 3, 7. NPS 6, 9 -> (1 - 1) / 2 = 0; CSAT 3, 1, 4, 2 -> 1/4. Customer 3 ordered again
        // on 12 Nov, customer 2 only on 30 Nov -> 1 of 2.
        Assert.Equal(2, onTime.Customers);
        Assert.Equal((2L, 4L), (onTime.NpsResponses, onTime.CsatResponses));
        Assert.Equal(0.0, onTime.Nps!.Value, 6);
        Assert.Equal(25.0, onTime.Csat!.Value, 6);
        Assert.Equal((2L, 1L), (onTime.ChurnObserved, onTime.Churned));
        Assert.Equal(0.5, onTime.ChurnShare!.Value, 6);
    }

    [Fact]
    public async Task LateDelivery_IsALaterLocalDayThanPromised_AndAReviewWrittenWhileWaitingCountsForTheLateOrder()
    {
        // São Paulo is UTC-3 all year since 2019: a promise "by 5 Nov" is stored as its local midnight, 03:00 UTC.
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var week = ReportPeriod.Days(new(2026, 11, 2), new(2026, 11, 8), saoPaulo);
        await w.ExecAsync("""
            INSERT INTO customers VALUES
              (4, 'Planner', 'consumer', 'SP', '2026-01-01', 'web'),
              (5, 'Planner', 'consumer', 'SP', '2026-01-01', 'web'),
              (6, 'Planner', 'consumer', 'SP', '2026-01-01', 'web');
            INSERT INTO orders VALUES
              (20, 4, '2026-11-02 13:00', 'web', 'completed', 10, '2026-11-05 03:00', '2026-11-06 01:30', false), -- promised 5 Nov, came 5 Nov 22:30 local
              (21, 5, '2026-11-02 13:00', 'web', 'completed', 10, '2026-11-04 03:00', '2026-11-05 21:00', false), -- promised 4 Nov, came 5 Nov 18:00 local
              (22, 4, '2026-11-12 13:00', 'web', 'completed', 10, NULL, NULL, false),
              (23, 6, '2026-11-30 13:00', 'web', 'completed', 10, NULL, NULL, false);                            -- the newest order
            INSERT INTO surveys VALUES
              (20, 4, '2026-11-02 15:00', 'retention', 'review', 3, 2, NULL, NULL), -- 2 Nov: before the parcel's day
              (21, 4, '2026-11-06 12:00', 'retention', 'review', 9, 5, NULL, NULL), -- 6 Nov 09:00 local
              (22, 5, '2026-11-03 13:00', 'retention', 'review', 8, 4, NULL, NULL), -- 3 Nov: the promise not yet broken
              (23, 5, '2026-11-05 11:00', 'retention', 'review', 2, 1, NULL, NULL); -- 5 Nov 08:00 local, still waiting
            """);

        var groups = await w.Metrics.LateDeliveryEffectAsync(week, JourneyFilter.None, 10, default);

        var (onTime, late) = (groups.Single(g => !g.Late), groups.Single(g => g.Late));
        // On time: customer 4, delivered on the promised day (late in the evening, the next day in UTC). Answers from
        // the delivery day: 21 (NPS 9, CSAT 5) -> +100, 100%; answer 20 came days before. Ordered again on 12 Nov,
        // within 10 days of the delivery -> observed (6 Nov + 10 days is before the newest order), not churned.
        Assert.Equal((1L, 1L, 1L), (onTime.Customers, onTime.NpsResponses, onTime.CsatResponses));
        Assert.Equal((100.0, 100.0), (onTime.Nps!.Value, onTime.Csat!.Value));
        Assert.Equal((1L, 0L), (onTime.ChurnObserved, onTime.Churned));
        // Late: customer 5, delivered the day after the promised one; late from the start of 5 Nov local. Answers from
        // that day: 23, written that morning before the parcel came (NPS 2, CSAT 1) -> -100, 0%; answer 22 came before
        // the promise was broken. No order in the 10 days after 5 Nov -> churned.
        Assert.Equal((1L, 1L, 1L), (late.Customers, late.NpsResponses, late.CsatResponses));
        Assert.Equal((-100.0, 0.0), (late.Nps!.Value, late.Csat!.Value));
        Assert.Equal((1L, 1L), (late.ChurnObserved, late.Churned));
    }

    [Theory]
    [InlineData("2017-10-15", "America/Sao_Paulo", "2017-10-15 03:00")] // clocks went from 00:00 to 01:00: the day starts at 01:00 -02
    [InlineData("2018-02-18", "America/Sao_Paulo", "2018-02-18 03:00")] // 00:00 became 23:00 the day before: midnight comes once, at -03
    [InlineData("2026-10-25", "Europe/London", "2026-10-24 23:00")]     // still BST at midnight
    public async Task LateDelivery_LocalDayStart_IsTheFirstInstantOfTheLocalDay_AcrossClockChanges(string day, string tz, string utc)
    {
        // the moment a late parcel becomes late (the day after the promised one) and from which answers count
        var start = await Dapper.SqlMapper.QuerySingleAsync<DateTime>(w.Connection, "SELECT local_day_start($day::DATE, $tz)", new { day, tz });

        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), start);
    }
}
