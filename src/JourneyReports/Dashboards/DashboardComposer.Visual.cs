using System.Globalization;
using JourneyReports.Rendering;
using SkiaSharp;

namespace JourneyReports.Dashboards;

public static partial class DashboardComposer
{
    /// <summary>
    /// One visual of the dashboard on its own, at the size its grid cell has on a page <paramref name="width"/> wide,
    /// as PNG: for embedding one chart elsewhere (a wiki page, a slide). Null when the definition has no such visual.
    /// </summary>
    public static DashboardImage? RenderVisual(DashboardDefinition definition, DashboardResult result, string visualId, CultureInfo culture, int? width = null)
    {
        if (Cell(definition, visualId, width ?? WidthOf(definition)) is not var (visual, w, h)) return null;
        var problems = new Dictionary<string, string>();
        return new DashboardImage(VisualCanvas.Png(w, h, canvas => DrawAlone(canvas, visual, result, culture, w, h, problems)), problems);
    }

    /// <inheritdoc cref="RenderVisual"/>
    public static DashboardSvg? RenderVisualSvg(DashboardDefinition definition, DashboardResult result, string visualId, CultureInfo culture, int? width = null)
    {
        if (Cell(definition, visualId, width ?? WidthOf(definition)) is not var (visual, w, h)) return null;
        var problems = new Dictionary<string, string>();
        var title = string.IsNullOrWhiteSpace(visual.Title) ? visual.Id : visual.Title;
        return new DashboardSvg(VisualCanvas.Svg(w, h, title, canvas => DrawAlone(canvas, visual, result, culture, w, h, problems)), problems);
    }

    /// <inheritdoc cref="RenderVisual"/>
    /// <remarks>As a one-page vector PDF, as <see cref="RenderPdf"/> makes the whole dashboard.</remarks>
    public static DashboardPdf? RenderVisualPdf(DashboardDefinition definition, DashboardResult result, string visualId, CultureInfo culture, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Cell(definition, visualId, width ?? WidthOf(definition)) is not var (visual, w, h)) return null;
        var problems = new Dictionary<string, string>();
        var title = string.IsNullOrWhiteSpace(visual.Title) ? visual.Id : visual.Title;
        return new DashboardPdf(VisualCanvas.Pdf(w, h, title, result.GeneratedAt, canvas => DrawAlone(canvas, visual, result, culture, w, h, problems)), problems);
    }

    static (VisualDefinition Visual, int Width, int Height)? Cell(DashboardDefinition definition, string visualId, int width)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var visual = definition.Visuals.FirstOrDefault(v => v.Id == visualId);
        if (visual is null) return null;
        var grid = Layout(definition, width);
        return (visual, (int)MathF.Round(visual.Position.Width * grid.CellWidth - ReportTheme.Gap),
            (int)MathF.Round(visual.Position.Height * grid.CellHeight - ReportTheme.Gap));
    }

    static void DrawAlone(SKCanvas canvas, VisualDefinition visual, DashboardResult result, CultureInfo culture, int width, int height,
        Dictionary<string, string> problems)
    {
        canvas.Clear(ReportTheme.PageBackground);
        var problem = DashboardVisuals.DrawContained(canvas, SKRect.Create(width, height), visual, result.Datasets.GetValueOrDefault(visual.Dataset),
            culture, result.Filter.Persona);
        if (problem is not null) problems[visual.Id] = problem;
    }
}
