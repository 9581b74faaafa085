namespace JourneyReports.Tests;

/// <summary>Realistic and extreme inputs for the stand-alone visuals.</summary>
public static class SampleVisuals
{
    /// <summary>12 monthly cohorts (Jan–Dec 2026) with decaying retention; later cohorts have fewer periods so far.</summary>
    public static HeatmapData CohortRetention()
    {
        const int cohorts = 12;
        var values = new double?[cohorts, cohorts];
        var random = new Random(42);
        for (var r = 0; r < cohorts; r++)
            for (var c = 0; c < cohorts - r; c++)
            {
                // Sharp drop after the first month, then a slow decay; later cohorts retain slightly better.
                var baseline = c == 0 ? 1 : 0.42 * Math.Pow(0.86, c - 1) + 0.01 * r;
                values[r, c] = c == 0 ? 1 : Math.Round(Math.Clamp(baseline + (random.NextDouble() - 0.5) * 0.04, 0, 1), 4);
            }
        var rows = Enumerable.Range(0, cohorts).Select(i => new DateTime(2026, i + 1, 1).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var columns = Enumerable.Range(0, cohorts).Select(i => $"Month {i}").ToList();
        return new HeatmapData("Monthly cohort retention", rows, columns, values, HeatmapData.Percent,
            "share of each month's new customers who came back in each following month");
    }

    public static HeatmapData EmptyHeatmap() => new("Monthly cohort retention", [], [], new double?[0, 0]);

    public static HeatmapData SingleCell() => new("One cohort", ["Jan 2026"], ["Month 0"], new double?[,] { { 1 } });

    public static HeatmapData ExtremeHeatmap()
    {
        var values = new double?[3, 4]
        {
            { 4.2e12, double.NaN, -3.5e9, 0 },
            { null, 1, double.PositiveInfinity, 999_999 },
            { 12_345_678, 0.5, null, -1 },
        };
        var longLabel = string.Concat(Enumerable.Repeat("A very long cohort name that goes on ", 8));
        return new HeatmapData(longLabel + "title", [longLabel, "B & <C>", ""], [longLabel, "1", "2", "3"], values, HeatmapData.Number, longLabel);
    }

    public static readonly string[] Stages = ["Awareness", "Consideration", "Visit", "Cart", "Purchase", "Loyalty"];

    /// <summary>6 journey stages × 3–4 channels, customers flowing mostly to the next stage, some skipping one.</summary>
    public static FlowData Journey()
    {
        string[][] channels =
        [
            ["Paid search", "Social", "Email", "Affiliate"], ["Organic search", "Paid search", "Social", "Email"], ["Web", "App", "Store"],
            ["Web", "App", "Store"], ["Web", "App", "Store"], ["Email", "App", "Loyalty club"],
        ];
        var nodes = channels.SelectMany((cs, stage) => cs.Select(c => new FlowNode($"{stage}:{c}", c, stage, c))).ToList();
        var random = new Random(7);
        var links = new List<FlowEdge>();
        long[] stageVolume = [1_840_000, 1_210_000, 820_000, 410_000, 265_000, 150_000];
        for (var stage = 0; stage < 5; stage++)
            foreach (var from in channels[stage])
                foreach (var to in channels[stage + 1])
                {
                    // Customers mostly stay on their channel; a few switch, and the smallest switches are not worth a link.
                    var affinity = from == to ? 1.0 : to == "Loyalty club" || stage == 1 ? 0.5 + random.NextDouble() * 0.5 : 0.15 + random.NextDouble() * 0.6;
                    if (affinity < 0.55) continue;
                    links.Add(new FlowEdge($"{stage}:{from}", $"{stage + 1}:{to}",
                        (long)(stageVolume[stage + 1] / channels[stage + 1].Length * affinity * (0.6 + random.NextDouble() * 0.8))));
                }
        // Customers who buy straight from a visit without a cart step: a link that skips a column.
        links.Add(new FlowEdge("2:Store", "4:Store", 18_500));
        links.Add(new FlowEdge("2:Web", "2:Web", 999)); // a self-link, ignored
        return new FlowData("Customer journey flow", nodes, links, Stages, Subtitle: "customers moving between stages and channels, 16–22 Nov 2026");
    }

    public static FlowData EmptyFlow() => new("Customer journey flow", [], []);

    public static FlowData SingleLink() =>
        new("One flow", [new("a", "Visit", 0), new("b", "Purchase", 1)], [new FlowEdge("a", "b", 1)]);

    public static FlowData ExtremeFlow()
    {
        var longLabel = string.Concat(Enumerable.Repeat("An extremely long channel name ", 6));
        FlowNode[] nodes = [new("a", longLabel, 0), new("b", "B & <C>", 1), new("c", longLabel, 5), new("a", "duplicate id", 3), new("d", "tiny", 1)];
        FlowEdge[] links =
        [
            new("a", "b", long.MaxValue), new("a", "b", 5), new("b", "c", 4_200_000_000_000), new("a", "d", 1), new("b", "a", 10),
            new("a", "missing", 10), new("c", "b", 3), new("a", "a", 100), new("d", "c", 0), new("d", "c", -5),
        ];
        return new FlowData(longLabel, nodes, links, [longLabel, "", "x"], MaxLinks: 2);
    }
}
