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
}
