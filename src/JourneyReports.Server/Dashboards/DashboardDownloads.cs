using System.Globalization;
using System.Text;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Delivery;
using JourneyReports.Workbooks;

namespace JourneyReports.Server;

/// <summary>
/// A dashboard's files for the query string's parameters — the whole dashboard as PNG, SVG, PDF or workbook, one chart,
/// one dataset's CSV — for the portal's links and the API alike: both run through <see cref="DashboardRuns.Respond"/>,
/// so the scope narrowing and the refusals are the same, and each file handed out is written to the audit log.
/// </summary>
public static class DashboardDownloads
{
    /// <summary>The formats the whole dashboard comes in.</summary>
    public static readonly IReadOnlyList<string> Formats = ["png", "svg", "pdf", "xlsx"];

    /// <param name="file">The file's name as the address gives it, for the audit log ("dashboard.png", "render.pdf").</param>
    public static Task<IResult> Dashboard(string name, string format, string file, HttpRequest request, DashboardRuns runs, DashboardAnswers answers,
        CancellationToken ct) => runs.Respond(name, request, ct, (d, r, culture) => Audited(d, r, file, format switch
        {
            "svg" => Results.Text(Svg(runs, d, r, culture).Svg, "image/svg+xml; charset=utf-8"),
            "png" => Results.File(Png(runs, d, r, culture), "image/png"),
            "pdf" => Results.File(runs.Drawn(d, r, culture, "pdf", () => DashboardComposer.RenderPdf(d, r, culture)).Pdf, "application/pdf",
                $"{d.Name}-{r.Period.FirstDay:yyyy-MM-dd}.pdf"),
            "xlsx" => Results.File(Workbook(runs, d, r, culture), ReportEmail.XlsxMediaType, $"{d.Name}-{r.Period.FirstDay:yyyy-MM-dd}.xlsx"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "callers check the format against Formats"),
        }), answers: answers);

    public static Task<IResult> Visual(string name, string id, string format, HttpRequest request, DashboardRuns runs, DashboardAnswers answers,
        CancellationToken ct) => runs.Respond(name, request, ct, (d, r, culture) => format == "svg"
            ? DashboardComposer.RenderVisualSvg(d, r, id, culture) is { } svg
                ? Audited(d, r, $"visuals/{id}.svg", Results.Text(svg.Svg, "image/svg+xml; charset=utf-8")) : answers.NoVisual(d, id, format)
            : DashboardComposer.RenderVisual(d, r, id, culture) is { } png
                ? Audited(d, r, $"visuals/{id}.png", Results.File(png.Png, "image/png")) : answers.NoVisual(d, id, format),
            DatasetOf(id), answers);

    public static Task<IResult> Csv(string name, string dataset, HttpRequest request, DashboardRuns runs, DashboardAnswers answers, CancellationToken ct) =>
        runs.Respond(name, request, ct, (d, r, _) =>
        {
            if (!r.Datasets.TryGetValue(dataset, out var rows)) return answers.NoDataset(d, dataset);
            if (rows.Error is { } error) return answers.DatasetFailed(dataset, error);
            using var buffer = new MemoryStream();
            using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
                CsvExport.WriteRecords(writer, rows.Rows);
            return Audited(d, r, $"data/{dataset}.csv",
                Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"{d.Name}-{dataset}-{r.Period.FirstDay:yyyy-MM-dd}.csv"));
        }, _ => [dataset], answers);

    /// <summary>The one dataset a chart needs (none for an unknown chart, which is then a 404 without any query run).</summary>
    static Func<DashboardDefinition, IReadOnlyCollection<string>> DatasetOf(string visualId) =>
        d => [.. d.Visuals.Where(v => v.Id == visualId).Select(v => v.Dataset)];

    // The whole dashboard drawn once per kept result (see DashboardResultCache.Drawn): drawing costs more than finding it.
    public static DashboardSvg Svg(DashboardRuns runs, DashboardDefinition d, DashboardResult r, CultureInfo culture) =>
        runs.Drawn(d, r, culture, "svg", () => DashboardComposer.RenderSvg(d, r, culture));

    static byte[] Png(DashboardRuns runs, DashboardDefinition d, DashboardResult r, CultureInfo culture) =>
        runs.Drawn(d, r, culture, "png", () => DashboardComposer.RenderPng(d, r, culture));

    static byte[] Workbook(DashboardRuns runs, DashboardDefinition d, DashboardResult r, CultureInfo culture) => runs.Drawn(d, r, culture, "xlsx", () =>
    {
        using var buffer = new MemoryStream();
        DashboardWorkbook.Write(d, r, Png(runs, d, r, culture), culture, buffer);
        return buffer.ToArray();
    });

    /// <summary>The file, once its handing out is in the audit log: who, which file, and the rows it holds (filters and period).</summary>
    static IResult Audited(DashboardDefinition d, DashboardResult r, string file, IResult result) => new LateResult(async context =>
    {
        var user = await context.AccountAsync();
        var catalog = context.RequestServices.GetRequiredService<ReportCatalog>();
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        await catalog.AuditAsync(user?.Email ?? "", "download", $"{d.Name}/{file}",
            $"{r.Filter.Line()}; period {r.Period.FirstDay:yyyy-MM-dd} to {r.Period.LastDay:yyyy-MM-dd} ({r.Period.TimeZoneId})",
            clock.GetUtcNow(), context.RequestAborted, context.Connection.RemoteIpAddress?.ToString());
        return result;
    });
}
