using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace JourneyReports;

/// <summary>
/// The weekly trend: visitors (left axis) and orders (right axis) as lines, and revenue as bars underneath on the same
/// week axis. Two y-axes rather than normalising, because executives read the actual numbers off them.
/// </summary>
internal static class TrendChart
{
    // Both panels use the same fixed padding so their weeks line up vertically.
    const float AxisWidth = 80;
    const float BottomAxisHeight = 34;

    public static void Draw(SKCanvas canvas, SKRect area, IReadOnlyList<TrendPoint> trend, string currencySymbol, CultureInfo culture)
    {
        var points = trend.OrderBy(p => p.WeekStart).ToList();
        if (points.Count == 0) { PlotCanvas.NoData(canvas, area); return; }

        var legendHeight = 28f;
        DrawLegend(canvas, area.Left + AxisWidth, area.Top + 16, currencySymbol);
        var chartArea = new SKRect(area.Left, area.Top + legendHeight, area.Right, area.Bottom);
        var linesHeight = (float)Math.Round(chartArea.Height * 0.6);
        var linesRect = PlotCanvas.Whole(new SKRect(chartArea.Left, chartArea.Top, chartArea.Right, chartArea.Top + linesHeight));
        var barsRect = PlotCanvas.Whole(new SKRect(chartArea.Left, chartArea.Top + linesHeight + 8, chartArea.Right, chartArea.Bottom));

        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        var ticks = WeekTicks(points, culture, barsRect.Width - 2 * AxisWidth);

        using (var lines = PlotCanvas.NewPlot())
        {
            lines.Layout.Fixed(new PixelPadding(AxisWidth, AxisWidth, 6, 10));
            lines.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            lines.Axes.Bottom.TickLabelStyle.IsVisible = false;

            var visitors = lines.Add.ScatterLine(xs, points.Select(p => (double)p.Visitors).ToArray(), ReportTheme.Visitors.ToPlot());
            Style(visitors);
            var orders = lines.Add.ScatterLine(xs, points.Select(p => (double)p.Orders).ToArray(), ReportTheme.Orders.ToPlot());
            Style(orders);
            orders.Axes.YAxis = lines.Axes.Right;

            Compact(lines.Axes.Left, culture, "", ReportTheme.Visitors, integers: points.Max(p => p.Visitors) < 10);
            Compact(lines.Axes.Right, culture, "", ReportTheme.Orders, integers: points.Max(p => p.Orders) < 10);
            lines.Axes.SetLimitsX(-0.5, points.Count - 0.5);
            lines.Axes.SetLimitsY(0, Top(points.Max(p => (double)p.Visitors)), lines.Axes.Left);
            lines.Axes.SetLimitsY(0, Top(points.Max(p => (double)p.Orders)), lines.Axes.Right);
            lines.Grid.XAxisStyle.IsVisible = false;
            PlotCanvas.Composite(canvas, lines, linesRect);
        }

        using (var bars = PlotCanvas.NewPlot())
        {
            bars.Layout.Fixed(new PixelPadding(AxisWidth, AxisWidth, BottomAxisHeight, 6));
            var revenueBars = points.Select((p, i) => new Bar
            {
                Position = i, Value = (double)p.Revenue, Size = 0.62, LineWidth = 0, FillColor = ReportTheme.Revenue.ToPlot(),
            }).ToList();
            bars.Add.Bars(revenueBars);
            bars.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            Compact(bars.Axes.Left, culture, currencySymbol, ReportTheme.Revenue);
            bars.Axes.Right.IsVisible = true;
            bars.Axes.Right.TickLabelStyle.IsVisible = false;
            bars.Axes.SetLimitsX(-0.5, points.Count - 0.5);
            var maxRevenue = points.Max(p => (double)p.Revenue);
            var minRevenue = Math.Min(0, points.Min(p => (double)p.Revenue));
            bars.Axes.SetLimitsY(minRevenue, Top(maxRevenue));
            bars.Grid.XAxisStyle.IsVisible = false;
            PlotCanvas.Composite(canvas, bars, barsRect);
        }
    }

    static void Style(ScottPlot.Plottables.Scatter s)
    {
        s.LineWidth = 3;
        s.MarkerSize = 8;
        s.MarkerShape = MarkerShape.FilledCircle;
    }

    /// <summary>Upper y limit with headroom; a flat zero series still gets a visible axis.</summary>
    static double Top(double max) => max <= 0 ? 1 : max * 1.15;

    static void Compact(IAxis axis, CultureInfo culture, string prefix, SKColor color, bool integers = false)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => ReportFormat.SignedCompact(v, culture, prefix),
            // Keep the axis readable: with too many ticks the labels crowd each other at 15 px.
            MaxTickCount = 5,
            // Half an order is not a thing: small counts would get ticks 0, 0.5, 1 shown as "0, 1, 1". Only for small
            // ranges, because the integer generator drops ticks on very large ones.
            IntegerTicksOnly = integers,
        };
        axis.TickLabelStyle.ForeColor = color.ToPlot();
    }

    /// <summary>Week-start labels ("16 Nov"), thinned to every k-th week when they would not fit side by side.</summary>
    static Tick[] WeekTicks(List<TrendPoint> points, CultureInfo culture, float width)
    {
        var labels = points.Select(p => p.WeekStart.ToString("d MMM", culture)).ToArray();
        var widest = labels.Max(l => CanvasText.Measure(l, ReportTheme.AxisSize)) + 16;
        var fit = Math.Max(1, (int)(width / widest));
        var step = (int)Math.Ceiling(points.Count / (double)fit);
        // Count back from the latest week so the current week is always labelled.
        return labels.Select((l, i) => new Tick(i, (points.Count - 1 - i) % step == 0 ? l : "", true)).ToArray();
    }

    static void DrawLegend(SKCanvas canvas, float x, float baseline, string currencySymbol)
    {
        (string Text, SKColor Color)[] items =
            [("Visitors (left axis)", ReportTheme.Visitors), ("Orders (right axis)", ReportTheme.Orders), ($"Revenue ({currencySymbol}, lower panel)", ReportTheme.Revenue)];
        foreach (var (text, color) in items)
        {
            CanvasText.LegendKey(canvas, text, color, x, baseline);
            x += 20 + CanvasText.Measure(text, ReportTheme.SmallSize) + 28;
        }
    }
}
