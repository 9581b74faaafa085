using static JourneyReports.Journeys.JourneyMetrics;

namespace JourneyReports.Tests;

/// <summary>Journey maps and metric results for the journey-map tests.</summary>
public static class SampleJourneyMaps
{
    static JourneyMapStage Stage(string stage, long customers, decimal? drop, double? emotion, (string, double)[] touchpoints, string[] actions,
        params (string, long)[] pains) =>
        new(stage, customers, drop, touchpoints.Select(t => new JourneyMapTouchpoint(t.Item1, t.Item2)).ToList(), actions, emotion,
            pains.Select(p => new JourneyMapPainPoint(p.Item1, p.Item2)).ToList());

    static decimal Drop(long previous, long current) => Math.Round(1m - (decimal)current / previous, 4);

    /// <summary>Six stages with realistic volumes, a mixed mood and the demo data's ticket categories.</summary>
    public static JourneyMapData Realistic() => new("Customer journey map", "Returning shopper", "Last 90 days · 33,155 customers entered the journey",
    [
        Stage("awareness", 33_155, null, 0.4, [("Paid search", 0.46), ("Social", 0.31), ("Email", 0.18)], ["clicks an ad", "clicks an email", "lands on the site"]),
        Stage("consideration", 22_069, Drop(33_155, 22_069), 0.3, [("Organic search", 0.52), ("Web", 0.41), ("Live chat", 0.07)],
            ["views products", "searches", "asks in chat"], ("product question", 1_320)),
        Stage("decision", 5_005, Drop(22_069, 5_005), -0.1, [("Web", 0.63), ("App", 0.29), ("Email", 0.11)], ["adds to cart", "starts checkout"],
            ("payment failed", 210)),
        Stage("purchase", 3_895, Drop(5_005, 3_895), 0.2, [("Web", 0.58), ("App", 0.36), ("Store", 0.06)], ["buys"]),
        Stage("retention", 2_100, Drop(3_895, 2_100), -0.3, [("Email", 0.44), ("App", 0.38), ("Support", 0.21)], ["tracks the order", "logs in", "contacts support"],
            ("late delivery", 8_452), ("item damaged", 1_204), ("refund request", 987), ("account access", 143)),
        Stage("advocacy", 400, Drop(2_100, 400), 0.6, [("Email", 0.61), ("Social", 0.27)], ["writes a review", "refers a friend"]),
    ]);

    /// <summary>Three stages, a gap in the emotion curve and no pain points at all.</summary>
    public static JourneyMapData Partial() => new("Journey map", "", null,
    [
        Stage("awareness", 1_000, null, 0.2, [("Web", 1)], ["lands on the site"]),
        Stage("consideration", 600, 0.4m, null, [], []),
        Stage("decision", 150, 0.75m, -0.5, [("App", 0.5)], ["adds to cart"]),
    ]);

    public static JourneyMapData Empty() => new("Journey map", "Nobody", null, []);

    static readonly string Long = string.Concat(Enumerable.Repeat("An extraordinarily long label that never ends ", 6));

    /// <summary>Huge numbers, out-of-range scores and shares, long and awkward labels.</summary>
    public static JourneyMapData Extreme() => new(Long, Long, Long,
    [
        Stage(Long, 4_200_000_000_000, null, 7, [(Long, 1.7), ("B & <C>", double.NaN), ("", -1), ("fourth", 0.1)], [Long, "", "a", "b", "c", "d", "e", "f"],
            (Long, 9_999_999_999), ("B & <C>", 0), ("third", 1)),
        Stage("x", 0, 1m, double.NaN, [], [], ("only", long.MaxValue)),
        Stage("y", 5, -4m, -3, [], []),
        Stage("z", 999_999, 0m, 0, [], []),
        Stage("w", 999_999_999, null, 1, [], []),
        Stage("v", 1, 0.999m, -1, [], []),
        Stage("u", 1, 0m, 0.05, [], []),
    ]);

    public static IReadOnlyList<FunnelDetailStep> Funnel()
    {
        long[] counts = [33_155, 22_069, 5_005, 3_895, 2_100, 400];
        return counts.Select((c, i) => new FunnelDetailStep(i + 1, JourneyStages.InOrder[i], c, i == 0 ? null : Drop(counts[i - 1], c), c, null, null)).ToList();
    }

    public static Touchpoints Touchpoints() => new(
    [
        new("awareness", "email", 10, 100, 0.10m), new("awareness", "paid_search", 46, 100, 0.46m), new("awareness", "social", 31, 100, 0.31m),
        new("awareness", "affiliate", 5, 100, 0.05m), new("decision", "web", 63, 100, 0.63m),
    ], [new("awareness", "mobile", 70, 100, 0.7m)]);

    static ExperienceScores Scores(double? emotion) => new(10, 10, null, 0, null, 0, null, emotion);

    public static IReadOnlyList<ExperienceRow> Experience() =>
        [new("awareness", Scores(0.4)), new("decision", Scores(-0.1)), new("retention", Scores(-0.3)), new("unknown", Scores(0.9))];

    static PainPoint Pain(string category, long tickets) => new(category, tickets, tickets, 0, null, null, 0, null, null);

    public static IReadOnlyList<PainPoint> PainPoints() =>
        [Pain("late delivery", 8_452), Pain("payment failed", 210), Pain("product question", 1_320), Pain("refund request", 987),
         Pain("item damaged", 1_204), Pain("account access", 143), Pain("gift wrapping", 12)];
}
