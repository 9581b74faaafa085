using ScottPlot;
using SkiaSharp;

namespace JourneyReports;

/// <summary>Creates ScottPlot plots in the report style and composites them onto the dashboard canvas.</summary>
internal static class PlotCanvas
{
    public static Plot NewPlot()
    {
        ReportFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.Family, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
        plot.FigureBackground.Color = ReportTheme.Card.ToPlot();
        plot.DataBackground.Color = ReportTheme.Card.ToPlot();
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.FrameLineStyle.Width = 0;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
            axis.TickLabelStyle.FontName = ReportFonts.Family;
            axis.TickLabelStyle.FontSize = ReportTheme.AxisSize;
            axis.TickLabelStyle.ForeColor = ReportTheme.Text.ToPlot();
        }
        plot.Grid.MajorLineColor = ReportTheme.Gridline.ToPlot();
        plot.Grid.MajorLineWidth = 1;
        return plot;
    }

    /// <summary>Renders <paramref name="plot"/> to its own image and draws it at <paramref name="rect"/> (whole pixels, so nothing is resampled).</summary>
    public static void Composite(SKCanvas canvas, Plot plot, SKRectI rect)
    {
        if (rect.Width <= 0 || rect.Height <= 0) return;
        using var surface = SKSurface.Create(new SKImageInfo(rect.Width, rect.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia could not allocate a {rect.Width}x{rect.Height} surface.");
        plot.Render(surface);
        using var image = surface.Snapshot();
        canvas.DrawImage(image, rect.Left, rect.Top);
    }

    public static SKRectI Whole(SKRect r) => SKRectI.Round(r);

    /// <summary>Text inside a plot, in the report font.</summary>
    public static ScottPlot.Plottables.Text Label(Plot plot, string text, double x, double y, float size, SKColor color, Alignment alignment, bool bold = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelStyle.FontName = ReportFonts.Family;
        label.LabelStyle.FontSize = size;
        label.LabelStyle.Bold = bold;
        label.LabelStyle.ForeColor = color.ToPlot();
        label.LabelStyle.Alignment = alignment;
        return label;
    }

    /// <summary>Draws "No data for this period" centred in an empty section.</summary>
    public static void NoData(SKCanvas canvas, SKRect area, string message = "No data for this period") =>
        CanvasText.Draw(canvas, message, area.MidX, area.MidY, ReportTheme.SubtitleSize, ReportTheme.Muted, align: SKTextAlign.Center);
}
