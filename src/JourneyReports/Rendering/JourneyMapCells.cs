using System.Globalization;
using JourneyReports.Journeys;
using SkiaSharp;

namespace JourneyReports.Rendering;

internal static partial class JourneyMapChart
{
    static void TouchpointCell(SKCanvas canvas, SKRect cell, IReadOnlyList<JourneyMapTouchpoint>? touchpoints, Dictionary<string, SKColor> colors, Metrics m)
    {
        var list = (touchpoints ?? []).Where(t => t is not null).Take(3).ToList();
        if (list.Count == 0) { Empty(canvas, cell, m); return; }
        var rowHeight = Math.Min(cell.Height / 3, 36 * m.Scale);
        var barHeight = 5 * m.Scale;
        using var track = new SKPaint { Color = ReportTheme.Gridline, IsAntialias = true };
        using var bar = new SKPaint { IsAntialias = true };
        for (var i = 0; i < list.Count; i++)
        {
            var t = list[i];
            var share = double.IsFinite(t.Share) ? Math.Clamp(t.Share, 0, 1) : 0;
            var baseline = cell.Top + i * rowHeight + m.Text;
            var percent = share.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
            var percentWidth = CanvasText.Measure(percent, m.Small, bold: true);
            CanvasText.Draw(canvas, t.Name ?? "", cell.Left, baseline, m.Small, ReportTheme.Text, maxWidth: cell.Width - percentWidth - 6 * m.Scale);
            CanvasText.Draw(canvas, percent, cell.Right, baseline, m.Small, ReportTheme.Heading, bold: true, align: SKTextAlign.Right);
            var top = baseline + 4 * m.Scale;
            if (top + barHeight > cell.Bottom + m.Cell) break;
            canvas.DrawRoundRect(new SKRect(cell.Left, top, cell.Right, top + barHeight), barHeight / 2, barHeight / 2, track);
            bar.Color = colors.GetValueOrDefault(t.Name ?? "", ReportTheme.Accent);
            if (share > 0) canvas.DrawRoundRect(new SKRect(cell.Left, top, cell.Left + Math.Max(barHeight, (float)share * cell.Width), top + barHeight), barHeight / 2, barHeight / 2, bar);
        }
    }

