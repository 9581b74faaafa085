using System.Globalization;
using JourneyReports.Journeys;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>The row(s) of headline KPI tiles: label, big value, and the change against the comparison period.</summary>
internal static class KpiTiles
{
    const int PreferredPerRow = 4;
    public const float TileHeight = 124;
    const float MinWidthForSparkline = 200;

    /// <summary>Height the tiles need for <paramref name="count"/> KPIs (an empty set still gets one row for its notice).</summary>
    public static float HeightFor(int count) => Rows(count) * TileHeight + (Rows(count) - 1) * ReportTheme.Gap;

    // Never more than two rows: the dashboard has a fixed height, and the charts below need their room more than a
    // ninth KPI needs a wide tile.
    static int Rows(int count) => count <= PreferredPerRow ? 1 : 2;

    public static void Draw(SKCanvas canvas, SKRect area, IReadOnlyList<Kpi> kpis, string currencySymbol, CultureInfo culture)
    {
        if (kpis.Count == 0)
        {
            var rect = new SKRect(area.Left, area.Top, area.Right, area.Top + TileHeight);
            CanvasText.Card(canvas, rect);
            CanvasText.Draw(canvas, "No KPIs available for this period", rect.MidX, rect.MidY + 6, ReportTheme.SubtitleSize, ReportTheme.Muted, align: SKTextAlign.Center);
            return;
        }

        var rows = Rows(kpis.Count);
        // Spread tiles evenly over the rows (7 → 4 + 3) and let each row fill the width, so there are no holes.
        var index = 0;
        for (var row = 0; row < rows; row++)
        {
            var inRow = (kpis.Count - index + (rows - row) - 1) / (rows - row);
            var width = (area.Width - (inRow - 1) * ReportTheme.Gap) / inRow;
            var top = area.Top + row * (TileHeight + ReportTheme.Gap);
            for (var i = 0; i < inRow; i++, index++)
            {
                var left = area.Left + i * (width + ReportTheme.Gap);
                DrawTile(canvas, new SKRect(left, top, left + width, top + TileHeight), kpis[index], currencySymbol, culture);
            }
        }
    }

    static void DrawTile(SKCanvas canvas, SKRect rect, Kpi kpi, string currencySymbol, CultureInfo culture)
    {
        CanvasText.Card(canvas, rect);
        var sentiment = ReportFormat.Sentiment(kpi);
        var stripe = kpi.Change is null ? ReportTheme.CardBorder : sentiment > 0 ? ReportTheme.Good : sentiment < 0 ? ReportTheme.Bad : ReportTheme.Neutral;
        using (var paint = new SKPaint { Color = stripe, IsAntialias = true })
        {
            canvas.Save();
            canvas.ClipRoundRect(new SKRoundRect(rect, ReportTheme.CardRadius), antialias: true);
            canvas.DrawRect(new SKRect(rect.Left, rect.Top, rect.Left + 5, rect.Bottom), paint);
            canvas.Restore();
        }

        var x = rect.Left + 20;
        var inner = rect.Width - 20 - 16;
        CanvasText.Draw(canvas, kpi.Label, x, rect.Top + 30, ReportTheme.BodySize, ReportTheme.Muted, bold: true, maxWidth: inner);

        // The sparkline takes the right of the value line when the tile is wide enough to keep the value big.
        var valueRoom = inner;
        if (Sparkline.CanDraw(kpi.Trend) && inner >= MinWidthForSparkline)
        {
            var sparkWidth = MathF.Min(140, inner * 0.4f);
            Sparkline.Draw(canvas, new SKRect(rect.Right - 16 - sparkWidth, rect.Top + 44, rect.Right - 16, rect.Top + 80), kpi.Trend!, ReportTheme.Accent);
            valueRoom = inner - sparkWidth - 12;
        }

        // Huge numbers shrink first, then switch to compact notation, so the value is never cut off.
        var value = ReportFormat.KpiValue(kpi, currencySymbol, culture);
        var size = CanvasText.SizeToFit(value, 36, 26, valueRoom, bold: true);
        if (size is null)
        {
            value = ReportFormat.KpiValueCompact(kpi, currencySymbol, culture);
            size = CanvasText.SizeToFit(value, 36, 18, valueRoom, bold: true) ?? 18;
        }
        CanvasText.Draw(canvas, value, x, rect.Top + 78, size.Value, kpi.Value is null ? ReportTheme.Muted : ReportTheme.Heading, bold: true, maxWidth: valueRoom);

        var baseline = rect.Top + 107;
        var change = ReportFormat.Change(kpi, culture);
        if (change is null)
        {
            CanvasText.Draw(canvas, "no comparison", x, baseline, ReportTheme.SmallSize, ReportTheme.Muted, maxWidth: inner);
            return;
        }

        var arrow = kpi.Change > 0 ? "▲ " : kpi.Change < 0 ? "▼ " : "";
        var color = sentiment > 0 ? ReportTheme.Good : sentiment < 0 ? ReportTheme.Bad : ReportTheme.Neutral;
        var changeText = arrow + change;
        CanvasText.Draw(canvas, changeText, x, baseline, ReportTheme.BodySize, color, bold: true, maxWidth: inner);

        var used = CanvasText.Measure(changeText, ReportTheme.BodySize, bold: true) + 10;
        // The comparison value is a nice-to-have: compact it, or drop it, rather than crowd the change.
        foreach (var compact in new[] { false, true })
        {
            if (ReportFormat.PreviousValue(kpi, currencySymbol, culture, compact) is not { } previous) return;
            var note = $"vs {previous}";
            if (CanvasText.Measure(note, ReportTheme.SmallSize) > inner - used) continue;
            CanvasText.Draw(canvas, note, x + used, baseline, ReportTheme.SmallSize, ReportTheme.Muted);
            return;
        }
    }
}
