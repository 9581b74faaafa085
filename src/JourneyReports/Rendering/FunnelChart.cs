using System.Globalization;
using JourneyReports.Journeys;
using ScottPlot;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>
/// The journey funnel: one centred horizontal bar per stage, widest at the top, with the customer count on (or beside)
/// each bar and the drop-off between stages in a column on the right.
/// </summary>
internal static class FunnelChart
{
    const float LeftAxisWidth = 150;
    const float DropColumnWidth = 200;
    const double BarThickness = 0.66;

    public static void Draw(SKCanvas canvas, SKRect area, IReadOnlyList<FunnelStep> funnel, CultureInfo culture)
    {
        var steps = funnel.OrderBy(s => s.Order).ToList();
        if (steps.Count == 0) { PlotCanvas.NoData(canvas, area); return; }

        var rect = PlotCanvas.Whole(area);
        var max = Math.Max(1, steps.Max(s => Math.Max(0, s.Customers)));
        var dataWidth = rect.Width - LeftAxisWidth - DropColumnWidth;
        var unitsPerPixel = max / (double)dataWidth;
        var right = max / 2.0 + DropColumnWidth * unitsPerPixel;

        using var plot = PlotCanvas.NewPlot();
        plot.Layout.Fixed(new PixelPadding(LeftAxisWidth, 0, 0, 0));
        plot.HideGrid();
        plot.Axes.Bottom.IsVisible = false;

        var n = steps.Count;
        var bars = new List<Bar>();
        // Added before the labels: ScottPlot draws in insertion order and the labels must sit on top of the bars.
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var ticks = new List<Tick>();
        for (var i = 0; i < n; i++)
        {
            var step = steps[i];
            var y = n - 1 - i;
            var customers = Math.Max(0, step.Customers);
            // Keep a sliver for tiny but non-zero stages, so "some" never looks like "none".
            var half = customers == 0 ? 0 : Math.Max(customers, max * 0.004) / 2.0;
            bars.Add(new Bar
            {
                Position = y, ValueBase = -half, Value = half, Size = BarThickness,
                FillColor = ReportTheme.FunnelShades[Math.Min(i, ReportTheme.FunnelShades.Length - 1)].ToPlot(),
                LineWidth = 0, Orientation = Orientation.Horizontal,
            });
            ticks.Add(new Tick(y, ReportFormat.StageName(step.Stage), true));

            var count = customers.ToString("N0", culture);
            var share = i == 0 || steps[0].Customers <= 0 ? "" : $"  ({ReportFormat.Percent(customers / (decimal)steps[0].Customers, culture)})";
            var label = count + share;
            var barPixels = 2 * half / unitsPerPixel;
            var labelPixels = CanvasText.Measure(label, ReportTheme.BodySize, bold: true);
            if (barPixels >= labelPixels + 24)
                PlotCanvas.Label(plot, label, 0, y, ReportTheme.BodySize, SKColors.White, Alignment.MiddleCenter, bold: true);
            else
                PlotCanvas.Label(plot, label, half + 8 * unitsPerPixel, y, ReportTheme.BodySize, ReportTheme.Text, Alignment.MiddleLeft, bold: true);

            if (i > 0 && step.DropOff is { } drop)
                PlotCanvas.Label(plot, $"▼ {ReportFormat.Percent(drop, culture)} drop-off", max / 2.0 + 24 * unitsPerPixel, y + 0.5,
                    ReportTheme.SmallSize, ReportTheme.Bad, Alignment.MiddleLeft);
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = ReportTheme.BodySize + 1;
        plot.Axes.SetLimits(-max / 2.0, right, -0.5, n - 0.5);

        PlotCanvas.Composite(canvas, plot, rect);
    }
}
