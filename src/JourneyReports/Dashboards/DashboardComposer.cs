using System.Globalization;
using System.Text.Json;
using JourneyReports.Journeys;
using JourneyReports.Rendering;
using JourneyReports.Warehouse;
using SkiaSharp;

namespace JourneyReports.Dashboards;

/// <summary>
/// Runs any valid dashboard definition against a warehouse and renders it as one PNG or SVG: a header, then each visual
/// in its grid rectangle. A visual that cannot be drawn says so in its own cell; the others are unaffected.
/// </summary>
public static partial class DashboardComposer
{
    const float HeaderHeight = 150;
    const float FooterHeight = 36;

    /// <summary>The page width dashboards are drawn at unless asked otherwise (the web, the workbook image, emails).</summary>
    public const int DefaultWidth = 1600;

    /// <summary>The largest width or height a dashboard can be drawn at.</summary>
    public const int MaxSide = VisualCanvas.MaxSide;

    /// <summary>The narrowest and widest page a definition (or a caller) may ask for.</summary>
    public const int MinWidth = 400, MaxWidth = 4000;

    /// <summary>The page width the definition asks for (its layout's width), else <see cref="DefaultWidth"/>.</summary>
    public static int WidthOf(DashboardDefinition definition) => definition.Layout.Width > 0 ? definition.Layout.Width : DefaultWidth;

