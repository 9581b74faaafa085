using System.Text.Json;
using System.Text.Json.Serialization;
using JourneyReports.Dashboards;
using JourneyReports.Journeys;

namespace JourneyReports.Server;

/// <summary>
/// Dashboards over the API: the list, one dashboard's result as JSON, its files, and the slicer values the caller may
/// pick. Every one runs through <see cref="DashboardRuns.Respond"/> with the same query-string parameters as the
/// portal's pages, so the caller's data scope narrows it exactly as it narrows the pages; refusals are problem details.
/// </summary>
public static class DashboardsApi
{
    public sealed record DashboardSummary(string Name, string Title, string? Description, int Version);

    public sealed record PeriodJson(DateOnly First, DateOnly Last, string TimeZone);

    public sealed record DatasetJson(IReadOnlyList<object> Rows, string? Error);

    public sealed record DashboardData(string Name, string Title, PeriodJson Period, PeriodJson? Comparison, IReadOnlyDictionary<string, string> Filters,
        DateTimeOffset GeneratedAt, DateTime? DataUntilUtc, bool HasData, IReadOnlyList<Kpi> Kpis, IReadOnlyDictionary<string, DatasetJson> Datasets);

    public sealed record FiltersJson(IReadOnlyList<FilterPicker> Filters, IReadOnlyList<string> Periods, IReadOnlyList<string> Comparisons,
        IReadOnlyList<string> TimeZones);

    // Rows are records of the metric families (and dictionaries from analyst SQL); a rate over nothing may be NaN.
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void MapDashboardsApi(this WebApplication app)
    {
        var api = app.Group().MapGroup("/dashboards").WithTags("Dashboards");
        var problems = DashboardAnswers.Problems;

        api.MapGet("", (int? offset, int? limit, HttpRequest request, DashboardRuns runs) =>
                Paged<DashboardSummary>.From([.. runs.Library().Definitions.Select(d => new DashboardSummary(d.Name, d.Title, d.Description, d.Version))],
                    offset, limit, request))
            .WithName("ListDashboards").WithSummary("Every dashboard (name, title, description), paged")
            .Produces<Paged<DashboardSummary>>().ProducesProblem(400);

        api.MapGet("/{name}", (string name, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
                runs.Respond(name, request, ct, (d, r, _) => Results.Json(Data(d, r), Json), answers: problems))
            .WithName("GetDashboard")
            .WithSummary("One dashboard's result: each dataset's rows, the KPIs, the period and the filters applied (narrowed to your data scope). " +
                "Query string as the portal's: period or from/to, compare, tz, persona, segment, region, channel, device, department")
            .Produces<DashboardData>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);

        api.MapGet("/{name}/render.{format}", (string name, string format, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
                DashboardDownloads.Formats.Contains(format)
                    ? DashboardDownloads.Dashboard(name, format, $"render.{format}", request, runs, problems, ct)
                    : Task.FromResult(Results.Problem(title: "Unknown format", statusCode: 404,
                        detail: $"'{format}' is not a format a dashboard is rendered in; use one of: {string.Join(", ", DashboardDownloads.Formats)}")))
            .WithName("RenderDashboard").WithSummary("The dashboard as png, svg, pdf or xlsx, with the same query-string parameters as GetDashboard")
            .Produces(200, contentType: "image/png", additionalContentTypes: ["image/svg+xml", "application/pdf", Delivery.ReportEmail.XlsxMediaType])
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);

        api.MapGet("/{name}/visuals/{id}.{format}", (string name, string id, string format, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
                format is "png" or "svg"
                    ? DashboardDownloads.Visual(name, id, format, request, runs, problems, ct)
                    : Task.FromResult(Results.Problem(title: "Unknown format", statusCode: 404, detail: $"'{format}' is not a chart format; use png or svg")))
            .WithName("RenderChart").WithSummary("One chart as png or svg")
            .Produces(200, contentType: "image/png", additionalContentTypes: ["image/svg+xml"])
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);

        api.MapGet("/{name}/data/{dataset}.csv", (string name, string dataset, HttpRequest request, DashboardRuns runs, CancellationToken ct) =>
                DashboardDownloads.Csv(name, dataset, request, runs, problems, ct))
            .WithName("GetDatasetCsv").WithSummary("One dataset's rows as CSV")
            .Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422).ProducesProblem(503);

        api.MapGet("/{name}/filters", async (string name, HttpContext context, DashboardRuns runs, FilterChoices choices, CancellationToken ct) =>
            {
                var library = runs.Library();
                if (library.Definitions.FirstOrDefault(d => d.Name == name) is not { } definition) return problems.NoDashboard(library, name);
                var user = (await context.AccountAsync())!;
                var values = await choices.ValuesAsync(ct);
                var defaults = definition.Parameters.Filters.ByName().ToDictionary(f => f.Name, f => f.Value);
                return Results.Ok(new FiltersJson(FilterChoices.Pickers(user.DataScope, values, n => defaults.GetValueOrDefault(n)),
                    RelativePeriod.Names, RelativePeriod.Comparisons, ParameterForm.TimeZones));
            })
            .WithName("GetDashboardFilters").WithSummary("The values each slicer offers you (your data scope's only, for a scoped filter), with the definition's defaults selected")
            .Produces<FiltersJson>().ProducesProblem(404);
    }

    static DashboardData Data(DashboardDefinition d, DashboardResult r) => new(
        d.Name, d.Title, Period(r.Period), r.Comparison is { } c ? Period(c) : null,
        r.Filter.ByName().Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value!),
        r.GeneratedAt, r.DataUntilUtc, r.HasData,
        [.. r.Datasets.Values.SelectMany(s => s.Rows.OfType<Kpi>())],
        r.Datasets.ToDictionary(s => s.Key, s => new DatasetJson(s.Value.Rows, s.Value.Error)));

    static PeriodJson Period(ReportPeriod p) => new(p.FirstDay, p.LastDay, p.TimeZoneId);
}
