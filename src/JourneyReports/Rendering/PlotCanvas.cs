using ScottPlot;
using SkiaSharp;

namespace JourneyReports.Rendering;

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

    /// <summary>
    /// Draws <paramref name="plot"/> as vectors straight onto <paramref name="canvas"/> at <paramref name="rect"/>, so one call
    /// feeds both a PNG surface and an SVG canvas; clipped to the rectangle so nothing spills into neighbouring cells.
    /// </summary>
    public static void Composite(SKCanvas canvas, Plot plot, SKRectI rect)
    {
        if (rect.Width <= 0 || rect.Height <= 0) return;
        // ScottPlot starts by clearing the whole canvas, which on a shared canvas only the clip keeps inside the cell, and
        // which Skia's SVG canvas writes as one more canvas-sized rectangle per plot. The figure background that follows
        // paints the plot's own rectangle in the same colour, so the clear is dropped.
        plot.RenderManager.RenderActions.RemoveAll(a => a is ScottPlot.Rendering.RenderActions.ClearCanvas);
        // ScottPlot 5.1.59 draws a plot twice on its first render (RenderCount goes from 0 to 2). On a bitmap the second
        // pass covers the first; an SVG would keep both, so that first render goes to a canvas that draws nothing.
        if (plot.RenderManager.RenderCount == 0)
            using (var layoutOnly = new SKNoDrawCanvas(rect.Width, rect.Height))
                plot.Render(layoutOnly, rect.Width, rect.Height);
        canvas.Save();
        canvas.ClipRect(rect);
        canvas.Translate(rect.Left, rect.Top);
        plot.Render(canvas, rect.Width, rect.Height);
        canvas.Restore();
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

    public const string NoDataText = "No data for this period";

    /// <summary>Draws <see cref="NoDataText"/> centred in an empty section.</summary>
    public static void NoData(SKCanvas canvas, SKRect area) =>
        CanvasText.Draw(canvas, NoDataText, area.MidX, area.MidY, ReportTheme.SubtitleSize, ReportTheme.Muted, align: SKTextAlign.Center);
}
