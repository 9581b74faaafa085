namespace JourneyReports.Tests;

/// <summary>
/// The executive families' hand-built week (Mon 2 to Sun 8 Nov 2026, UTC) and what each metric must return on it, worked
/// out in the comments: one fixture and one set of expected values for every warehouse dialect (ExecutiveMetricsTests on
/// DuckDB, DirectQueryMetricTests on SQL Server).
/// </summary>
public static class ExecutiveExpectations
{
    public const string FixtureSql = """
            INSERT INTO customers VALUES
              (1, 'Planner', 'consumer', 'London',   '2026-01-01', 'web'),
              (3, 'Regular', 'vip',      'Scotland', '2026-01-01', 'store'),
              (4, 'Planner', 'consumer', 'Wales',    '2026-01-01', 'social');
            -- a-2 is anonymous; a-1 was stitched to customer 1 at signup.
            INSERT INTO identities VALUES ('a-1', 1, '2026-11-02 09:30');
            INSERT INTO events VALUES
              -- A (customer 1, via a-1 before signup): awareness, consideration, decision, purchase, in order -> 4 stages
              (1,  '2026-11-02 09:00', NULL, 'a-1', 's1', 'social', 'mobile',  'ad_click',     NULL),
              (2,  '2026-11-02 09:05', NULL, 'a-1', 's1', 'web',    'mobile',  'product_view', 10),
              (3,  '2026-11-03 20:00', 1,    'a-1', 's2', 'web',    'desktop', 'add_to_cart',  10),
              (4,  '2026-11-03 20:10', 1,    'a-1', 's2', 'web',    'desktop', 'purchase',     NULL),
              -- B (anonymous): awareness, consideration -> 2 stages
              (5,  '2026-11-04 10:00', NULL, 'a-2', 's3', 'email',  'mobile',  'email_click',  NULL),
              (6,  '2026-11-04 10:01', NULL, 'a-2', 's3', 'web',    'mobile',  'product_view', 11),
              -- C (customer 3): consideration, then a store purchase, but no awareness -> 0 stages; still a visitor and a buyer
              (7,  '2026-11-05 12:00', 3,    'a-3', 's4', 'web',    'desktop', 'product_view', 12),
              (8,  '2026-11-06 15:00', 3,    'a-3', 's5', 'store',  'in_person', 'purchase',   NULL),
              -- D (customer 4): awareness then decision, skipping consideration -> 1 stage
              (9,  '2026-11-07 08:00', 4,    'a-4', 's6', 'web',    'tablet',  'landing_view', NULL),
              (10, '2026-11-07 08:10', 4,    'a-4', 's6', 'web',    'tablet',  'add_to_cart',  13),
              -- E (anonymous): consideration before awareness -> 1 stage
              (11, '2026-11-08 11:00', NULL, 'a-5', 's7', 'web',    'mobile',  'product_view', 10),
              (12, '2026-11-08 11:30', NULL, 'a-5', 's7', 'social', 'mobile',  'ad_click',     NULL),
              -- outside the week: neither counted
              (13, '2026-11-09 00:00', NULL, 'a-6', 's8', 'web',    'mobile',  'landing_view', NULL),
              (14, '2026-11-01 23:59', NULL, 'a-7', 's9', 'web',    'mobile',  'landing_view', NULL);
            INSERT INTO orders VALUES
              (100, 1, '2026-11-03 20:10', 'web',   'completed', 120.00, '2026-11-06', '2026-11-05', false),
              (101, 3, '2026-11-06 15:00', 'store', 'completed',  30.00, '2026-11-06', '2026-11-06', false),
              (102, 3, '2026-11-09 10:00', 'store', 'completed', 999.00, NULL, NULL, false);
            -- NPS: 2 promoters (9, 10), 1 passive (8), 1 detractor (3) of 4 -> (2 - 1) / 4 = +25. CES mean (2+4+3+7)/4 = 4.
            INSERT INTO surveys VALUES
              (1, 1, '2026-11-05 09:00', 'purchase',  'web',      10, 5, 2, NULL),
              (2, 3, '2026-11-06 16:00', 'purchase',  'store',     9, 5, 4, NULL),
              (3, 4, '2026-11-07 09:00', 'decision',  'web',       8, 4, 3, NULL),
              (4, NULL, '2026-11-08 09:00', 'retention', 'call_center', 3, 1, 7, 'waited ages');
            """;

