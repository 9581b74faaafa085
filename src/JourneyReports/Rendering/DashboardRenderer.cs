using System.Globalization;
using SkiaSharp;

namespace JourneyReports;

/// <summary>Renders the composite dashboard images that go into reports and emails.</summary>
public static class DashboardRenderer
{
    /// <summary>Legible at email width when shown at 600-1200 px.</summary>
    public const int Width = 1200;
    public const int Height = 1640;

    /// <summary>
    /// The "Executive weekly journey" dashboard as a PNG of <see cref="Width"/> x <see cref="Height"/>: header, KPI tiles,
    /// funnel, 12-week trend and channel mix. The same data and culture always give the same image.
    /// </summary>
    public static byte[] RenderExecutiveWeeklyPng(ExecutiveWeeklyData data, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(culture);
        return VisualCanvas.Png(Width, Height, canvas => Draw(canvas, data, culture));
    }

    /// <summary>The same dashboard as <see cref="RenderExecutiveWeeklyPng"/>, as an all-vector SVG document for the web.</summary>
    public static string RenderExecutiveWeeklySvg(ExecutiveWeeklyData data, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(culture);
        return VisualCanvas.Svg(Width, Height, data.Title, canvas => Draw(canvas, data, culture));
    }

    static void Draw(SKCanvas canvas, ExecutiveWeeklyData data, CultureInfo culture)
    {
        canvas.Clear(ReportTheme.PageBackground);

        const float m = ReportTheme.Margin;
        var y = DrawHeader(canvas, data, culture);

        var tilesHeight = KpiTiles.HeightFor(data.Kpis.Count);
        KpiTiles.Draw(canvas, new SKRect(m, y, Width - m, y + tilesHeight), data.Kpis, data.CurrencySymbol, culture);
        y += tilesHeight + ReportTheme.Gap + 4;

        var funnelHeight = 330f;
        var funnel = CanvasText.Section(canvas, new SKRect(m, y, Width - m, y + funnelHeight), "Journey funnel",
            "distinct customers reaching each stage in order (% of the first stage)");
        FunnelChart.Draw(canvas, funnel, data.Funnel, culture);
        y += funnelHeight + ReportTheme.Gap + 4;

        var trendHeight = 450f;
        var weeks = data.Trend.Count;
        var trend = CanvasText.Section(canvas, new SKRect(m, y, Width - m, y + trendHeight), weeks <= 1 ? "Weekly trend" : $"{weeks}-week trend",
            "by week starting");
        TrendChart.Draw(canvas, trend, data.Trend, data.CurrencySymbol, culture);
        y += trendHeight + ReportTheme.Gap + 4;

        // The channel mix takes whatever height is left, so a short KPI row does not leave a hole at the bottom.
        var footerTop = Height - 36f;
        var mix = CanvasText.Section(canvas, new SKRect(m, y, Width - m, footerTop - 8), "Channel mix by stage",
            "share of customers at each stage, by channel");
        ChannelMixChart.Draw(canvas, mix, data.ChannelMix, culture);

        CanvasText.Draw(canvas, "JourneyReports · customer journey analytics", m, Height - 16, ReportTheme.SmallSize - 1, ReportTheme.Muted);
    }

    /// <summary>Title, period and generation time; returns where the next block starts.</summary>
    static float DrawHeader(SKCanvas canvas, ExecutiveWeeklyData data, CultureInfo culture)
    {
        const float m = ReportTheme.Margin;
        using (var accent = new SKPaint { Color = ReportTheme.Accent, IsAntialias = true })
            canvas.DrawRect(new SKRect(0, 0, Width, 6), accent);

        CanvasText.Draw(canvas, data.Title, m, 58, ReportTheme.TitleSize, ReportTheme.Heading, bold: true, maxWidth: Width - 2 * m);
        CanvasText.Draw(canvas, ReportFormat.PeriodLine(data.Period, data.ComparisonPeriod, culture), m, 92, ReportTheme.SubtitleSize,
            ReportTheme.Text, maxWidth: Width - 2 * m);
        CanvasText.Draw(canvas, ReportFormat.GeneratedLine(data.GeneratedAt, data.DataUntilUtc, data.Period.TimeZoneId, culture), m, 118,
            ReportTheme.SmallSize, ReportTheme.Muted, maxWidth: Width - 2 * m);
        return 140;
    }
}
