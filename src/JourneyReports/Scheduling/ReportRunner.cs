using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Delivery;
using JourneyReports.Journeys;
using JourneyReports.Warehouse;
using Microsoft.Extensions.Logging;

namespace JourneyReports.Scheduling;

/// <summary>What to run: a report (a dashboard definition) in a time zone, with filters over its own, sent to these recipients.</summary>
public sealed record RunRequest(string ReportId, string Trigger, IReadOnlyList<string> Recipients, string TimeZoneId, JourneyFilter Filter);

public sealed record DeliveryResult(string Recipient, string Status, string Detail);

public sealed record RunResult(long RunId, ReportPeriod Period, string ArtifactsDirectory, string DashboardPath, string WorkbookPath, IReadOnlyList<DeliveryResult> Deliveries);

/// <summary>A report that cannot run as asked (its definition is gone or has errors): recorded as a failed run, never retried.</summary>
public sealed class ReportNotRunnableException(string message) : ArgumentException(message);

/// <summary>A report that ran but must not be sent (a visual could not be drawn): recorded as a failed run with its picture.</summary>
public sealed class ReportFailedException(string message) : InvalidOperationException(message);

/// <summary>What a run's page shows without reading the definition again: its title, live link and KPIs.</summary>
public sealed record DefinitionRunSummary(string Title, string LivePath, IReadOnlyList<Kpi> Kpis);

