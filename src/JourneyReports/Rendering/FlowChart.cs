using System.Globalization;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>
/// A flow (Sankey) diagram drawn from shapes: node bars in columns, curved bands as thick as the flow they carry,
/// node labels with counts. ScottPlot has no such plot type, so this draws straight onto the Skia canvas.
/// </summary>
internal static class FlowChart
{
    const float HeaderHeight = 30;
    const float LabelGap = 6;
    const byte BandAlpha = 80;
    const float LabelSize = ReportTheme.SmallSize;

    public static void Draw(SKCanvas canvas, int width, int height, FlowData data, CultureInfo culture)
    {
        // What gets left out, and which nodes end up in the last column, do not depend on the geometry: the layout tells
        // the subtitle and how much room the last column's labels need on the right before it is placed.
        var layout = FlowLayout.Build(data);
        var area = VisualCanvas.Frame(canvas, width, height, data.Title, Subtitle(data.Subtitle, layout, culture));
        var hasHeaders = data.ColumnLabels is { Count: > 0 };
        var lastLabels = layout.Boxes.Where(b => b.Column == layout.ColumnCount - 1).Select(b => LabelWidth(b, culture)).DefaultIfEmpty(0).Max();
        var right = area.Right - Math.Min(lastLabels + LabelGap, area.Width * 0.22f);
        layout.Place(new SKRect(area.Left, area.Top + (hasHeaders ? HeaderHeight : 0), right, area.Bottom));
        if (layout.Bands.Count == 0) { PlotCanvas.NoData(canvas, area); return; }

        if (hasHeaders) DrawHeaders(canvas, data.ColumnLabels!, layout, area.Top + 16, area.Right);

        using var band = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        // Widest first, so the thin flows stay visible on top of the thick ones.
        foreach (var b in layout.Bands.OrderByDescending(b => b.Thickness).ThenBy(b => b.Source.Node.Id, StringComparer.Ordinal).ThenBy(b => b.Target.Node.Id, StringComparer.Ordinal))
        {
            band.Color = b.Source.Color.WithAlpha(BandAlpha);
            using var path = Band(b);
            canvas.DrawPath(path, band);
        }

        using var node = new SKPaint { IsAntialias = true };
        foreach (var box in layout.Boxes)
        {
            node.Color = box.Color;
            canvas.DrawRoundRect(box.Rect, 2, 2, node);
        }
        DrawLabels(canvas, layout, area.Right, culture);
    }

    /// <summary>Says how much was left out, so nobody reads the diagram as complete when it is not.</summary>
    static string? Subtitle(string? subtitle, FlowLayout layout, CultureInfo culture)
    {
        if (layout.DroppedLinks == 0) return subtitle;
        var note = $"Largest {layout.TotalLinks - layout.DroppedLinks} of {layout.TotalLinks} flows shown; " +
            $"{layout.DroppedLinks} smaller ({ReportFormat.Compact((double)layout.DroppedValue, culture)} in total) left out";
        return string.IsNullOrWhiteSpace(subtitle) ? note : $"{subtitle} · {note}";
    }

    /// <summary>A horizontal S-curve band; control points at mid-distance give the familiar Sankey shape even across skipped columns.</summary>
    static SKPath Band(FlowBand b)
    {
        var (x0, x1) = (b.Source.Rect.Right, b.Target.Rect.Left);
        var xm = (x0 + x1) / 2;
        var (s, t, h) = (b.SourceY, b.TargetY, Math.Max(b.Thickness, 0.75f));
        var path = new SKPath();
        path.MoveTo(x0, s);
        path.CubicTo(xm, s, xm, t, x1, t);
        path.LineTo(x1, t + h);
        path.CubicTo(xm, t + h, xm, s + h, x0, s + h);
        path.Close();
        return path;
    }

    static void DrawHeaders(SKCanvas canvas, IReadOnlyList<string> labels, FlowLayout layout, float baseline, float right)
    {
        for (var i = 0; i < layout.ColumnX.Count && i < labels.Count; i++)
        {
            var end = i + 1 < layout.ColumnX.Count ? layout.ColumnX[i + 1] : right;
            CanvasText.Draw(canvas, labels[i], layout.ColumnX[i], baseline, ReportTheme.SmallSize, ReportTheme.Muted, bold: true,
                maxWidth: end - layout.ColumnX[i] - 12);
        }
    }

    /// <summary>The wider of the two-line and one-line forms of a node label.</summary>
    static float LabelWidth(FlowBox box, CultureInfo culture) =>
        CanvasText.Measure(box.Node.Label, LabelSize) + 6 + CanvasText.Measure(ReportFormat.Compact(box.Value, culture), LabelSize, bold: true);

    /// <summary>
    /// Labels sit to the right of their node, in the gap before the next column (or the margin after the last one). A
    /// label that would overlap the one above it in the same column is left out rather than drawn illegibly.
    /// </summary>
    static void DrawLabels(SKCanvas canvas, FlowLayout layout, float right, CultureInfo culture)
    {
        const float size = LabelSize;
        foreach (var column in layout.Boxes.GroupBy(b => b.Column))
        {
            var end = column.Key + 1 < layout.ColumnX.Count ? layout.ColumnX[column.Key + 1] - LabelGap : right;
            var maxWidth = end - layout.ColumnX[column.Key] - FlowLayout.NodeWidth - LabelGap;
            var lastBottom = float.MinValue;
            foreach (var box in column.OrderBy(b => b.Rect.Top))
            {
                var count = ReportFormat.Compact(box.Value, culture);
                var twoLines = box.Rect.Height >= 2 * size + 6;
                var top = twoLines ? box.Rect.MidY - size - 1 : box.Rect.MidY - size * 0.6f;
                if (top < lastBottom) continue;
                var x = box.Rect.Right + LabelGap;
                if (twoLines)
                {
                    Text(canvas, box.Node.Label, x, box.Rect.MidY - 3, size, ReportTheme.Text, false, maxWidth);
                    Text(canvas, count, x, box.Rect.MidY + size + 1, size, ReportTheme.Heading, true, maxWidth);
                    lastBottom = box.Rect.MidY + size + 5;
                }
                else
                {
                    var countWidth = CanvasText.Measure(count, size, bold: true);
                    var labelWidth = Math.Min(CanvasText.Measure(box.Node.Label, size), maxWidth - countWidth - 6);
                    var baseline = box.Rect.MidY + size * 0.36f;
                    // With no room for the label, the count alone still says how big the node is.
                    if (labelWidth >= 24) Text(canvas, box.Node.Label, x, baseline, size, ReportTheme.Text, false, labelWidth);
                    Text(canvas, count, labelWidth >= 24 ? x + labelWidth + 6 : x, baseline, size, ReportTheme.Heading, true, maxWidth);
                    lastBottom = box.Rect.MidY + size * 0.6f;
                }
            }
        }
    }

    /// <summary>Text with a white halo, so it stays legible where it crosses a band.</summary>
    static void Text(SKCanvas canvas, string text, float x, float y, float size, SKColor color, bool bold, float maxWidth)
    {
        using var font = ReportFonts.Font(size, bold);
        var fitted = CanvasText.Fit(text, font, maxWidth);
        if (fitted.Length == 0) return;
        using var halo = new SKPaint { Color = ReportTheme.Card.WithAlpha(220), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3, StrokeJoin = SKStrokeJoin.Round };
        canvas.DrawText(fitted, x, y, SKTextAlign.Left, font, halo);
        using var fill = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(fitted, x, y, SKTextAlign.Left, font, fill);
    }
}
