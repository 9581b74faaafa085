using System.Globalization;
using System.Text;
using JourneyReports.Dashboards;
using JourneyReports.Delivery;
using JourneyReports.Workbooks;
using static JourneyReports.Server.Html;

namespace JourneyReports.Server;

/// <summary>
/// Every dashboard definition in the configured folder, live: the list, one dashboard drawn as SVG with a form for its
/// parameters, and its PNG, SVG, workbook and each dataset's CSV for the same parameters (the query string).
/// </summary>
public static class DashboardPages
{
    public static void MapDashboards(this WebApplication app)
    {
        app.MapGet("/dashboards", List);
        app.MapGet("/dashboards/{name}", (string name, HttpRequest request, DashboardRuns runs, CancellationToken ct) => Show(name, request, runs, ct));
        app.MapGet("/dashboards/{name}/dashboard.svg", (string name, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
            runs.Respond(name, request, ct, (d, r, culture) => Results.Text(Svg(runs, d, r, culture).Svg, "image/svg+xml; charset=utf-8")));
        app.MapGet("/dashboards/{name}/dashboard.png", (string name, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
            runs.Respond(name, request, ct, (d, r, culture) => Results.File(Png(runs, d, r, culture), "image/png")));
        app.MapGet("/dashboards/{name}/workbook.xlsx", (string name, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
            runs.Respond(name, request, ct, (d, r, culture) =>
                Results.File(Workbook(runs, d, r, culture), ReportEmail.XlsxMediaType, $"{d.Name}-{r.Period.FirstDay:yyyy-MM-dd}.xlsx")));
        app.MapGet("/dashboards/{name}/visuals/{id}.svg", (string name, string id, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
            runs.Respond(name, request, ct, (d, r, culture) => DashboardComposer.RenderVisualSvg(d, r, id, culture) is { } image
                ? Results.Text(image.Svg, "image/svg+xml; charset=utf-8") : NoVisual(d, id, "svg"), d => DatasetOf(d, id)));
        app.MapGet("/dashboards/{name}/visuals/{id}.png", (string name, string id, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
            runs.Respond(name, request, ct, (d, r, culture) => DashboardComposer.RenderVisual(d, r, id, culture) is { } image
                ? Results.File(image.Png, "image/png") : NoVisual(d, id, "png"), d => DatasetOf(d, id)));
        app.MapGet("/dashboards/{name}/data/{dataset}.csv", (string name, string dataset, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
            runs.Respond(name, request, ct, (d, r, _) => Csv(d, r, dataset), _ => [dataset]));
    }

    // The whole dashboard drawn once per kept result: drawing it costs more than finding the result again.
    static DashboardSvg Svg(DashboardRuns runs, DashboardDefinition d, DashboardResult r, CultureInfo culture) =>
        runs.Drawn(d, r, culture, "svg", () => DashboardComposer.RenderSvg(d, r, culture));

    static byte[] Png(DashboardRuns runs, DashboardDefinition d, DashboardResult r, CultureInfo culture) =>
        runs.Drawn(d, r, culture, "png", () => DashboardComposer.RenderPng(d, r, culture));

    static byte[] Workbook(DashboardRuns runs, DashboardDefinition d, DashboardResult r, CultureInfo culture) => runs.Drawn(d, r, culture, "xlsx", () =>
    {
        using var buffer = new MemoryStream();
        DashboardWorkbook.Write(d, r, Png(runs, d, r, culture), culture, buffer);
        return buffer.ToArray();
    });

    /// <summary>The one dataset a chart needs (none for an unknown chart, which is then a 404 without any query run).</summary>
    static IReadOnlyCollection<string> DatasetOf(DashboardDefinition d, string visualId) =>
        [.. d.Visuals.Where(v => v.Id == visualId).Select(v => v.Dataset)];

    // The unknown name is echoed only encoded: it comes straight from the URL.
    static IResult NoVisual(DashboardDefinition d, string id, string extension) => ErrorPage(404, "Chart not found",
        $"Dashboard '{E(d.Name)}' has no chart '{E(id)}'. It has: {Links(d, d.Visuals.Select(v => v.Id), "visuals", extension)}.");

    static IResult NoDataset(DashboardDefinition d, string dataset) => ErrorPage(404, "Dataset not found",
        $"Dashboard '{E(d.Name)}' has no dataset '{E(dataset)}'. It has: {Links(d, d.Datasets.Keys, "data", "csv")}.");

    static string Links(DashboardDefinition d, IEnumerable<string> names, string folder, string extension) => string.Join(", ", names.Select(n =>
        $"<a href=\"/dashboards/{E(Uri.EscapeDataString(d.Name))}/{folder}/{E(Uri.EscapeDataString(n))}.{extension}\">{E(n)}</a>"));

    static IResult List(DashboardRuns runs)
    {
        var library = runs.Library();
        var rows = string.Concat(library.Definitions.Select(d => $"""
            <tr><td><a href="/dashboards/{E(d.Name)}">{E(d.Title)}</a></td><td>{E(d.Description)}</td><td class="num">{d.Version}</td></tr>
            """));
        var broken = string.Concat(library.Errors.SelectMany(e => e.Value).Select(e => $"<li><code>{E(e.ToString())}</code></li>"));
        return Page("Dashboards", $"""
            <h1>Dashboards</h1>
            <table><tr><th>Dashboard</th><th>What it shows</th><th>Version</th></tr>{rows}</table>
            {(broken.Length == 0 ? "" : $"<h2>Definitions with errors</h2><p class=\"muted\">These files are not loaded until they are fixed.</p><ul>{broken}</ul>")}
            """);
    }

    static Task<IResult> Show(string name, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
        runs.Respond(name, request, ct, (d, r, culture) =>
        {
            var image = Svg(runs, d, r, culture);
            // Every download for the same parameters: the page's own query string after the file's path.
            string Link(string file, string text) =>
                $"<a href=\"/dashboards/{E(d.Name)}/{E(file)}{E(request.QueryString.Value ?? "")}\">{E(text)}</a>";
            var datasets = string.Concat(d.Datasets.Keys.Select(k => Link($"data/{Uri.EscapeDataString(k)}.csv", k) + " "));
            var charts = string.Join(" · ", d.Visuals.Select(v =>
                $"{E(v.Title ?? v.Id)} ({Link($"visuals/{Uri.EscapeDataString(v.Id)}.png", "PNG")}, {Link($"visuals/{Uri.EscapeDataString(v.Id)}.svg", "SVG")})"));
            var problems = image.Problems.Count == 0 ? ""
                : $"<p class=\"bad\">Some visuals could not be drawn: {E(string.Join("; ", image.Problems.Select(p => $"{p.Key}: {p.Value}")))}</p>";
            return Page(d.Title, $"""
                <h1>{E(d.Title)}</h1>
                <p class="muted">{E(d.Description)}</p>
                {ParameterForm.Html(d, request)}
                <p class="actions">{Link("workbook.xlsx", "Workbook (.xlsx)")}{Link("dashboard.png", "PNG")}{Link("dashboard.svg", "SVG")}</p>
                <p class="muted">Data as CSV: {datasets}</p>
                <details class="muted"><summary>Each chart on its own</summary><p>{charts}</p></details>
                {problems}
                <div class="dashboard">{SvgBody(image.Svg)}</div>
                """);
        });

    /// <summary>The SVG document without its XML declaration, to sit inline in the page (scaled to the page's width).</summary>
    static string SvgBody(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = start < 0 ? svg : svg[start..];
        return body.Replace("<svg ", "<svg style=\"width:100%;height:auto;display:block\" ", StringComparison.Ordinal);
    }

    static IResult Csv(DashboardDefinition d, DashboardResult r, string dataset)
    {
        if (!r.Datasets.TryGetValue(dataset, out var rows))
            return NoDataset(d, dataset);
        // The dataset's own query failed (an analyst query past its time limit, say): the definition's problem, named.
        if (rows.Error is { } error) return Results.Problem(title: $"Dataset '{dataset}' could not be loaded", detail: error, statusCode: 422);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
            CsvExport.WriteRecords(writer, rows.Rows);
        return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", $"{d.Name}-{dataset}-{r.Period.FirstDay:yyyy-MM-dd}.csv");
    }
}
