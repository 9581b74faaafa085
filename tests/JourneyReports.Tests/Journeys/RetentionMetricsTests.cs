namespace JourneyReports.Tests;

/// <summary>
/// Retention metrics on hand-built orders around the first quarter of 2026 (UTC); expected values worked out in comments.
/// </summary>
public sealed class RetentionMetricsTests : IAsyncLifetime
{
    TempWarehouse w = null!;
    static readonly ReportPeriod Quarter = ReportPeriod.Days(new(2026, 1, 1), new(2026, 3, 31), TimeZoneInfo.Utc);

    public async Task InitializeAsync() => w = await TempWarehouse.SeededAsync(FixtureSql);

    /// <summary>The hand-built rows the expected values are worked out from; DirectQueryMetricTests loads the same into SQL Server.</summary>
    internal const string FixtureSql = """
            INSERT INTO customers VALUES
              (1, 'Planner', 'consumer', 'London', '2025-01-01', 'web'),
              (2, 'Planner', 'consumer', 'London', '2025-01-01', 'web'),
              (3, 'Planner', 'consumer', 'London', '2025-01-01', 'web'),
              (4, 'Regular', 'consumer', 'London', '2025-01-01', 'web'),
              (5, 'Regular', 'consumer', 'London', '2025-01-01', 'web'),
              (6, 'Regular', 'consumer', 'London', '2025-01-01', 'web');
            INSERT INTO orders VALUES
              (1,  1, '2026-01-05 10:00', 'web', 'completed', 10, '2026-01-08', '2026-01-07', false),
              (2,  1, '2026-02-10 10:00', 'web', 'completed', 10, NULL, NULL, false),
              (3,  1, '2026-03-03 10:00', 'web', 'completed', 10, NULL, NULL, false),
              (4,  2, '2026-01-20 10:00', 'web', 'completed', 10, NULL, NULL, false),
              (5,  2, '2026-03-15 10:00', 'web', 'completed', 10, NULL, NULL, false),
              (6,  3, '2026-02-02 10:00', 'web', 'completed', 10, '2026-02-05', '2026-02-09', false), -- late
              (7,  3, '2026-02-20 10:00', 'web', 'completed', 10, '2026-02-23', '2026-02-22', false),
              (8,  3, '2026-04-05 10:00', 'web', 'completed', 10, NULL, NULL, false),                  -- the newest order
              (9,  4, '2026-02-14 10:00', 'web', 'completed', 10, '2026-02-17', '2026-02-20', false), -- late
              (10, 5, '2026-03-09 10:00', 'web', 'completed', 10, NULL, NULL, false),
              (11, 5, '2026-04-01 10:00', 'web', 'completed', 10, NULL, NULL, false),
              (12, 6, '2025-12-15 10:00', 'web', 'completed', 10, NULL, NULL, false),
              (13, 6, '2026-02-01 10:00', 'web', 'completed', 10, '2026-02-04', '2026-02-03', false);
            INSERT INTO support_tickets VALUES
              (1, 1, '2026-01-10 10:00', 'email', 'product question', 5, true),
              (2, 3, '2026-02-25 10:00', 'email', 'late delivery', 50, true),
              (3, 4, '2026-02-21 10:00', 'email', 'late delivery', 50, false);
            INSERT INTO surveys VALUES
              (1, 1, '2026-01-11 10:00', 'retention', 'email', NULL, 4, 2, NULL),
              (2, 3, '2026-02-26 10:00', 'retention', 'email', NULL, 2, 6, NULL),
              (3, 4, '2026-02-22 10:00', 'retention', 'email', NULL, 1, 5, NULL);
            INSERT INTO events VALUES
              (1, '2026-01-05 09:50', 1, 'a-1', 's1', 'web', 'desktop', 'product_view', NULL),
              (2, '2026-02-02 09:50', 3, 'a-3', 's2', 'web', 'desktop', 'product_view', NULL),
              (3, '2026-02-20 09:50', 3, 'a-3', 's3', 'web', 'desktop', 'product_view', NULL),
              (4, '2026-02-14 09:50', 4, 'a-4', 's4', 'app', 'mobile',  'product_view', NULL);
            """;

    public async Task DisposeAsync() => await w.DisposeAsync();

    [Fact]
    public Task MonthlyCohorts_ShareOfEachCohortOrderingInEachLaterMonth_UpToTheNewestOrder() => MonthlyCohorts_ShareOfEachCohortOrderingInEachLaterMonth_UpToTheNewestOrder_On(w.Metrics);

