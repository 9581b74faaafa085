using System.Globalization;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>
/// A labelled matrix (e.g. cohort retention): one cell per row × column coloured on a sequential scale, the value
/// written in each cell when it fits, and a colour-scale legend on the right. Null cells stay blank.
/// </summary>
internal static class HeatmapChart
{
    const float MaxCellWidth = 150;
    const float MaxCellHeight = 44;
    const float HeaderHeight = 26;
    const float LegendWidth = 92;
    const float MinLabelSize = 9;
    static readonly SKColor NoValue = SKColor.Parse("#F6F7F9");

    public static void Draw(SKCanvas canvas, int width, int height, HeatmapData data, CultureInfo culture)
    {
        var area = VisualCanvas.Frame(canvas, width, height, data.Title, data.Subtitle);
        var (rows, cols) = (data.Values.GetLength(0), data.Values.GetLength(1));
        var values = Cells(data.Values).Where(v => v is not null).Select(v => v!.Value).ToList();
        if (values.Count == 0) { PlotCanvas.NoData(canvas, area); return; }

        var percent = !string.Equals(data.ValueFormat, HeatmapData.Number, StringComparison.OrdinalIgnoreCase);
        var scale = percent ? ColorScale.Percent(culture) : ColorScale.Numbers(values, culture);

        var labelSize = ReportTheme.BodySize;
        var rowLabelWidth = Math.Min(data.RowLabels.Take(rows).Select(l => CanvasText.Measure(l, labelSize)).DefaultIfEmpty(0).Max() + 14,
            area.Width * 0.28f);
        var grid = new SKRect(area.Left + rowLabelWidth, area.Top + HeaderHeight, area.Right - LegendWidth - 20, area.Bottom);
        var cellW = Math.Min(grid.Width / cols, MaxCellWidth);
        var cellH = Math.Min(grid.Height / rows, MaxCellHeight);
        if (cellW <= 0 || cellH <= 0) return;
        grid = SKRect.Create(grid.Left, grid.Top, cellW * cols, cellH * rows);
        // White gutters separate cells only when the cells are big enough to spare them.
        var inset = cellW >= 8 && cellH >= 8 ? 1f : 0f;
        var textSize = Math.Min(ReportTheme.SmallSize, cellH * 0.48f);

        using var fill = new SKPaint { IsAntialias = false };
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                var cell = SKRect.Create(grid.Left + c * cellW, grid.Top + r * cellH, cellW, cellH);
                cell.Inflate(-inset, -inset);
                var v = Value(data.Values[r, c]);
                fill.Color = v is { } x ? scale.ColorOf(x) : NoValue;
                canvas.DrawRect(cell, fill);
                if (v is { } value && textSize >= MinLabelSize && CellText(value, percent, culture, textSize, cell.Width - 6) is { } text)
                    CanvasText.Draw(canvas, text, cell.MidX, cell.MidY + textSize * 0.36f, textSize, ReportTheme.TextOn(fill.Color),
                        align: SKTextAlign.Center);
            }