    /// <summary>
    /// Resolves the period, comparison, time zone and filters, then runs every dataset on one warehouse connection (or
    /// only those named in <paramref name="only"/>: one chart or one CSV need not pay for the whole dashboard).
    /// <paramref name="restriction"/> is the data scope of whoever sees the result: metric families get it through the
    /// filters already; analyst SQL, which may ignore its parameters, reads only its rows (<see cref="AnalystSql.RunAsync"/>).
    /// </summary>
    public static async Task<DashboardResult> RunAsync(DashboardDefinition definition, JourneyWarehouse warehouse, TimeProvider clock, CancellationToken ct,
        IReadOnlyCollection<string>? only = null, JourneyFilter? restriction = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(clock);
        var generatedAt = clock.GetUtcNow();
        var (period, comparison, filter) = Resolve(definition, generatedAt);

        var datasets = new Dictionary<string, DatasetRows>();
        await using var connection = await warehouse.OpenAsync(ct);
        var metrics = new JourneyMetrics(warehouse, connection);
        foreach (var (name, dataset) in definition.Datasets.Where(d => only is null || only.Contains(d.Key)))
        {
            try
            {
                datasets[name] = new DatasetRows(name, await RunDatasetAsync(definition, dataset, metrics, connection, period, filter, restriction, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                datasets[name] = new DatasetRows(name, [], e.Message);
            }
        }
        var dataUntil = await metrics.DataUntilAsync(ct);
        return new DashboardResult(period, comparison, filter, generatedAt, dataUntil, datasets) { HasData = await metrics.HasEventsAsync(period, filter, ct) };
    }

    /// <summary>
    /// What a definition's parameters stand for at <paramref name="now"/>: its period and comparison as dates in its
    /// time zone ("last-7-days" is a different week tomorrow), and its filters.
    /// </summary>
    public static (ReportPeriod Period, ReportPeriod? Comparison, JourneyFilter Filter) Resolve(DashboardDefinition definition, DateTimeOffset now)
    {
        var p = definition.Parameters;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(p.TimeZone);
        var period = p.Period.Relative is { } relative ? RelativePeriod.Resolve(relative, now, zone)
            : ReportPeriod.Days(Date(p.Period.From), Date(p.Period.To), zone);
        return (period, RelativePeriod.Comparison(p.Comparison, period), p.Filters.ToFilter());
    }

    static async Task<IReadOnlyList<object>> RunDatasetAsync(DashboardDefinition definition, DatasetDefinition dataset, JourneyMetrics metrics,
        System.Data.Common.DbConnection connection, ReportPeriod period, JourneyFilter filter, JourneyFilter? restriction, CancellationToken ct)
    {
        if (dataset.Metric is { } metric)
        {
            var family = MetricCatalog.Find(metric) ?? throw new InvalidOperationException($"unknown metric family '{metric}'");
            var args = new MetricArgs(dataset.Options.ToDictionary(o => o.Key,
                o => o.Value.ValueKind == JsonValueKind.String ? o.Value.GetString() ?? "" : o.Value.GetRawText()));
            return RowFields.AsRows(await family.Run(metrics, period, filter, args, ct));
        }
        var sql = await AnalystSqlFile.ReadAsync(definition.FileName, dataset.Sql ?? throw new InvalidOperationException("dataset has neither metric nor sql"), ct);
        var result = await AnalystSql.RunAsync(metrics.Warehouse.Provider, connection, sql, period, filter, metrics.Warehouse.AnalystSql, ct, restriction);
        return [.. result.Rows.Select(r => (object)(IReadOnlyDictionary<string, object?>)result.Columns.Select((c, i) => (c, v: r[i]))
            .ToDictionary(x => x.c, x => x.v, StringComparer.OrdinalIgnoreCase))];
    }

    static DateOnly Date(string? text) => DateOnly.ParseExact(text ?? throw new InvalidOperationException("period needs from and to"),
        "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Render"/>
    public static byte[] RenderPng(DashboardDefinition definition, DashboardResult result, CultureInfo culture, int? width = null) =>
        Render(definition, result, culture, width).Png;

    /// <summary>
    /// Header (title, period, filters, generated-at) and the visuals on the definition's grid: the cell width is the
    /// page width over the grid's columns, the cell height a fixed fraction of it. Reports which visuals failed.
    /// </summary>
    public static DashboardImage Render(DashboardDefinition definition, DashboardResult result, CultureInfo culture, int? pageWidth = null)
    {
        var (png, problems) = Drawn(definition, result, culture, pageWidth, (w, h, draw) => VisualCanvas.Png(w, h, draw));
        return new DashboardImage(png, problems);
    }

    /// <summary>The same dashboard as <see cref="Render"/>, as an all-vector SVG document titled with the dashboard's title.</summary>
    public static DashboardSvg RenderSvg(DashboardDefinition definition, DashboardResult result, CultureInfo culture, int? pageWidth = null)
    {
        var (svg, problems) = Drawn(definition, result, culture, pageWidth, (w, h, draw) => VisualCanvas.Svg(w, h, Title(definition), draw));
        return new DashboardSvg(svg, problems);
    }

    /// <summary>
    /// The same dashboard as <see cref="Render"/>, as a one-page vector PDF for print: the page is the dashboard's own size
    /// at 0.75 pt per pixel (a 1200 px dashboard is 900 pt, 12.5 in, wide), text stays text in the embedded fonts, and
    /// the document is titled with the dashboard's title and dated at <see cref="DashboardResult.GeneratedAt"/>.
    /// </summary>
    public static DashboardPdf RenderPdf(DashboardDefinition definition, DashboardResult result, CultureInfo culture, int? pageWidth = null)
    {
        var (pdf, problems) = Drawn(definition, result, culture, pageWidth,
            (w, h, draw) => VisualCanvas.Pdf(w, h, Title(definition), result.GeneratedAt, draw));
        return new DashboardPdf(pdf, problems);
    }

    /// <summary>The one drawing of a dashboard, on the surface <paramref name="surface"/> makes (width, height, drawing), and the visuals that failed.</summary>
    static (T Output, Dictionary<string, string> Problems) Drawn<T>(DashboardDefinition definition, DashboardResult result, CultureInfo culture,
        int? pageWidth, Func<int, int, Action<SKCanvas>, T> surface)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(culture);
        var width = pageWidth ?? WidthOf(definition);
        var grid = Layout(definition, width);
        var problems = new Dictionary<string, string>();
        return (surface(width, grid.Height, canvas => Draw(canvas, definition, result, culture, width, grid, problems)), problems);
    }

    readonly record struct Grid(float CellWidth, float CellHeight, int Height);

    /// <summary>The height in pixels of the dashboard drawn <paramref name="width"/> wide (it must stay within <see cref="VisualCanvas.MaxSide"/>).</summary>
    public static int PageHeight(DashboardDefinition definition, int width) => Layout(definition, width).Height;

    static Grid Layout(DashboardDefinition definition, int width)
    {
        var columns = Math.Max(1, definition.Layout.Columns);
        var rows = Math.Max(1, definition.Layout.Rows);
        var cellW = (width - 2 * ReportTheme.Margin + ReportTheme.Gap) / columns;
        var cellH = MathF.Max(90, MathF.Round(cellW * 0.8f));
        return new Grid(cellW, cellH, (int)MathF.Ceiling(HeaderHeight + rows * cellH + FooterHeight));
    }

    static void Draw(SKCanvas canvas, DashboardDefinition definition, DashboardResult result, CultureInfo culture, int width, Grid grid,
        Dictionary<string, string> problems)
    {
        const float m = ReportTheme.Margin, gap = ReportTheme.Gap;
        canvas.Clear(ReportTheme.PageBackground);
        DrawHeader(canvas, definition, result, culture, width);
        foreach (var visual in definition.Visuals)
        {
            var pos = visual.Position;
            var rect = SKRect.Create(m + (pos.Col - 1) * grid.CellWidth, HeaderHeight + (pos.Row - 1) * grid.CellHeight,
                pos.Width * grid.CellWidth - gap, pos.Height * grid.CellHeight - gap);
            var data = result.Datasets.GetValueOrDefault(visual.Dataset);
            var problem = DashboardVisuals.DrawContained(canvas, rect, visual, data, culture, result.Filter.Persona);
            if (problem is not null) problems[visual.Id] = problem;
        }
        CanvasText.Draw(canvas, "JourneyReports · customer journey analytics", m, grid.Height - 14, ReportTheme.SmallSize - 1, ReportTheme.Muted);
    }

    static string Title(DashboardDefinition definition) => string.IsNullOrWhiteSpace(definition.Title) ? definition.Name : definition.Title;

    static void DrawHeader(SKCanvas canvas, DashboardDefinition definition, DashboardResult result, CultureInfo culture, int width)
    {
        const float m = ReportTheme.Margin;
        var max = width - 2 * m;
        using (var accent = new SKPaint { Color = ReportTheme.Accent, IsAntialias = true })
            canvas.DrawRect(new SKRect(0, 0, width, 6), accent);
        CanvasText.Draw(canvas, Title(definition), m, 52,
            ReportTheme.TitleSize, ReportTheme.Heading, bold: true, maxWidth: max);
        var period = result.Comparison is { } c ? ReportFormat.PeriodLine(result.Period, c, culture) : "Period " + ReportFormat.Period(result.Period, culture);
        CanvasText.Draw(canvas, period, m, 84, ReportTheme.SubtitleSize, ReportTheme.Text, maxWidth: max);
        CanvasText.Draw(canvas, definition.Parameters.Filters.ToFilter().Line(), m, 108, ReportTheme.SmallSize, ReportTheme.Text, maxWidth: max);
        CanvasText.Draw(canvas, ReportFormat.GeneratedLine(result.GeneratedAt, result.DataUntilUtc, result.Period.TimeZoneId, culture), m, 130,
            ReportTheme.SmallSize, ReportTheme.Muted, maxWidth: max);
    }
}
