using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace JourneyReports;

/// <summary>
/// Channel mix per stage: one 100% stacked horizontal bar per stage with a segment per channel, and a legend below.
/// A channel keeps its colour across stages; channels beyond the palette are folded into "Other".
/// </summary>
internal static class ChannelMixChart
{
    const float LeftAxisWidth = 150;
    const float BottomAxisHeight = 30;
    const float LegendRowHeight = 26;
    const float LegendItemMaxWidth = 240;
    const string Other = "Other";

    public static void Draw(SKCanvas canvas, SKRect area, IReadOnlyList<ChannelMixRow> rows, CultureInfo culture)
    {
        var stages = StagesInOrder(rows);
        if (stages.Count == 0) { PlotCanvas.NoData(canvas, area); return; }

        var channels = ChannelsInOrder(rows);
        var colors = ReportTheme.ColorsFor(channels);

        var legendRows = LegendRows(channels, area.Width - LeftAxisWidth);
        var legendHeight = legendRows.Count * LegendRowHeight + 8;
        var plotRect = PlotCanvas.Whole(new SKRect(area.Left, area.Top, area.Right, area.Bottom - legendHeight));
        var dataWidth = plotRect.Width - LeftAxisWidth - 24;

        using var plot = PlotCanvas.NewPlot();
        plot.Layout.Fixed(new PixelPadding(LeftAxisWidth, 24, BottomAxisHeight, 4));
        plot.Grid.YAxisStyle.IsVisible = false;

        var n = stages.Count;
        var bars = new List<Bar>();
        // Added before the labels: ScottPlot draws in insertion order and the labels must sit on top of the bars.
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        for (var i = 0; i < n; i++)
        {
            var y = n - 1 - i;
            var segments = Segments(rows, stages[i], channels);
            var total = segments.Sum(s => s.Customers);
            double start = 0;
            foreach (var (channel, customers) in segments)
            {
                if (total <= 0 || customers <= 0) continue;
                // Normalised to the stage's total because customers who use several channels count once per channel.
                var fraction = (double)customers / total;
                bars.Add(new Bar
                {
                    Position = y, ValueBase = start, Value = start + fraction, Size = 0.62, LineWidth = 1,
                    LineColor = ReportTheme.Card.ToPlot(), FillColor = colors[channel].ToPlot(), Orientation = Orientation.Horizontal,
                });
                var label = ReportFormat.Percent((decimal)fraction, culture);
                if (fraction * dataWidth >= CanvasText.Measure(label, ReportTheme.SmallSize, bold: true) + 10)
                    PlotCanvas.Label(plot, label, start + fraction / 2, y, ReportTheme.SmallSize, ReportTheme.TextOn(colors[channel]), Alignment.MiddleCenter, bold: true);
                start += fraction;
            }
            if (total <= 0)
                PlotCanvas.Label(plot, "no customers", 0.01, y, ReportTheme.SmallSize, ReportTheme.Muted, Alignment.MiddleLeft);
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            stages.Select((s, i) => new Tick(n - 1 - i, ReportFormat.StageName(s), true)).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = ReportTheme.BodySize + 1;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [0, 0.25, 0.5, 0.75, 1], ["0%", "25%", "50%", "75%", "100%"]);
        plot.Axes.SetLimits(0, 1, -0.5, n - 0.5);
        PlotCanvas.Composite(canvas, plot, plotRect);

        DrawLegend(canvas, legendRows, colors, area.Left + LeftAxisWidth, plotRect.Bottom + 8 + 16);
    }

    /// <summary>Known journey stages in funnel order, then any others in the order they appear.</summary>
    static List<string> StagesInOrder(IReadOnlyList<ChannelMixRow> rows)
    {
        var present = rows.Select(r => r.Stage).Distinct().ToList();
        return JourneyStages.InOrder.Where(present.Contains).Concat(present.Where(s => !JourneyStages.InOrder.Contains(s))).ToList();
    }

    /// <summary>
    /// Alphabetical, so a channel gets the same colour every week regardless of its volume; when there are more
    /// channels than colours, the smallest share one "Other" colour.
    /// </summary>
    static List<string> ChannelsInOrder(IReadOnlyList<ChannelMixRow> rows)
    {
        var all = rows.Select(r => r.Channel).Distinct().ToList();
        var max = ReportTheme.Categorical.Length;
        if (all.Count <= max) return all.OrderBy(c => c, StringComparer.Ordinal).ToList();
        var kept = rows.GroupBy(r => r.Channel).OrderByDescending(g => g.Sum(r => r.Customers)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(max - 1).Select(g => g.Key).OrderBy(c => c, StringComparer.Ordinal).ToList();
        kept.Add(Other);
        return kept;
    }

    static List<(string Channel, long Customers)> Segments(IReadOnlyList<ChannelMixRow> rows, string stage, List<string> channels) =>
        channels.Select(c => (c, rows.Where(r => r.Stage == stage && (r.Channel == c || (c == Other && !channels.Contains(r.Channel))))
            .Sum(r => Math.Max(0, r.Customers)))).ToList();

    static List<List<(string Channel, string Text, float Width)>> LegendRows(List<string> channels, float width)
    {
        using var font = ReportFonts.Font(ReportTheme.SmallSize);
        var rows = new List<List<(string, string, float)>> { new() };
        float x = 0;
        foreach (var channel in channels)
        {
            var text = CanvasText.Fit(ReportFormat.StageName(channel), font, LegendItemMaxWidth);
            var itemWidth = 22 + font.MeasureText(text) + 24;
            if (x > 0 && x + itemWidth > width) { rows.Add([]); x = 0; }
            rows[^1].Add((channel, text, itemWidth));
            x += itemWidth;
        }
        return rows;
    }

    static void DrawLegend(SKCanvas canvas, List<List<(string Channel, string Text, float Width)>> rows, Dictionary<string, SKColor> colors, float left, float baseline)
    {
        foreach (var row in rows)
        {
            var x = left;
            foreach (var (channel, text, width) in row)
            {
                CanvasText.LegendKey(canvas, text, colors[channel], x, baseline, textOffset: 22);
                x += width;
            }
            baseline += LegendRowHeight;
        }
    }
}
