using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>Thrown when every value of the chart's fields is empty: the cell says there is no data, which is not a failure.</summary>
internal sealed class NoValuesException() : Exception("no values to draw");

/// <summary>Line, area, bar, grouped-bar, stacked-bar and scatter visuals of a dashboard definition, drawn with ScottPlot in the report style.</summary>
internal static class DashboardPlots
{
    const float LegendHeight = 24;
    const float SlantedLabelWidth = 130;

    public static void Draw(SKCanvas canvas, SKRect area, string type, string x, string y, string? series, string? label, string? format,
        IReadOnlyList<object> rows, CultureInfo culture)
    {
        var seriesNames = series is null ? [""] : rows.Select(r => SeriesName(r, series, culture)).Distinct().ToList();
        var color = ReportTheme.ColorsFor(seriesNames);
        var legendHeight = series is null ? 0 : DrawLegend(canvas, area, seriesNames, color);
        var plotRect = PlotCanvas.Whole(new SKRect(area.Left, area.Top + legendHeight, area.Right, area.Bottom));

        using var plot = PlotCanvas.NewPlot();
        plot.Layout.Fixed(new PixelPadding(72, 16, 34, 6));
        var yFormat = RowFields.DefaultFormat(format, y);
        var bottom = 34f;
        if (type is "line" or "area" or "scatter")
            Points(plot, type, x, y, series, label, rows, seriesNames, color, plotRect.Width - 88, culture);
        else
            bottom = Bars(plot, type, x, y, series, rows, seriesNames, color, (float)plotRect.Width - 88, culture);
        var limits = plot.Axes.GetLimits();
        // About one tick per two lines of axis text, so a short chart's labels never run into each other.
        var axisHeight = plotRect.Height - bottom - 6;
        var ticks = NiceTicks(limits.Bottom, limits.Top, Math.Clamp((int)(axisHeight / (ReportTheme.AxisSize * 2.2f)), 2, 4));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. ticks.Select(v => new Tick(v, TickLabel(v, ticks, yFormat, culture), true))]);
        PlotCanvas.Composite(canvas, plot, plotRect);
    }

    /// <summary>
    /// A y-axis label: percentages with only the decimals the tick step needs ("20%", not "20.0%"; "0.5%" where the
    /// step is half a point), everything else in the visual's format.
    /// </summary>
    static string TickLabel(double value, List<double> ticks, string? format, CultureInfo culture)
    {
        if (format != "percent" || ticks.Count < 2) return RowFields.Format(value, format, culture);
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10((ticks[1] - ticks[0]) * 100) + 1e-9), 0, 4);
        return (value * 100).ToString("N" + decimals, culture) + "%";
    }

    static string SeriesName(object row, string? series, CultureInfo culture) => series is null ? "" : RowFields.Text(RowFields.Get(row, series), culture);

    /// <summary>
    /// Round tick values (1, 2 or 5 × a power of ten) inside low..high, about four of them. Computed here rather than
    /// by ScottPlot's automatic ticks, which drop to a single label when values are small fractions (rates of 0.1).
    /// </summary>
    internal static List<double> NiceTicks(double low, double high, int about = 4)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(high - low > 0) || !double.IsFinite(high - low)) return double.IsFinite(low) ? [low] : [];
        var rough = (high - low) / about;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        // The round step nearest the rough one (ties to the larger), so there are three to six ticks rather than two.
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * power).OrderBy(s => Math.Abs(Math.Log(s / rough))).ThenByDescending(s => s).First();
        var ticks = new List<double>();
        for (var v = Math.Ceiling(low / step) * step; v <= high + step * 1e-9; v += step)
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : Math.Round(v, 12));
        return ticks;
    }

    static ScottPlot.TickGenerators.NumericAutomatic Numbers(Func<double, string> format) => new() { LabelFormatter = format, MaxTickCount = 5 };

    static void Points(Plot plot, string type, string x, string y, string? series, string? label, IReadOnlyList<object> rows,
        List<string> seriesNames, Dictionary<string, SKColor> color, float width, CultureInfo culture)
    {
        var dates = RowFields.IsDate(RowFields.Get(rows[0], x));
        foreach (var name in seriesNames)
        {
            var points = rows.Where(r => SeriesName(r, series, culture) == name)
                .Select(r => (Row: r, X: RowFields.Number(r, x), Y: RowFields.Number(r, y)))
                .Where(p => p.X is not null && p.Y is not null).OrderBy(p => p.X).ToList();
            if (points.Count == 0) continue;
            var s = plot.Add.Scatter(points.Select(p => p.X!.Value).ToArray(), points.Select(p => p.Y!.Value).ToArray(), color[name].ToPlot());
            s.LineWidth = type == "scatter" ? 0 : 3;
            s.MarkerSize = type == "scatter" ? 10 : 6;
            s.MarkerShape = MarkerShape.FilledCircle;
            if (type == "area") { s.FillY = true; s.FillYColor = color[name].WithAlpha(60).ToPlot(); }
            if (label is not null)
                foreach (var p in points)
                    PlotCanvas.Label(plot, RowFields.Text(RowFields.Get(p.Row, label), culture), p.X!.Value, p.Y!.Value, ReportTheme.SmallSize - 2,
                        ReportTheme.Text, Alignment.LowerLeft).OffsetX = 6;
        }
        var xs = rows.Select(r => RowFields.Number(r, x)).OfType<double>().Distinct().Order().ToList();
        var ys = rows.Select(r => RowFields.Number(r, y)).OfType<double>().ToList();
        if (xs.Count == 0 || ys.Count == 0) throw new NoValuesException();
        if (dates)
        {
            // One tick per data point, thinned from the latest back so they never collide.
            var labels = xs.Select(v => DateTime.FromOADate(v).ToString("d MMM", culture)).ToList();
            var step = (int)Math.Ceiling(xs.Count / Math.Max(1, width / (labels.Max(l => CanvasText.Measure(l, ReportTheme.AxisSize)) + 16)));
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. xs.Select((v, i) => new Tick(v, (xs.Count - 1 - i) % step == 0 ? labels[i] : "", true))]);
        }
        else
            plot.Axes.Bottom.TickGenerator = Numbers(v => ReportFormat.Compact(v, culture));
        // Explicit limits: a single point (one week) must still give a sensible axis, and labels need room on the right.
        var (x0, x1) = xs[0] == xs[^1] ? (xs[0] - (dates ? 3.5 : 1), xs[^1] + (dates ? 3.5 : 1)) : (xs[0], xs[^1]);
        var padX = (x1 - x0) * (type == "scatter" ? 0.08 : 0.03);
        var (y0, y1) = (Math.Min(0, ys.Min()), Math.Max(0, ys.Max()));
        if (type == "scatter") (y0, y1) = (ys.Min(), ys.Max());
        if (y0 == y1) (y0, y1) = (y0 - 1, y1 + 1);
        var padY = (y1 - y0) * 0.12;
        plot.Axes.SetLimits(x0 - padX, x1 + padX * (label is null ? 1 : 3), y0 < 0 || type == "scatter" ? y0 - padY : 0, y1 + padY);
    }

    /// <summary>Draws the bars; returns the room left below the plot for the category labels.</summary>
    static float Bars(Plot plot, string type, string x, string y, string? series, IReadOnlyList<object> rows,
        List<string> seriesNames, Dictionary<string, SKColor> color, float width, CultureInfo culture)
    {
        var points = rows.Select(r => (Category: DashboardVisuals.Label(r, x, culture), Series: SeriesName(r, series, culture), Value: RowFields.Number(r, y))).ToList();
        var categories = points.Select(p => p.Category).Distinct().ToList();
        // No value (an NPS nobody answered) is not zero: a slot without one stays empty rather than get a zero bar.
        var sums = points.Where(p => p.Value is not null).GroupBy(p => (p.Category, p.Series)).ToDictionary(g => g.Key, g => g.Sum(p => p.Value!.Value));
        var stacked = type == "stacked-bar";
        var slot = stacked ? 0.7 : 0.8 / seriesNames.Count;
        var bars = new List<Bar>();
        var bases = new double[categories.Count];
        for (var si = 0; si < seriesNames.Count; si++)
            for (var ci = 0; ci < categories.Count; ci++)
            {
                if (!sums.TryGetValue((categories[ci], seriesNames[si]), out var value)) continue;
                var position = stacked ? ci : ci - 0.4 + slot * (si + 0.5);
                var start = stacked ? bases[ci] : 0;
                bars.Add(new Bar
                {
                    Position = position, ValueBase = start, Value = start + value, Size = slot * (stacked ? 1 : 0.9), LineWidth = 0,
                    FillColor = (series is null ? ReportTheme.Accent : color[seriesNames[si]]).ToPlot(),
                });
                if (stacked) bases[ci] += value;
            }
        if (bars.Count == 0) throw new NoValuesException();
        plot.Add.Bars(bars);

        // Category labels that do not fit their slot are slanted (up to a limit), then shortened, so neighbours never overlap.
        using var font = ReportFonts.Font(ReportTheme.AxisSize);
        var slotWidth = width / Math.Max(1, categories.Count);
        var room = slotWidth - 8;
        var slanted = categories.Count > 1 && categories.Max(c => font.MeasureText(c)) > room;
        // Slanted labels stand a line's height apart along the axis; in slots narrower than that only every k-th is shown.
        var every = 1;
        var bottom = 34f;
        if (slanted)
        {
            room = SlantedLabelWidth;
            every = Math.Max(1, (int)Math.Ceiling(ReportTheme.AxisSize * 1.6f / slotWidth));
            plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
            var longest = categories.Max(c => font.MeasureText(CanvasText.Fit(c, font, room)));
            // The first label reaches cos 30° of its length to the left of its tick, which sits 0.6 of a slot in.
            bottom = 20 + longest * 0.5f + ReportTheme.AxisSize;
            plot.Layout.Fixed(new PixelPadding(Math.Max(72, longest * 0.87f - 0.6f * slotWidth + 8), 16, bottom, 6));
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. categories.Select((c, i) => new Tick(i, i % every == 0 ? CanvasText.Fit(c, font, room) : "", true))]);
        plot.Grid.XAxisStyle.IsVisible = false;
        var low = Math.Min(0, bars.Min(b => Math.Min(b.Value, b.ValueBase)));
        var high = Math.Max(0, bars.Max(b => Math.Max(b.Value, b.ValueBase)));
        plot.Axes.SetLimits(-0.6, categories.Count - 0.4, low < 0 ? low * 1.15 : 0, high > 0 ? high * 1.15 : 1);
        return bottom;
    }

    /// <summary>Series names with their colours, wrapped onto at most two lines (then "…"); returns the height used.</summary>
    static float DrawLegend(SKCanvas canvas, SKRect area, List<string> names, Dictionary<string, SKColor> color)
    {
        const int MaxLines = 2;
        var left = area.Left + 72;
        var (x, line) = (left, 0);
        var baseline = area.Top + 14;
        foreach (var name in names)
        {
            var text = string.IsNullOrEmpty(name) ? "(none)" : ReportFormat.StageName(name);
            var w = CanvasText.Measure(text, ReportTheme.SmallSize);
            if (x + 20 + w > area.Right && x > left)
            {
                if (line + 1 == MaxLines) { CanvasText.Draw(canvas, "…", MathF.Min(x, area.Right - 12), baseline, ReportTheme.SmallSize, ReportTheme.Muted); break; }
                (x, line, baseline) = (left, line + 1, baseline + LegendHeight - 4);
            }
            CanvasText.LegendKey(canvas, text, color[name], x, baseline, maxWidth: area.Right - x - 20);
            x += 20 + w + 20;
        }
        return LegendHeight + line * (LegendHeight - 4);
    }
}