    internal static async Task MonthlyCohorts_ShareOfEachCohortOrderingInEachLaterMonth_UpToTheNewestOrder_On(JourneyMetrics metrics)
    {
        var cells = await metrics.CohortRetentionAsync(Quarter, JourneyFilter.None, "month", default);

        // Cohorts by first order: Jan (1, 2), Feb (3, 4), Mar (5); customer 6's is Dec 2025, before the quarter.
        // The newest order is in April, so Jan runs k = 0..3, Feb 0..2, Mar 0..1.
        //   Jan: k1 Feb = 1 (1/2), k2 Mar = 1 and 2 (2/2), k3 Apr = nobody
        //   Feb: k1 Mar = nobody (3's second order is still February), k2 Apr = 3 (1/2)
        //   Mar: k1 Apr = 5 (1/1)
        var expected = new (DateTime, long, long, long, double)[]
        {
            (new(2026, 1, 1), 2, 0, 2, 1.0), (new(2026, 1, 1), 2, 1, 1, 0.5), (new(2026, 1, 1), 2, 2, 2, 1.0), (new(2026, 1, 1), 2, 3, 0, 0.0),
            (new(2026, 2, 1), 2, 0, 2, 1.0), (new(2026, 2, 1), 2, 1, 0, 0.0), (new(2026, 2, 1), 2, 2, 1, 0.5),
            (new(2026, 3, 1), 1, 0, 1, 1.0), (new(2026, 3, 1), 1, 1, 1, 1.0),
        };
        Assert.Equal(expected, cells.Select(c => (c.Cohort, c.Size, c.PeriodIndex, c.Customers, c.Share)));
    }

    [Fact]
    public Task WeeklyCohorts_CountWeeksFromTheMondayOfTheFirstOrder() => WeeklyCohorts_CountWeeksFromTheMondayOfTheFirstOrder_On(w.Metrics);

    internal static async Task WeeklyCohorts_CountWeeksFromTheMondayOfTheFirstOrder_On(JourneyMetrics metrics)
    {
        var january = ReportPeriod.Days(new(2026, 1, 1), new(2026, 1, 31), TimeZoneInfo.Utc);

        var cells = await metrics.CohortRetentionAsync(january, JourneyFilter.None, "week", default);

        // Customer 1's cohort is the week of Mon 5 Jan; Tue 10 Feb is in week 5 after, Tue 3 Mar in week 8, and the
        // newest order (Sun 5 Apr, week of 30 Mar) is week 12.
        var first = cells.Where(c => c.Cohort == new DateTime(2026, 1, 5)).ToList();
        Assert.Equal(Enumerable.Range(0, 13).Select(k => (long)k), first.Select(c => c.PeriodIndex));
        Assert.Equal(new long[] { 0, 5, 8 }, first.Where(c => c.Customers > 0).Select(c => c.PeriodIndex));
        Assert.Equal(new[] { new DateTime(2026, 1, 5), new DateTime(2026, 1, 19) }, cells.Select(c => c.Cohort).Distinct());
    }

