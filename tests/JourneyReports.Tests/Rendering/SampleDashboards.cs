namespace JourneyReports.Tests;

/// <summary>
/// Hand-made results for the built-in executive-weekly definition (dashboards/executive-weekly.json), for tests of
/// what shows a report: the dashboard image, the workbook, the email, pages.
/// </summary>
public static class SampleDashboards
{
    static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static readonly string[] Channels = ["Email", "Paid search", "Organic search", "Social", "Direct", "Affiliate"];

    /// <summary>The executive-weekly definition as shipped; with <paramref name="title"/>, under another title.</summary>
    public static DashboardDefinition Executive(string? title = null)
    {
        var path = Path.Combine(RepoPaths.Root, "dashboards", "executive-weekly.json");
        var json = File.ReadAllText(path);
        if (title is not null)
            json = json.Replace("\"title\": \"Executive weekly journey\"", $"\"title\": {System.Text.Json.JsonSerializer.Serialize(title)}", StringComparison.Ordinal);
        var parsed = DashboardDefinition.Parse(json, path, TestEngine.SqlChecker);
        Assert.Empty(parsed.Errors);
        return parsed.Definition!;
    }

    public static readonly ReportPeriod Week = ReportPeriod.Days(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), London);

    /// <summary>A result of the executive definition's five datasets, the way <see cref="DashboardComposer.RunAsync"/> hands one over.</summary>
    public static DashboardResult Result(IReadOnlyList<Kpi> kpis, IReadOnlyList<FunnelStep> funnel, IReadOnlyList<TrendPoint> trend,
        IReadOnlyList<ChannelMixRow> channels, IReadOnlyList<JourneyMetrics.PainPoint>? pain = null, ReportPeriod? period = null,
        DateTime? dataUntilUtc = null, DateTimeOffset? generatedAt = null)
    {
        var p = period ?? Week;
        DatasetRows Rows<T>(string name, IReadOnlyList<T> rows) => new(name, [.. rows.Cast<object>()]);
        var comparison = (p with { TimeZoneId = Week.TimeZoneId }).Previous() with { TimeZoneId = p.TimeZoneId };
        return new DashboardResult(p, comparison, JourneyFilter.None,
            generatedAt ?? new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), dataUntilUtc,
            new Dictionary<string, DatasetRows>
            {
                ["kpis"] = Rows("kpis", kpis), ["funnel"] = Rows("funnel", funnel), ["trend"] = Rows("trend", trend),
                ["channels"] = Rows("channels", channels), ["pain"] = Rows("pain", pain ?? []),
            });
    }

    /// <summary>Week 16–22 Nov 2026 vs 9–15 Nov 2026, generated Monday 23 Nov 2026 08:00 London time.</summary>
    public static DashboardResult ExecutiveWeekly()
    {
        Kpi[] kpis =
        [
            new("visitors", "Visitors", 48_210, 46_270, KpiFormat.Count),
            new("conversion_rate", "Conversion rate", 0.0342m, 0.0318m, KpiFormat.Percent),
            new("orders", "Orders", 1_649, 1_712, KpiFormat.Count),
            new("revenue", "Revenue", 128_456, 121_300, KpiFormat.Currency),
            new("aov", "Average order value", 77.90m, 70.85m, KpiFormat.Currency),
            new("nps", "NPS", 23.5m, 21.2m, KpiFormat.Score),
            new("ces", "Customer effort (CES)", 2.4m, 2.7m, KpiFormat.Score),
        ];
        long[] customers = [48_210, 21_530, 6_120, 1_649, 1_102, 286];
        var funnel = JourneyStages.InOrder.Select((stage, i) => new FunnelStep(i + 1, stage, customers[i],
            i == 0 ? null : Math.Round(1 - customers[i] / (decimal)customers[i - 1], 4))).ToList();

        var trend = Enumerable.Range(0, 12).Select(i =>
        {
            var wave = Math.Sin(i * 0.7);
            var visitors = (long)(40_000 + 700 * i + 3_000 * wave);
            var orders = (long)(visitors * (0.031 + 0.002 * Math.Cos(i)));
            return new TrendPoint(Week.FirstDay.AddDays(7 * (i - 11)), visitors, orders, Math.Round(orders * (72m + i), 2), orders - 20, 20 + i, 2.5);
        }).ToList();

        double[][] weights =
        [
            [0.18, 0.30, 0.22, 0.20, 0.06, 0.04],
            [0.20, 0.24, 0.24, 0.12, 0.14, 0.06],
            [0.22, 0.20, 0.20, 0.08, 0.24, 0.06],
            [0.24, 0.18, 0.18, 0.06, 0.28, 0.06],
            [0.46, 0.04, 0.10, 0.06, 0.34, 0.00],
            [0.30, 0.00, 0.05, 0.55, 0.10, 0.00],
        ];
        var mix = funnel.SelectMany((step, s) => Channels.Select((channel, c) =>
            new ChannelMixRow(step.Stage, channel, (long)(step.Customers * weights[s][c]), (decimal)weights[s][c]))).ToList();
        JourneyMetrics.PainPoint[] pain =
        [
            new("late delivery", 120, 110, 80, -35, 0.41, 900, 24, 0.82),
            new("payment failed", 40, 38, 20, -10, 0.6, 900, 24, 0.82),
        ];
        return Result(kpis, funnel, trend, mix, pain, dataUntilUtc: new DateTime(2026, 11, 23, 5, 30, 0, DateTimeKind.Utc));
    }

    /// <summary>No rows anywhere, null KPIs: what a brand-new warehouse produces.</summary>
    public static DashboardResult Empty()
    {
        var kpis = ExecutiveWeekly().Datasets["kpis"].Rows.Cast<Kpi>().Select(k => k with { Value = null, Previous = null }).ToList();
        return Result(kpis, [], [], []);
    }

    /// <summary>Values that break naive layouts: 1e12, zeros, a single trend point, very long channel names, an unknown time zone.</summary>
    public static DashboardResult Extreme()
    {
        const decimal huge = 1_000_000_000_000m;
        var longName = "Partner marketplace referral programme (EMEA, APAC and the Americas, including resellers)";
        return Result(
            [
                new("visitors", "Visitors", huge, 1, KpiFormat.Count),
                new("conversion_rate", "Conversion rate", 0, 0, KpiFormat.Percent),
                new("orders", "Orders", 0, 0, KpiFormat.Count),
                new("revenue", "Revenue", huge * 3, huge, KpiFormat.Currency),
                new("aov", "Average order value", null, 12, KpiFormat.Currency),
                new("nps", "NPS", -100, 100, KpiFormat.Score),
                new("ces", "Customer effort score with an unusually long label", 7, 1, KpiFormat.Score),
                new("extra", "Returns", 5, null, KpiFormat.Count),
                new("extra2", "Refunds", -5_000, 1_000, KpiFormat.Currency),
            ],
            [
                new(1, "awareness", (long)huge, null),
                new(2, "consideration", 1, 0.999999999999m),
                new(3, "decision", 0, 1),
                new(4, "purchase", 0, null),
            ],
            [new(Week.FirstDay, (long)huge, 0, huge * 10)],
            [
                new("awareness", longName, (long)huge, 0.9m),
                new("awareness", longName + " 2", 5, 0.1m),
                new("consideration", "x", 0, 0),
                new("mystery_stage", "Email", 3, 1),
                .. Enumerable.Range(0, 14).Select(i => new ChannelMixRow("decision", $"Channel {i:00} {longName}", 100 + i, 0.07m)),
            ],
            period: Week with { TimeZoneId = "Not/A_Zone" });
    }

    public const string LongTitle = "Executive weekly journey — a deliberately very long title that should be shortened rather than run off the edge of the image";
}