    static void ActionCell(SKCanvas canvas, SKRect cell, IReadOnlyList<string>? actions, Metrics m)
    {
        var list = (actions ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        if (list.Count == 0) { Empty(canvas, cell, m); return; }
        var lineHeight = m.Small * 1.45f;
        var fits = Math.Max(1, (int)((cell.Height - m.Small * 0.3f) / lineHeight));
        // With more actions than lines, the last line says how many are hidden rather than cutting one off silently.
        var shown = list.Count <= fits ? list.Count : fits - 1;
        using var dot = new SKPaint { Color = ReportTheme.Accent, IsAntialias = true };
        for (var i = 0; i < shown; i++)
        {
            var baseline = cell.Top + m.Small + i * lineHeight;
            canvas.DrawCircle(cell.Left + 3 * m.Scale, baseline - m.Small * 0.35f, 2.2f * m.Scale, dot);
            CanvasText.Draw(canvas, list[i], cell.Left + 10 * m.Scale, baseline, m.Small, ReportTheme.Text, maxWidth: cell.Width - 10 * m.Scale);
        }
        if (shown < list.Count)
            CanvasText.Draw(canvas, $"+{list.Count - shown} more", cell.Left + 10 * m.Scale, cell.Top + m.Small + shown * lineHeight, m.Small, ReportTheme.Muted);
    }

    static void PainCell(SKCanvas canvas, SKRect cell, IReadOnlyList<JourneyMapPainPoint>? pains, long max, Metrics m, CultureInfo culture)
    {
        var list = (pains ?? []).Where(p => p is not null).OrderByDescending(p => p.Count).Take(2).ToList();
        if (list.Count == 0) { Empty(canvas, cell, m, "none reported"); return; }
        var rowHeight = Math.Min(cell.Height / 2, 38 * m.Scale);
        var barHeight = 4 * m.Scale;
        using var bar = new SKPaint { Color = ReportTheme.Bad.WithAlpha(200), IsAntialias = true };
        using var warn = new SKPaint { Color = ReportTheme.Bad, IsAntialias = true };
        for (var i = 0; i < list.Count; i++)
        {
            var p = list[i];
            var baseline = cell.Top + i * rowHeight + m.Text;
            var count = ReportFormat.Compact((double)p.Count, culture);
            var countWidth = CanvasText.Measure(count, m.Small, bold: true);
            var r = 4 * m.Scale;
            // A small red diamond marks a problem; shape, not only colour, so it survives greyscale printing.
            using (var diamond = new SKPath())
            {
                var (cx, cy) = (cell.Left + r, baseline - m.Small * 0.35f);
                diamond.MoveTo(cx, cy - r); diamond.LineTo(cx + r, cy); diamond.LineTo(cx, cy + r); diamond.LineTo(cx - r, cy); diamond.Close();
                canvas.DrawPath(diamond, warn);
            }
            CanvasText.Draw(canvas, p.Name ?? "", cell.Left + 3 * r, baseline, m.Small, ReportTheme.Text, maxWidth: cell.Width - 3 * r - countWidth - 6 * m.Scale);
            CanvasText.Draw(canvas, count, cell.Right, baseline, m.Small, ReportTheme.Bad, bold: true, align: SKTextAlign.Right);
            var top = baseline + 4 * m.Scale;
            var share = max > 0 ? Math.Clamp((float)p.Count / max, 0, 1) : 0;
            if (share > 0 && top + barHeight <= cell.Bottom + m.Cell)
                canvas.DrawRoundRect(new SKRect(cell.Left + 3 * r, top, cell.Left + 3 * r + Math.Max(barHeight, share * (cell.Width - 3 * r)), top + barHeight), barHeight / 2, barHeight / 2, bar);
        }
    }

    /// <summary>The count, the share lost since the previous stage, and a bar so the funnel's narrowing shows across the columns.</summary>
    static void CustomerCell(SKCanvas canvas, SKRect column, JourneyMapStage stage, long max, bool worst, Metrics m, CultureInfo culture)
    {
        if (worst)
        {
            using var tint = new SKPaint { Color = BadTint };
            canvas.DrawRect(new SKRect(column.Left + 1, column.Top + 1, column.Right - 1, column.Bottom - 1), tint);
        }
        var cell = new SKRect(column.Left + m.Cell, column.Top + m.Cell, column.Right - m.Cell, column.Bottom - m.Cell);
        var size = 19 * m.Scale;
        var full = stage.Customers.ToString("N0", culture);
        var text = CanvasText.Measure(full, size, bold: true) <= cell.Width ? full : ReportFormat.Compact((double)stage.Customers, culture);
        var baseline = cell.Top + size;
        CanvasText.Draw(canvas, text, cell.Left, baseline, size, ReportTheme.Heading, bold: true, maxWidth: cell.Width);
        if (stage.DropOffFromPrevious is { } d)
        {
            var lost = d > 0 ? $"−{d.ToString("P0", culture)}" : d < 0 ? $"+{(-d).ToString("P0", culture)}" : d.ToString("P0", culture);
            CanvasText.Draw(canvas, worst ? lost + " biggest drop" : lost, cell.Left, baseline + m.Small + 6 * m.Scale, m.Small,
                worst ? ReportTheme.Bad : d > 0 ? ReportTheme.Muted : ReportTheme.Good, bold: worst, maxWidth: cell.Width);
        }
        var barHeight = 6 * m.Scale;
        var barTop = cell.Bottom - barHeight;
        if (max <= 0 || barTop < baseline + 2 * m.Small) return;
        using var bar = new SKPaint { Color = worst ? ReportTheme.Bad : ReportTheme.Accent, IsAntialias = true };
        var share = Math.Clamp((float)stage.Customers / max, 0, 1);
        if (share > 0) canvas.DrawRoundRect(new SKRect(cell.Left, barTop, cell.Left + Math.Max(barHeight, share * cell.Width), cell.Bottom), 2, 2, bar);
    }

    static void Empty(SKCanvas canvas, SKRect cell, Metrics m, string text = ReportFormat.Missing) =>
        CanvasText.Draw(canvas, text, cell.Left, cell.Top + m.Small, m.Small, ReportTheme.Muted, maxWidth: cell.Width);
}
