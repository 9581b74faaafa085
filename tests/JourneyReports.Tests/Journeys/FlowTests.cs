namespace JourneyReports.Tests;

/// <summary>Stage/channel transitions for the flow diagram, on a hand-built week (Mon 2 - Sun 8 Nov 2026, UTC).</summary>
public sealed class FlowTests : IAsyncLifetime
{
    TempWarehouse w = null!;
    static readonly ReportPeriod Week = JourneyFixture.Week;

    public async Task InitializeAsync() => w = await TempWarehouse.SeededAsync(FixtureSql);

    /// <summary>The hand-built rows the expected values are worked out from; DirectQueryMetricTests loads the same into SQL Server.</summary>
    internal const string FixtureSql = """
            INSERT INTO customers VALUES (1, 'Planner', 'consumer', 'London', '2026-01-01', 'social');
            INSERT INTO events VALUES
              -- X (customer 1): awareness/social -> consideration/web (twice: one node) -> decision/web -> purchase/web
              (1,  '2026-11-02 09:00', 1,    'a-1', 's1', 'social', 'mobile', 'ad_click',     NULL),
              (2,  '2026-11-02 09:01', 1,    'a-1', 's1', 'web',    'mobile', 'product_view', NULL),
              (3,  '2026-11-02 09:02', 1,    'a-1', 's1', 'web',    'mobile', 'product_view', NULL),
              (4,  '2026-11-02 09:03', 1,    'a-1', 's1', 'web',    'mobile', 'add_to_cart',  NULL),
              (5,  '2026-11-02 09:04', 1,    'a-1', 's1', 'web',    'mobile', 'purchase',     NULL),
              -- Y: the same up to decision; an event type of no stage in between is not a node
              (6,  '2026-11-03 09:00', NULL, 'a-2', 's2', 'social', 'mobile', 'ad_click',     NULL),
              (7,  '2026-11-03 09:01', NULL, 'a-2', 's2', 'web',    'mobile', 'product_view', NULL),
              (8,  '2026-11-03 09:02', NULL, 'a-2', 's2', 'web',    'mobile', 'newsletter',   NULL),
              (9,  '2026-11-03 09:03', NULL, 'a-2', 's2', 'web',    'mobile', 'add_to_cart',  NULL),
              -- Z: awareness/email -> consideration/web
              (10, '2026-11-04 09:00', NULL, 'a-3', 's3', 'email',  'mobile', 'email_click',  NULL),
              (11, '2026-11-04 09:01', NULL, 'a-3', 's3', 'web',    'mobile', 'product_view', NULL);
            """;

    public async Task DisposeAsync() => await w.DisposeAsync();

    static string[] Describe(IEnumerable<FlowLink> links) =>
        links.Select(l => $"{l.FromStage}/{l.FromChannel} -> {l.ToStage}/{l.ToChannel}: {l.Transitions}").ToArray();

    [Fact]
    public Task Flow_CountsTransitionsBetweenDistinctConsecutiveNodes() => Flow_CountsTransitionsBetweenDistinctConsecutiveNodes_On(w.Metrics);

    internal static async Task Flow_CountsTransitionsBetweenDistinctConsecutiveNodes_On(JourneyMetrics metrics)
    {
        var links = await metrics.FlowAsync(Week, JourneyFilter.None);

        Assert.Equal([
            "awareness/social -> consideration/web: 2",   // X, Y
            "consideration/web -> decision/web: 2",       // X, Y (X's second view is no transition)
            "awareness/email -> consideration/web: 1",    // Z
            "decision/web -> purchase/web: 1",            // X
        ], Describe(links));
        Assert.All(links, l => Assert.Equal(l.Transitions, l.Visitors));
    }

    [Fact]
    public Task Flow_TopAndFilter_NarrowTheLinks() => Flow_TopAndFilter_NarrowTheLinks_On(w.Metrics);

    internal static async Task Flow_TopAndFilter_NarrowTheLinks_On(JourneyMetrics metrics)
    {
        Assert.Equal(2, (await metrics.FlowAsync(Week, JourneyFilter.None, top: 2)).Count);
        // Only X is a Planner.
        Assert.Equal(3, (await metrics.FlowAsync(Week, new JourneyFilter(Persona: "Planner"))).Count);
    }
}
