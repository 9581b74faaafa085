namespace JourneyReports.Tests;

/// <summary>
/// Attribution of the week Mon 2 - Sun 8 Nov 2026 (UTC), 30-day lookback, 7-day half-life, on a hand-built fixture.
/// A touch is a session, through the channel of its first event.
///   order 100 (customer 1, 8 Nov 12:00, 100.00): social 25 Oct (age 14 d), email 1 Nov (7 d), web 8 Nov (0 d,
///             the visit it was bought in); a social click on 8 Oct is 31 days old, outside the lookback
///   order 101 (customer 2, 5 Nov 12:00, 60.00): search_ads 29 Oct (7 d, anonymous, stitched), web 5 Nov (0 d)
///   order 102 (customer 3, 6 Nov, 30.00): no touch at all -> "(none)" in every model
///   a-9: a social click in the week and no order -> the only non-converting journey
/// </summary>
public sealed class AttributionTests : IAsyncLifetime
{
    TempWarehouse w = null!;
    static readonly ReportPeriod Week = JourneyFixture.Week;

    public async Task InitializeAsync() => w = await TempWarehouse.SeededAsync(FixtureSql);

    /// <summary>The hand-built rows the expected values are worked out from; DirectQueryMetricTests loads the same into SQL Server.</summary>
    internal const string FixtureSql = """
            INSERT INTO customers VALUES
              (1, 'Planner', 'consumer', 'London', '2026-01-01', 'social'),
              (2, 'Regular', 'consumer', 'Wales',  '2026-01-01', 'search_ads'),
              (3, 'Planner', 'vip',      'London', '2026-01-01', 'store');
            INSERT INTO identities VALUES ('a-2', 2, '2026-11-05 12:00');
            INSERT INTO events VALUES
              (1, '2026-10-08 11:00', 1,    'a-1', 's0', 'social',     'mobile',  'ad_click',     NULL),
              (2, '2026-10-25 12:00', 1,    'a-1', 's1', 'social',     'mobile',  'ad_click',     NULL),
              (3, '2026-10-25 12:05', 1,    'a-1', 's1', 'web',        'mobile',  'product_view', NULL),
              (4, '2026-11-01 12:00', 1,    'a-1', 's2', 'email',      'mobile',  'email_click',  NULL),
              (5, '2026-11-08 12:00', 1,    'a-1', 's3', 'web',        'desktop', 'purchase',     NULL),
              (6, '2026-10-29 12:00', NULL, 'a-2', 's4', 'search_ads', 'mobile',  'ad_click',     NULL),
              (7, '2026-11-05 12:00', 2,    'a-2', 's5', 'web',        'desktop', 'landing_view', NULL),
              (8, '2026-11-05 12:00', 2,    'a-2', 's5', 'web',        'desktop', 'purchase',     NULL),
              (9, '2026-11-06 09:00', NULL, 'a-9', 's9', 'social',     'mobile',  'ad_click',     NULL);
            INSERT INTO orders VALUES
              (100, 1, '2026-11-08 12:00', 'web',   'completed', 100.00, NULL, NULL, false),
              (101, 2, '2026-11-05 12:00', 'web',   'completed',  60.00, NULL, NULL, false),
              (102, 3, '2026-11-06 12:00', 'store', 'completed',  30.00, NULL, NULL, false),
              (103, 2, '2026-11-09 10:00', 'web',   'completed', 999.00, NULL, NULL, false);
            """;

    public async Task DisposeAsync() => await w.DisposeAsync();

    static Task<IReadOnlyList<AttributionRow>> Attribute(JourneyMetrics metrics, JourneyFilter? filter = null) =>
        metrics.AttributionAsync(Week, filter ?? JourneyFilter.None, AttributionOptions.Default, default);

    static void AssertCredits(IReadOnlyList<AttributionRow> rows, AttributionModel model, params (string Channel, double Orders, double Revenue)[] expected)
    {
        var actual = rows.Where(r => r.Model == model).ToDictionary(r => r.Channel);
        Assert.Equal(expected.Select(e => e.Channel).Order(), actual.Keys.Order());
        foreach (var (channel, orders, revenue) in expected)
        {
            Assert.Equal(orders, actual[channel].Orders, 6);
            Assert.Equal(revenue, (double)actual[channel].Revenue, 2);
        }
    }

    [Fact]
    public Task FirstAndLastTouch_CreditOneChannelPerOrder() => FirstAndLastTouch_CreditOneChannelPerOrder_On(w.Metrics);

    internal static async Task FirstAndLastTouch_CreditOneChannelPerOrder_On(JourneyMetrics metrics)
    {
        var rows = await Attribute(metrics);

        AssertCredits(rows, AttributionModel.FirstTouch, ("social", 1, 100), ("search_ads", 1, 60), ("(none)", 1, 30));
        AssertCredits(rows, AttributionModel.LastTouch, ("web", 2, 160), ("(none)", 1, 30));
    }

    [Fact]
    public Task Linear_SharesEqually() => Linear_SharesEqually_On(w.Metrics);

    internal static async Task Linear_SharesEqually_On(JourneyMetrics metrics)
    {
        // 100: a third each to social, email, web; 101: half each to search_ads, web.
        // web = 1/3 + 1/2 = 5/6 orders, 33.33 + 30 = 63.33
        AssertCredits(await Attribute(metrics), AttributionModel.Linear,
            ("social", 1 / 3.0, 100 / 3.0), ("email", 1 / 3.0, 100 / 3.0), ("web", 5 / 6.0, 100 / 3.0 + 30), ("search_ads", 0.5, 30), ("(none)", 1, 30));
    }