    [Fact]
    public async Task Cohorts_RejectAnUnknownGrain_ByName()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => w.Metrics.CohortRetentionAsync(Quarter, JourneyFilter.None, "quarter", default));
        Assert.Contains("'quarter'", e.Message);
    }

    [Fact]
    public Task PersonaFilter_NarrowsTheCohorts() => PersonaFilter_NarrowsTheCohorts_On(w.Metrics);

    internal static async Task PersonaFilter_NarrowsTheCohorts_On(JourneyMetrics metrics)
    {
        var cells = await metrics.CohortRetentionAsync(Quarter, new JourneyFilter(Persona: "Planner"), "month", default);

        // Planners are 1, 2, 3: Feb holds only 3, who is back in April; there is no March cohort.
        Assert.Equal(new[] { new DateTime(2026, 1, 1), new DateTime(2026, 2, 1) }, cells.Select(c => c.Cohort).Distinct());
        Assert.Equal(1.0, cells.Single(c => c.Cohort == new DateTime(2026, 2, 1) && c.PeriodIndex == 2).Share, 6);
    }

    [Fact]
    public Task RepeatPurchase_CustomersWithTwoOrMoreOrdersInThePeriod() => RepeatPurchase_CustomersWithTwoOrMoreOrdersInThePeriod_On(w.Metrics);

    internal static async Task RepeatPurchase_CustomersWithTwoOrMoreOrdersInThePeriod_On(JourneyMetrics metrics)
    {
        var r = await metrics.RepeatPurchaseAsync(Quarter, JourneyFilter.None, default);

        // In the quarter: 1 (3 orders), 2 (2), 3 (2), 4, 5, 6 (1 each)
        Assert.Equal((6L, 3L), (r.Customers, r.Repeaters));
        Assert.Equal(0.5, r.Rate!.Value, 6);
    }

    [Fact]
    public Task Churn_AsOfThePeriodEnd_ComparesChurnedAndRetainedCustomers() => Churn_AsOfThePeriodEnd_ComparesChurnedAndRetainedCustomers_On(w.Metrics);

    internal static async Task Churn_AsOfThePeriodEnd_ComparesChurnedAndRetainedCustomers_On(JourneyMetrics metrics)
    {
        var c = await metrics.ChurnAsync(Quarter, JourneyFilter.None, 30, default);

        // All six ordered from 2 Dec (30 days before the quarter), the window read. Churned: latest order before 1 Apr earlier than
        // 2 Mar -> 3 (20 Feb), 4 (14 Feb), 6 (1 Feb). Retained: 1 (3 Mar), 2 (15 Mar), 5 (9 Mar).
        Assert.Equal((6L, 3L), (c.Customers, c.Churned));
        Assert.Equal(0.5, c.ChurnRate!.Value, 6);
        var (lost, kept) = (c.ChurnedGroup!, c.RetainedGroup!);
        Assert.Equal(2.0 / 3, lost.TicketShare!.Value, 6);   // 3 and 4
        Assert.Equal(1.0 / 3, kept.TicketShare!.Value, 6);   // 1
        Assert.Equal(5.5, lost.MeanCes!.Value, 6);           // 6 and 5
        Assert.Equal(2.0, kept.MeanCes!.Value, 6);
        Assert.Equal(0.5, lost.LateShare!.Value, 6);         // delivered 6, 7, 9, 13; late 6 and 9
        Assert.Equal(0.0, kept.LateShare!.Value, 6);         // delivered 1, on time
        Assert.Equal(5.0 / 3, lost.MeanOrders, 6);           // 2 + 1 + 2 (April's orders come after the quarter)
        Assert.Equal(2.0, kept.MeanOrders, 6);               // 3 + 2 + 1
        Assert.Equal(16.67m, lost.MeanRevenue);
        Assert.Equal(20.00m, kept.MeanRevenue);
        // events: churned 3 web (2/3) and 4 app (1/3); retained only 1's web event
        Assert.Equal(new[] { "web", "app" }, lost.Channels.Select(x => x.Channel));
        Assert.Equal(2.0 / 3, lost.Channels[0].Share, 6);
        Assert.Equal(1.0 / 3, lost.Channels[1].Share, 6);
        Assert.Equal(new[] { ("web", 1.0) }, kept.Channels.Select(x => (x.Channel, x.Share)));
    }

    [Fact]
    public Task Churn_PersonaFilter_CountsOnlyThatPersona() => Churn_PersonaFilter_CountsOnlyThatPersona_On(w.Metrics);

    internal static async Task Churn_PersonaFilter_CountsOnlyThatPersona_On(JourneyMetrics metrics)
    {
        var c = await metrics.ChurnAsync(Quarter, new JourneyFilter(Persona: "Planner"), 30, default);

        Assert.Equal((3L, 1L), (c.Customers, c.Churned)); // 1, 2 retained; 3 churned
    }

    [Fact]
    public Task ChurnedVsRetained_AreTwoRows_ChurnedFirst_ForTablesAndCharts() => ChurnedVsRetained_AreTwoRows_ChurnedFirst_ForTablesAndCharts_On(w.Metrics);

    internal static async Task ChurnedVsRetained_AreTwoRows_ChurnedFirst_ForTablesAndCharts_On(JourneyMetrics metrics)
    {
        var args = new MetricArgs(new Dictionary<string, string> { ["churn-days"] = "30" });

        var groups = (IReadOnlyList<JourneyMetrics.ChurnGroup>)await MetricCatalog.Find("churned-vs-retained")!.Run(metrics, Quarter, JourneyFilter.None, args, default);
        var channels = (IReadOnlyList<JourneyMetrics.ChannelShare>)await MetricCatalog.Find("churn-channels")!.Run(metrics, Quarter, JourneyFilter.None, args, default);

        // The same groups as Churn_AsOfThePeriodEnd_ComparesChurnedAndRetainedCustomers, one row each.
        Assert.Equal(new[] { ("Churned", 3L), ("Retained", 3L) }, groups.Select(g => (g.Group, g.Customers)));
        Assert.Equal(new[] { ("Churned", "web"), ("Churned", "app"), ("Retained", "web") }, channels.Select(c => (c.Group, c.Channel)));
    }
}
