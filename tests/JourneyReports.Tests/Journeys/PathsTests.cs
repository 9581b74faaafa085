namespace JourneyReports.Tests;

/// <summary>
/// Touchpoint paths of the week Mon 2 - Sun 8 Nov 2026 (UTC). A touch is a session, through its first event's channel.
///   V1 (customer 1, Planner): social, social, email, web (buys), then app after buying -> social > email > web
///   V2 (customer 2, Regular): social, email, web (buys)                             -> social > email > web
///   V3 (customer 3, Regular): search_ads, email, social, email, app, web (buys)     -> six steps, cut by the cap
///   V4 (anonymous): social, web (add to cart, no purchase)                          -> drop-off social > web
///   V5 (anonymous): email only, never reaches decision                              -> in neither list
///   V6 (customer 4, Planner): email then a cart in the same session                 -> drop-off email
/// </summary>
public sealed class PathsTests : IAsyncLifetime
{
    TempWarehouse w = null!;
    static readonly ReportPeriod Week = JourneyFixture.Week;

    public async Task InitializeAsync() => w = await TempWarehouse.SeededAsync(FixtureSql);

    /// <summary>The hand-built rows the expected values are worked out from; DirectQueryMetricTests loads the same into SQL Server.</summary>
    internal const string FixtureSql = """
            INSERT INTO customers VALUES
              (1, 'Planner', 'consumer', 'London', '2026-01-01', 'social'),
              (2, 'Regular', 'consumer', 'London', '2026-01-01', 'social'),
              (3, 'Regular', 'consumer', 'London', '2026-01-01', 'search_ads'),
              (4, 'Planner', 'consumer', 'London', '2026-01-01', 'email');
            INSERT INTO events VALUES
              (1,  '2026-11-02 09:00', 1, 'a-1', 's1',  'social',     'mobile',  'ad_click',      NULL),
              (2,  '2026-11-02 18:00', 1, 'a-1', 's2',  'social',     'mobile',  'ad_click',      NULL),
              (3,  '2026-11-03 09:00', 1, 'a-1', 's3',  'email',      'mobile',  'email_click',   NULL),
              (4,  '2026-11-03 09:05', 1, 'a-1', 's3',  'web',        'mobile',  'product_view',  NULL),
              (5,  '2026-11-04 10:00', 1, 'a-1', 's4',  'web',        'desktop', 'landing_view',  NULL),
              (6,  '2026-11-04 10:05', 1, 'a-1', 's4',  'web',        'desktop', 'add_to_cart',   NULL),
              (7,  '2026-11-04 10:10', 1, 'a-1', 's4',  'web',        'desktop', 'purchase',      NULL),
              (8,  '2026-11-06 10:00', 1, 'a-1', 's5',  'app',        'mobile',  'account_login', NULL),
              (9,  '2026-11-03 10:00', 2, 'a-2', 's6',  'social',     'mobile',  'ad_click',      NULL),
              (10, '2026-11-05 10:00', 2, 'a-2', 's7',  'email',      'mobile',  'email_click',   NULL),
              (11, '2026-11-05 20:00', 2, 'a-2', 's8',  'web',        'desktop', 'landing_view',  NULL),
              (12, '2026-11-05 20:05', 2, 'a-2', 's8',  'web',        'desktop', 'purchase',      NULL),
              (13, '2026-11-02 10:00', 3, 'a-3', 's9',  'search_ads', 'mobile',  'ad_click',      NULL),
              (14, '2026-11-03 10:00', 3, 'a-3', 's10', 'email',      'mobile',  'email_click',   NULL),
              (15, '2026-11-04 10:00', 3, 'a-3', 's11', 'social',     'mobile',  'ad_click',      NULL),
              (16, '2026-11-05 10:00', 3, 'a-3', 's12', 'email',      'mobile',  'email_click',   NULL),
              (17, '2026-11-06 10:00', 3, 'a-3', 's13', 'app',        'mobile',  'landing_view',  NULL),
              (18, '2026-11-07 10:00', 3, 'a-3', 's14', 'web',        'desktop', 'landing_view',  NULL),
              (19, '2026-11-07 10:10', 3, 'a-3', 's14', 'web',        'desktop', 'purchase',      NULL),
              (20, '2026-11-05 10:00', NULL, 'a-4', 's15', 'social',  'mobile',  'ad_click',      NULL),
              (21, '2026-11-05 10:05', NULL, 'a-4', 's15', 'web',     'mobile',  'product_view',  NULL),
              (22, '2026-11-06 10:00', NULL, 'a-4', 's16', 'web',     'mobile',  'landing_view',  NULL),
              (23, '2026-11-06 10:05', NULL, 'a-4', 's16', 'web',     'mobile',  'add_to_cart',   NULL),
              (24, '2026-11-06 11:00', NULL, 'a-5', 's17', 'email',   'mobile',  'email_click',   NULL),
              (25, '2026-11-07 11:00', 4, 'a-6', 's18', 'email',      'mobile',  'email_click',   NULL),
              (26, '2026-11-07 11:05', 4, 'a-6', 's18', 'web',        'mobile',  'add_to_cart',   NULL);
            """;