    /// <summary>Two visitors: a-1 reaches consideration a day later, a-2 one minute too late for a one-day window.</summary>
    public const string OneDayWindowSql = """
            INSERT INTO events VALUES
              (1, '2026-11-02 09:00', NULL, 'a-1', 's1', 'web', 'mobile', 'landing_view', NULL),
              (2, '2026-11-03 09:00', NULL, 'a-1', 's2', 'web', 'mobile', 'product_view', NULL),
              (3, '2026-11-02 09:00', NULL, 'a-2', 's3', 'web', 'mobile', 'landing_view', NULL),
              (4, '2026-11-03 09:01', NULL, 'a-2', 's4', 'web', 'mobile', 'product_view', NULL);
            """;

    public static JourneyOptions ProductViewsAreAwareness => new()
    {
        StageMap = new()
        {
            ["awareness"] = ["ad_click", "email_click", "landing_view", "product_view"],
            ["consideration"] = ["search"],
            ["decision"] = ["add_to_cart", "checkout_start"],
            ["purchase"] = ["purchase"],
        },
    };

    public const string DepartmentSql = """
            INSERT INTO products VALUES (10, 'Kettle', 'Kitchen', 'Home', 30), (11, 'Lamp', 'Lighting', 'Home', 20),
                                        (12, 'Phone', 'Phones', 'Electronics', 300), (13, 'Cable', 'Cables', 'Electronics', 10);
            -- order 100 (A): a kettle for 100 and a cable for 20; order 101 (C): a phone for 30
            INSERT INTO order_lines VALUES (100, 1, 10, 1, 100.00, 0), (100, 2, 13, 2, 10.00, 0), (101, 1, 12, 1, 30.00, 0);
            """;