        DrawRowLabels(canvas, data.RowLabels, rows, grid, cellH, rowLabelWidth - 14);
        DrawColumnLabels(canvas, data.ColumnLabels, cols, grid, cellW);
        DrawLegend(canvas, scale, new SKRect(grid.Right + 24, grid.Top, area.Right, area.Bottom), Math.Max(grid.Height, 140),
            hasBlanks: values.Count < rows * cols);
    }

    static IEnumerable<double?> Cells(double?[,] values)
    {
        foreach (var v in values) yield return Value(v);
    }

    /// <summary>NaN is "no data" like null; infinities cannot be placed on a scale either.</summary>
    static double? Value(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    /// <summary>"42.5%" when it fits, else "43%", else nothing: a cramped cell still shows its colour.</summary>
    static string? CellText(double v, bool percent, CultureInfo culture, float size, float maxWidth)
    {
        string[] candidates = percent ? [v.ToString("P1", culture), v.ToString("P0", culture)]
            : [Math.Abs(v) < 1e4 && v != Math.Round(v) ? v.ToString("N1", culture) : "", ReportFormat.SignedCompact(v, culture)];
        return candidates.FirstOrDefault(t => t.Length > 0 && CanvasText.Measure(t, size) <= maxWidth);
    }

    static void DrawRowLabels(SKCanvas canvas, IReadOnlyList<string> labels, int rows, SKRect grid, float cellH, float maxWidth)
    {
        var size = Math.Min(ReportTheme.BodySize, Math.Max(cellH * 0.7f, 10));
        // With more rows than fit a line of text each, label every k-th row, counting from the first (oldest) cohort.
        var step = Math.Max(1, (int)Math.Ceiling((size + 3) / cellH));
        for (var r = 0; r < rows && r < labels.Count; r += step)
            CanvasText.Draw(canvas, labels[r], grid.Left - 12, grid.Top + (r + 0.5f) * cellH + size * 0.36f, size, ReportTheme.Text,
                align: SKTextAlign.Right, maxWidth: maxWidth);
    }

    static void DrawColumnLabels(SKCanvas canvas, IReadOnlyList<string> labels, int cols, SKRect grid, float cellW)
    {
        var widestLabel = labels.Take(cols).MaxBy(l => CanvasText.Measure(l, ReportTheme.SmallSize)) ?? "";
        // Slightly smaller text before dropping labels: "Month 11" over every column beats every other column.
        var size = CanvasText.SizeToFit(widestLabel, ReportTheme.SmallSize, ReportTheme.SmallSize - 2, cellW - 6) ?? ReportTheme.SmallSize - 2;
        var widest = CanvasText.Measure(widestLabel, size);
        // Numbered columns (cohort ages) can skip labels, as the reader counts along; named ones (stages) are each shortened instead.
        var numbered = labels.All(l => double.TryParse(l, System.Globalization.NumberStyles.Any, System.Globalization.CultureInfo.InvariantCulture, out _));
        var step = numbered ? Math.Max(1, (int)Math.Ceiling((Math.Min(widest, 120) + 6) / cellW)) : 1;
        var maxWidth = step * cellW - 6;
        for (var c = 0; c < cols && c < labels.Count; c += step)
            CanvasText.Draw(canvas, labels[c], grid.Left + (c + 0.5f) * cellW, grid.Top - 9, size, ReportTheme.Muted,
                align: SKTextAlign.Center, maxWidth: maxWidth);
    }

    static void DrawLegend(SKCanvas canvas, ColorScale scale, SKRect area, float barHeight, bool hasBlanks)
    {
        const float barWidth = 14;
        var size = ReportTheme.SmallSize - 1;
        barHeight = Math.Min(barHeight, area.Height - (hasBlanks ? 34 : 0));
        if (barHeight < 20) return;
        var bar = SKRect.Create(area.Left, area.Top, barWidth, barHeight);
        var colors = Enumerable.Range(0, 33).Select(i => scale.ColorOf(scale.Max - (scale.Max - scale.Min) * i / 32.0)).ToArray();
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(bar.Left, bar.Top), new SKPoint(bar.Left, bar.Bottom), colors, SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { Shader = shader, IsAntialias = true })
            canvas.DrawRect(bar, paint);

        using var tick = new SKPaint { Color = ReportTheme.Muted, IsAntialias = true, StrokeWidth = 1 };
        foreach (var t in scale.Ticks)
        {
            var y = bar.Bottom - (float)scale.Position(t) * bar.Height;
            canvas.DrawLine(bar.Right, y, bar.Right + 4, y, tick);
            CanvasText.Draw(canvas, scale.Label(t), bar.Right + 8, y + size * 0.36f, size, ReportTheme.Muted, maxWidth: area.Width - barWidth - 8);
        }

        if (!hasBlanks) return;
        using var blank = new SKPaint { Color = NoValue, IsAntialias = true };
        using var border = new SKPaint { Color = ReportTheme.CardBorder, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        var swatch = SKRect.Create(bar.Left, bar.Bottom + 20, barWidth, barWidth);
        canvas.DrawRect(swatch, blank);
        canvas.DrawRect(swatch, border);
        CanvasText.Draw(canvas, "No data", bar.Right + 8, swatch.MidY + size * 0.36f, size, ReportTheme.Muted, maxWidth: area.Width - barWidth - 8);
    }
}