/// <summary>
/// One run of a report, the same for every dashboard definition: resolve its period at this moment in the request's
/// time zone, query the warehouse, render, build the workbook, keep the artifacts under the run's id, email each
/// recipient and record all of it in the catalog. The warehouse is closed before rendering, so the DuckDB file is held
/// only for the queries. A dashboard with a cell that could not be drawn is kept with the run but not sent.
/// </summary>
public sealed partial class ReportRunner(JourneyReportsOptions options, JourneyWarehouse warehouse, ReportCatalog catalog, RunArtifacts artifacts,
    IMailTransport mail, TimeProvider clock, ILogger<ReportRunner> log)
{
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken ct)
    {
        var runId = await catalog.StartRunAsync(request.ReportId, request.Trigger, clock.GetUtcNow(), ct);
        using var scope = log.BeginScope(new Dictionary<string, object> { ["Report"] = request.ReportId, ["RunId"] = runId });
        log.LogInformation("Run {RunId} of {Report} started by {Trigger}", runId, request.ReportId, request.Trigger);
        DashboardResult? result = null;
        string? directory = null;
        try
        {
            var culture = options.ReportCulture();
            var (found, definition) = Resolve(request);
            result = await DashboardComposer.RunAsync(definition, warehouse, clock, ct);
            var image = DashboardComposer.Render(definition, result, culture);
            var workbook = Bytes(xlsx => DashboardWorkbook.Write(definition, result, image.Png, culture, xlsx));
            var summary = new DefinitionRunSummary(definition.Title, LivePath(found, definition, result), Kpis(definition, result));
            directory = artifacts.Save(runId, new Dictionary<string, byte[]>
            {
                [RunArtifacts.DashboardPng] = image.Png,
                [RunArtifacts.DashboardSvg] = System.Text.Encoding.UTF8.GetBytes(DashboardComposer.RenderSvg(definition, result, culture).Svg),
                [RunArtifacts.Workbook] = workbook,
                [RunArtifacts.Summary] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(summary),
            });
            // A dashboard with a hole in it is not sent: the data behind a cell failed (a query, a time zone), or it could
            // not be drawn. The run keeps the picture, so whoever looks into it sees which cell.
            if (image.Problems.Count > 0)
                throw new ReportFailedException($"{image.Problems.Count} of {definition.Visuals.Count} visuals could not be drawn, so nothing was sent: " +
                    string.Join("; ", image.Problems.Select(p => $"{p.Key} (dataset {definition.Visuals.First(v => v.Id == p.Key).Dataset}): {p.Value}")));

            var content = EmailText(definition.Title, result, summary.Kpis, culture, note: null);
            var deliveries = await DeliverAsync(runId, request, content, image.Png, workbook, $"{definition.Name}-{result.Period.FirstDay:yyyy-MM-dd}.xlsx",
                options.PublicUrl.TrimEnd('/') + summary.LivePath, ct);

            var failedAll = deliveries.Count > 0 && deliveries.All(d => d.Status == "failed");
            await catalog.FinishRunAsync(runId, failedAll ? RunStatus.Failed : RunStatus.Succeeded, clock.GetUtcNow(), result.Period, directory,
                failedAll ? "No recipient could be sent the report: " + deliveries[0].Detail : null, ct);
            log.LogInformation("Run {RunId} of {Report} for {Period} finished: {Sent} of {Recipients} emails sent, artifacts in {Directory}",
                runId, request.ReportId, result.Period.ToString(), deliveries.Count(d => d.Status == "sent"), deliveries.Count, directory);
            return new RunResult(runId, result.Period, directory, artifacts.PathOf(runId, RunArtifacts.DashboardPng), artifacts.PathOf(runId, RunArtifacts.Workbook), deliveries);
        }
        catch (Exception e)
        {
            await RecordFailureAsync(runId, request.ReportId, result?.Period, directory, e);
            throw;
        }
    }

    /// <summary>Null when <paramref name="reportId"/> names a valid definition; else why not: unknown (with the reports there are), or its errors.</summary>
    public static string? ProblemWith(DashboardLibrary library, string reportId)
    {
        if (library.ProblemWith(reportId) is not { } problem) return null;
        return library.Errors.Keys.Any(f => Path.GetFileNameWithoutExtension(f) == reportId) ? problem
            : $"'{reportId}' is not a known report; available: {string.Join(", ", library.Definitions.Select(d => d.Name))}";
    }

    /// <summary>The definition as found, and with the request's time zone and filters applied.</summary>
    (DashboardDefinition Found, DashboardDefinition Applied) Resolve(RunRequest request)
    {
        var library = DashboardLibrary.Load(options.DashboardsDirectory, warehouse.Provider);
        var found = library.Definitions.FirstOrDefault(d => d.Name == request.ReportId)
            ?? throw new ReportNotRunnableException($"Report '{request.ReportId}' cannot run: {library.ProblemWith(request.ReportId)}.");
        var f = request.Filter;
        var (applied, problems) = new ParameterOverrides(TimeZone: request.TimeZoneId, Persona: f.Persona, Segment: f.Segment, Channel: f.Channel,
            Device: f.Device, Department: f.Department, Region: f.Region).ApplyTo(found);
        return applied is null
            ? throw new ReportNotRunnableException($"Report '{request.ReportId}' cannot run with these parameters: {string.Join("; ", problems)}.")
            : (found, applied);
    }

    /// <summary>The KPI rows of the dashboard's KPI tiles, in order: what the email lists as text.</summary>
    static List<Kpi> Kpis(DashboardDefinition definition, DashboardResult result) =>
        [.. definition.Visuals.Where(v => v.Type == "kpi-tiles").Select(v => v.Dataset).Distinct()
            .SelectMany(d => result.Datasets.GetValueOrDefault(d)?.Rows.OfType<Kpi>() ?? [])];

    /// <summary>
    /// The live dashboard for the run's period, time zone and filters. A filter the run cleared is written empty, so the
    /// live page does not bring back the definition's own.
    /// </summary>
    static string LivePath(DashboardDefinition found, DashboardDefinition applied, DashboardResult result)
    {
        var query = new List<string> { $"from={result.Period.FirstDay:yyyy-MM-dd}", $"to={result.Period.LastDay:yyyy-MM-dd}", $"tz={Uri.EscapeDataString(result.Period.TimeZoneId)}" };
        foreach (var (key, value) in applied.Parameters.Filters.ByName())
            if (value is not null || found.Parameters.Filters.ByName().Any(x => x.Name == key && x.Value is not null))
                query.Add($"{key}={Uri.EscapeDataString(value ?? "")}");
        return $"/dashboards/{Uri.EscapeDataString(applied.Name)}?{string.Join("&", query)}";
    }

    async Task RecordFailureAsync(long runId, string report, ReportPeriod? period, string? directory, Exception e)
    {
        log.LogError(e, "Run {RunId} of {Report} failed", runId, report);
        try
        {
            await catalog.FinishRunAsync(runId, RunStatus.Failed, clock.GetUtcNow(), period, directory, e.Message, CancellationToken.None);
        }
        catch (Exception recording)
        {
            // The run's own failure is what the caller must see; the catalog's is only logged.
            log.LogError(recording, "Could not record the failure of run {RunId} of {Report}", runId, report);
        }
    }

    /// <summary>What <paramref name="write"/> writes, as one array: kept with the run and attached to every email.</summary>
    static byte[] Bytes(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }
}