    [Fact]
    public Task PositionBased_Gives40PercentToEachEnd_AndHalvesTwoTouches() => PositionBased_Gives40PercentToEachEnd_AndHalvesTwoTouches_On(w.Metrics);

    internal static async Task PositionBased_Gives40PercentToEachEnd_AndHalvesTwoTouches_On(JourneyMetrics metrics)
    {
        // 100 (three touches): social 0.4, email 0.2, web 0.4; 101 (two touches): 0.5 each.
        AssertCredits(await Attribute(metrics), AttributionModel.PositionBased,
            ("social", 0.4, 40), ("email", 0.2, 20), ("web", 0.9, 70), ("search_ads", 0.5, 30), ("(none)", 1, 30));
    }

    [Fact]
    public Task TimeDecay_HalvesTheWeightEveryHalfLife() => TimeDecay_HalvesTheWeightEveryHalfLife_On(w.Metrics);

    internal static async Task TimeDecay_HalvesTheWeightEveryHalfLife_On(JourneyMetrics metrics)
    {
        // 100: weights 2^(-14/7) = 1/4, 2^(-7/7) = 1/2, 2^0 = 1; sum 7/4 -> social 1/7, email 2/7, web 4/7.
        // 101: weights 1/2 and 1; sum 3/2 -> search_ads 1/3, web 2/3.  web = 4/7 + 2/3 orders, 400/7 + 40 revenue.
        AssertCredits(await Attribute(metrics), AttributionModel.TimeDecay,
            ("social", 1 / 7.0, 100 / 7.0), ("email", 2 / 7.0, 200 / 7.0), ("web", 4 / 7.0 + 2 / 3.0, 400 / 7.0 + 40),
            ("search_ads", 1 / 3.0, 20), ("(none)", 1, 30));
    }

    [Fact]
    public Task Markov_CreditsByNormalisedRemovalEffect() => Markov_CreditsByNormalisedRemovalEffect_On(w.Metrics);

    internal static async Task Markov_CreditsByNormalisedRemovalEffect_On(JourneyMetrics metrics)
    {
        // Journeys: social > email > web (converts, 100), search_ads > web (converts, 60), social (a-9, does not).
        // start->social 2, start->search_ads 1; social->email 1, social->null 1; email->web 1; search_ads->web 1; web->conv 2.
        // P(conv) = 2/3 * 1/2 + 1/3 = 2/3.
        // Removing social: 1/3 -> effect 1/2; email: 1/3 -> 1/2; search_ads: 2/3 * 1/2 = 1/3 -> 1/2; web: 0 -> 1.
        // Sum 2.5 -> shares 0.2, 0.2, 0.2, 0.4 of the 2 touched orders and their 160.00.
        AssertCredits(await Attribute(metrics), AttributionModel.Markov,
            ("social", 0.4, 32), ("email", 0.4, 32), ("search_ads", 0.4, 32), ("web", 0.8, 64), ("(none)", 1, 30));
    }

    [Fact]
    public Task EveryModel_AddsUpToThePeriodsOrdersAndRevenue() => EveryModel_AddsUpToThePeriodsOrdersAndRevenue_On(w.Metrics);

    internal static async Task EveryModel_AddsUpToThePeriodsOrdersAndRevenue_On(JourneyMetrics metrics)
    {
        var rows = await Attribute(metrics);

        foreach (var model in Enum.GetValues<AttributionModel>())
        {
            var credits = rows.Where(r => r.Model == model).ToList();
            Assert.Equal(3, credits.Sum(r => r.Orders), 6);
            Assert.Equal(190m, credits.Sum(r => r.Revenue), 1);
            Assert.Equal(1, credits.Sum(r => r.Share), 6);
        }
    }

    [Fact]
    public Task PersonaFilter_KeepsOnlyThatPersonasOrdersAndJourneys() => PersonaFilter_KeepsOnlyThatPersonasOrdersAndJourneys_On(w.Metrics);

    internal static async Task PersonaFilter_KeepsOnlyThatPersonasOrdersAndJourneys_On(JourneyMetrics metrics)
    {
        // Planners: customer 1 (order 100) and customer 3 (order 102). a-9 is anonymous, so no persona: its
        // non-converting journey goes, every journey converts and each channel's removal loses everything (effect 1).
        var rows = await Attribute(metrics, new JourneyFilter(Persona: "Planner"));

        AssertCredits(rows, AttributionModel.FirstTouch, ("social", 1, 100), ("(none)", 1, 30));
        AssertCredits(rows, AttributionModel.Markov,
            ("social", 1 / 3.0, 100 / 3.0), ("email", 1 / 3.0, 100 / 3.0), ("web", 1 / 3.0, 100 / 3.0), ("(none)", 1, 30));
    }

    [Fact]
    public Task ALongerLookback_ReachesTheOlderClick() => ALongerLookback_ReachesTheOlderClick_On(w.Metrics);

    internal static async Task ALongerLookback_ReachesTheOlderClick_On(JourneyMetrics metrics)
    {
        var rows = await metrics.AttributionAsync(Week, JourneyFilter.None, new AttributionOptions(LookbackDays: 45), default);

        AssertCredits(rows, AttributionModel.FirstTouch, ("social", 1, 100), ("search_ads", 1, 60), ("(none)", 1, 30));
        // 100 now has four touches: social (8 Oct), social, email, web -> position 0.4, 0.1, 0.1, 0.4
        AssertCredits(rows, AttributionModel.PositionBased,
            ("social", 0.5, 50), ("email", 0.1, 10), ("web", 0.9, 70), ("search_ads", 0.5, 30), ("(none)", 1, 30));
    }
}