    // Sunday 5 July 2026 23:30 UTC is Monday 6 July 00:30 in London (BST, UTC+1).
    public const string SummerSql = "INSERT INTO events VALUES (1, '2026-07-05 23:30', NULL, 'a-1', 's1', 'web', 'mobile', 'landing_view', NULL)";
    public static ReportPeriod SummerWeeks => ReportPeriod.Days(new(2026, 6, 29), new(2026, 7, 12), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    /// <summary>KpisAsync(Week) on the fixture.</summary>
    public static void WeekKpis(JourneyMetrics.KpiRow k)
    {
        Assert.Equal(5, k.Visitors);      // A (both anonymous id and customer id count once), B, C, D, E
        Assert.Equal(2, k.Buyers);        // A and C reached the purchase stage
        Assert.Equal(2, k.Orders);        // 100 and 101; 102 is the following Monday
        Assert.Equal(150.00m, k.Revenue);
        Assert.Equal(25.0, k.Nps!.Value, 6);
        Assert.Equal(4.0, k.Ces!.Value, 6);
    }

    /// <summary>FunnelAsync(Week) on the fixture.</summary>
    public static void WeekFunnel(IReadOnlyList<FunnelStep> funnel)
    {
        Assert.Equal(JourneyStages.InOrder, funnel.Select(s => s.Stage));
        // awareness A, B, D, E; consideration A, B; decision A; purchase A
        Assert.Equal(new long[] { 4, 2, 1, 1, 0, 0 }, funnel.Select(s => s.Customers));
        Assert.Equal(new decimal?[] { null, 0.5m, 0.5m, 0m, 1m, null }, funnel.Select(s => s.DropOff));
    }

    /// <summary>FunnelAsync(Week) on <see cref="OneDayWindowSql"/> with a conversion window of one day.</summary>
    public static void OneDayWindowFunnel(IReadOnlyList<FunnelStep> funnel)
    {
        Assert.Equal(new long[] { 2, 1, 0, 0, 0, 0 }, funnel.Select(s => s.Customers)); // a-2 came back one minute too late
    }

    /// <summary>FunnelAsync(Week) on the fixture with <see cref="ProductViewsAreAwareness"/> as the stage map.</summary>
    public static void RemappedFunnel(IReadOnlyList<FunnelStep> funnel)
    {
        // C and E now become aware through their product views: all five visitors. Nobody searched, so nobody
        // reaches consideration, and the ordered funnel stops there.
        Assert.Equal(new long[] { 5, 0, 0, 0, 0, 0 }, funnel.Select(s => s.Customers));
    }

    /// <summary>KpisAsync and FunnelAsync(Week) for persona Planner.</summary>
    public static void PlannerKpisAndFunnel(JourneyMetrics.KpiRow k, IReadOnlyList<FunnelStep> funnel)
    {
        Assert.Equal(2, k.Visitors);   // A and D
        Assert.Equal(1, k.Buyers);     // A
        Assert.Equal(1, k.Orders);
        Assert.Equal(120.00m, k.Revenue);
        Assert.Equal(new long[] { 2, 1, 1, 1, 0, 0 }, funnel.Select(s => s.Customers));
    }

    /// <summary>KpisAsync and FunnelAsync(Week) for department Home, with <see cref="DepartmentSql"/> added to the fixture.</summary>
    public static void HomeKpisAndFunnel(JourneyMetrics.KpiRow k, IReadOnlyList<FunnelStep> funnel)
    {
        // Home products were viewed by A (10), B (11) and E (10); C and D looked at Electronics only.
        Assert.Equal(3, k.Visitors);
        Assert.Equal(1, k.Buyers);           // A's purchase event concerns no product, so it is kept for A
        Assert.Equal(1, k.Orders);           // order 100 has a Home line; 101 has none
        Assert.Equal(100.00m, k.Revenue);    // the kettle line only
        // awareness A, B, E; consideration A, B (E viewed before arriving); decision: A's add_to_cart is product 10, Home
        Assert.Equal(new long[] { 3, 2, 1, 1, 0, 0 }, funnel.Select(s => s.Customers));
    }

    /// <summary>ChannelMixAsync(Week).</summary>
    public static void WeekChannelMix(IReadOnlyList<ChannelMixRow> mix)
    {
        // awareness: social (A, E), email (B), web (D) -> 2/4, 1/4, 1/4
        var awareness = mix.Where(m => m.Stage == "awareness").ToDictionary(m => m.Channel, m => m.Share);
        Assert.Equal(0.5m, awareness["social"]);
        Assert.Equal(0.25m, awareness["email"]);
        Assert.Equal(0.25m, awareness["web"]);
        // purchase: web (A) and store (C)
        Assert.Equal(new[] { "store", "web" }, mix.Where(m => m.Stage == "purchase").Select(m => m.Channel).Order());
    }

    /// <summary>WeeklyTrendAsync of <see cref="SummerWeeks"/> in London on <see cref="SummerSql"/> alone.</summary>
    public static void SummerTrend(IReadOnlyList<TrendPoint> trend)
    {
        Assert.Equal(new long[] { 0, 1 }, trend.Select(t => t.Visitors));
        Assert.Equal(new DateOnly(2026, 7, 6), trend[1].WeekStart);
    }

    /// <summary>WeeklyTrendAsync(Week.TrailingWeeks(3)).</summary>
    public static void ThreeWeekTrend(IReadOnlyList<TrendPoint> trend)
    {
        Assert.Equal(new DateOnly[] { new(2026, 10, 19), new(2026, 10, 26), new(2026, 11, 2) }, trend.Select(t => t.WeekStart));
        Assert.Equal(new long[] { 0, 1, 5 }, trend.Select(t => t.Visitors)); // a-7 on Sun 1 Nov falls in the week of 26 Oct
        Assert.Equal(new long[] { 0, 0, 2 }, trend.Select(t => t.Orders));
        Assert.Equal(150.00m, trend[2].Revenue);
    }

    /// <summary>WeeklyTrendAsync(Week.TrailingWeeks(2)).</summary>
    public static void TwoWeekTrend(IReadOnlyList<TrendPoint> trend)
    {
        var week = trend[^1];
        Assert.Equal(2, week.Buyers);                  // A and C, as the KPI counts them
        Assert.Equal(0.4m, week.Conversion);           // 2 buyers of 5 visitors
        Assert.Equal(75.00m, week.AverageOrderValue);  // 150 / 2 orders
        Assert.Equal(25.0, week.Nps!.Value, 6);        // the week's four answers, as in the KPI test
        Assert.Equal(4.0, week.Ces!.Value, 6);
        Assert.Null(trend[0].Nps);                     // nobody answered in the week of 26 Oct: no score, not zero
        Assert.Equal(0m, trend[0].Conversion);         // one visitor (a-7), no buyer
    }

    /// <summary>The kpis family of Week with no options.</summary>
    public static void KpiFamily(IReadOnlyList<Kpi> kpis)
    {
        Assert.All(kpis, k => Assert.Equal(8, k.Trend!.Count));
        var visitors = kpis.Single(k => k.Key == "visitors");
        Assert.Equal(new double?[] { 0, 0, 0, 0, 0, 0, 1, 5 }, visitors.Trend); // a-7 on Sun 1 Nov is the week before
        Assert.Equal(0.4, kpis.Single(k => k.Key == "conversion").Trend![^1]);
        Assert.Equal(25.0, kpis.Single(k => k.Key == "nps").Trend![^1]!.Value, 6);
        Assert.Null(kpis.Single(k => k.Key == "nps").Trend![0]);
    }

    /// <summary>The kpis family of Mon 2 to Wed 11 Nov with sparkline-weeks 2.</summary>
    public static void MidweekSparklines(IReadOnlyList<Kpi> kpis)
    {
        // Weeks of 26 Oct (a-7) and 2 Nov (five visitors); 9-11 Nov would be a three-day week.
        Assert.Equal(new double?[] { 1, 5 }, kpis.Single(k => k.Key == "visitors").Trend);
    }
}
