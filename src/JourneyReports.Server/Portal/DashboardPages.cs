using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Server.Portal.Components;

namespace JourneyReports.Server;

/// <summary>
/// Every dashboard definition in the configured folder, live: the list, one dashboard drawn as SVG under its slicers,
/// and its PNG, SVG, PDF, workbook, each chart and each dataset's CSV for the same parameters (the query string).
/// </summary>
public static class DashboardPages
{
    public static void MapDashboards(this WebApplication app)
    {
        var pages = DashboardAnswers.Pages;
        app.MapGet("/dashboards", async (HttpContext context, DashboardRuns runs) =>
        {
            var user = await context.AccountAsync();
            return PortalView.Page<DashboardListPage>(new { User = user, Library = runs.Library(), MayUpload = user?.Role is Roles.Admin or Roles.Analyst });
        });
        app.MapGet("/dashboards/{name}", (string name, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
            runs.Respond(name, request, ct, (d, r, culture) => DashboardViews.View(d, r, culture, request, runs)));
        foreach (var (file, format) in new[] { ("dashboard.svg", "svg"), ("dashboard.png", "png"), ("dashboard.pdf", "pdf"), ("workbook.xlsx", "xlsx") })
            app.MapGet($"/dashboards/{{name}}/{file}", (string name, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
                DashboardDownloads.Dashboard(name, format, file, request, runs, pages, ct));
        app.MapGet("/dashboards/{name}/visuals/{id}.svg", (string name, string id, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
            DashboardDownloads.Visual(name, id, "svg", request, runs, pages, ct));
        app.MapGet("/dashboards/{name}/visuals/{id}.png", (string name, string id, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
            DashboardDownloads.Visual(name, id, "png", request, runs, pages, ct));
        app.MapGet("/dashboards/{name}/data/{dataset}.csv", (string name, string dataset, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
            DashboardDownloads.Csv(name, dataset, request, runs, pages, ct));
    }
}

/// <summary>The dashboard page: as it ran, or its form shown again with the parameters' problems.</summary>
public static class DashboardViews
{
    /// <param name="d">The definition as it ran: the query string's parameters applied, narrowed to the person's scope.</param>
    public static IResult View(DashboardDefinition d, DashboardResult r, System.Globalization.CultureInfo culture, HttpRequest request, DashboardRuns runs)
    {
        var image = DashboardDownloads.Svg(runs, d, r, culture);
        return new LateResult(async context =>
        {
            var user = await context.AccountAsync();
            var values = await context.RequestServices.GetRequiredService<FilterChoices>().ValuesAsync(context.RequestAborted);
            return PortalView.Page<DashboardPage>(new
            {
                User = user, Definition = d, Form = ParameterForm.Of(d, null, user!.DataScope, values),
                Query = request.QueryString.Value ?? "", Svg = SvgBody(image.Svg), Problems = image.Problems,
            });
        });
    }

    /// <summary>The form with what was typed kept and every problem named (400).</summary>
    public static IResult Problems(DashboardDefinition definition, IReadOnlyList<string> errors, HttpRequest request) => new LateResult(async context =>
    {
        var user = await context.AccountAsync();
        var values = await context.RequestServices.GetRequiredService<FilterChoices>().ValuesAsync(context.RequestAborted);
        var form = ParameterForm.Of(definition, key => request.Query[key].FirstOrDefault(), user?.DataScope ?? Journeys.DataScope.All, values);
        return PortalView.Page<DashboardPage>(new { User = user, Definition = definition, Form = form, Errors = errors }, 400);
    });

    /// <summary>The SVG document without its XML declaration, to sit inline in the page (scaled to the page's width).</summary>
    static string SvgBody(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = start < 0 ? svg : svg[start..];
        return body.Replace("<svg ", "<svg style=\"width:100%;height:auto;display:block\" ", StringComparison.Ordinal);
    }
}