    public async Task DisposeAsync() => await w.DisposeAsync();

    static string[] Describe(IEnumerable<PathRow> rows) => rows.Select(r => $"{r.Path} | {r.Visitors} | {r.Share:0.###}").ToArray();

    [Fact]
    public Task Conversion_CollapsesRepeats_StopsAtThePurchase_AndKeepsTheLastStepsOfLongPaths() => Conversion_CollapsesRepeats_StopsAtThePurchase_AndKeepsTheLastStepsOfLongPaths_On(w.Metrics);

    internal static async Task Conversion_CollapsesRepeats_StopsAtThePurchase_AndKeepsTheLastStepsOfLongPaths_On(JourneyMetrics metrics)
    {
        var paths = await metrics.PathsAsync(Week, JourneyFilter.None, PathOutcome.Conversion);

        // V1's second social click is the same step; its app login comes after buying. V3 loses search_ads to the cap of 5.
        Assert.Equal(["social > email > web | 2 | 0.667", "… > email > social > email > app > web | 1 | 0.333"], Describe(paths));
        Assert.Equal(["social", "email", "web"], paths[0].Channels);
        Assert.True(paths[1].Truncated);
    }

    [Fact]
    public Task LengthCapAndTop_CutPathsAndRows_ButSharesStayOfAllConverters() => LengthCapAndTop_CutPathsAndRows_ButSharesStayOfAllConverters_On(w.Metrics);

    internal static async Task LengthCapAndTop_CutPathsAndRows_ButSharesStayOfAllConverters_On(JourneyMetrics metrics)
    {
        var paths = await metrics.PathsAsync(Week, JourneyFilter.None, PathOutcome.Conversion, maxLength: 3, top: 1);

        Assert.Equal(["social > email > web | 2 | 0.667"], Describe(paths));
        var capped = await metrics.PathsAsync(Week, JourneyFilter.None, PathOutcome.Conversion, maxLength: 3);
        Assert.Equal("… > email > app > web", capped[1].Path);
    }

    [Fact]
    public Task DropOff_IsVisitorsWhoReachedDecisionButNotPurchase() => DropOff_IsVisitorsWhoReachedDecisionButNotPurchase_On(w.Metrics);

    internal static async Task DropOff_IsVisitorsWhoReachedDecisionButNotPurchase_On(JourneyMetrics metrics)
    {
        var paths = await metrics.PathsAsync(Week, JourneyFilter.None, PathOutcome.DropOff);

        // V4 and V6; V5 never reached decision. Equal counts go in path order.
        Assert.Equal(["email | 1 | 0.5", "social > web | 1 | 0.5"], Describe(paths));
    }

    [Fact]
    public Task PersonaFilter_KeepsOnlyThatPersonasVisitors() => PersonaFilter_KeepsOnlyThatPersonasVisitors_On(w.Metrics);

    internal static async Task PersonaFilter_KeepsOnlyThatPersonasVisitors_On(JourneyMetrics metrics)
    {
        var planners = new JourneyFilter(Persona: "Planner");

        Assert.Equal(["social > email > web | 1 | 1"], Describe(await metrics.PathsAsync(Week, planners, PathOutcome.Conversion)));
        Assert.Equal(["email | 1 | 1"], Describe(await metrics.PathsAsync(Week, planners, PathOutcome.DropOff)));
    }
}
