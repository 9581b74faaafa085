using System.Globalization;
using Microsoft.Extensions.Logging;

namespace JourneyReports;

/// <summary>A report that cannot run as asked (its definition is gone or has errors): recorded as a failed run, never retried.</summary>
public sealed class ReportNotRunnableException(string message) : ArgumentException(message);

/// <summary>What a definition's run page shows without reading the definition again: its title, live link, KPIs and failed datasets.</summary>
public sealed record DefinitionRunSummary(string Title, string LivePath, IReadOnlyList<Kpi> Kpis, IReadOnlyList<string> FailedDatasets);

public sealed partial class ReportRunner
{
    public const string DashboardSvg = "dashboard.svg";
    public const string SummaryJson = "run.json";

    /// <summary>
    /// Every report a schedule or the run verb may name: the executive weekly journey, then each valid dashboard
    /// definition in the dashboards folder (a definition named like the executive report is that report's live view).
    /// </summary>
    public static IReadOnlyList<string> ReportIds(JourneyReportsOptions options) => ReportIds(DashboardLibrary.Load(options.DashboardsDirectory));

    static IReadOnlyList<string> ReportIds(DashboardLibrary library) =>
        [ExecutiveWeekly.ReportId, .. library.Definitions.Select(d => d.Name).Where(n => n != ExecutiveWeekly.ReportId)];

    /// <summary>Null when <paramref name="reportId"/> can run; else why not: unknown (with the reports there are), or its definition's errors.</summary>
    public static string? ProblemWith(JourneyReportsOptions options, string reportId) =>
        ProblemWith(new Lazy<DashboardLibrary>(() => DashboardLibrary.Load(options.DashboardsDirectory)), reportId);

    /// <inheritdoc cref="ProblemWith(JourneyReportsOptions, string)"/>
    /// <remarks>The library is read (and its analyst SQL checked) only if a definition is named, once however many ask.</remarks>
    public static string? ProblemWith(Lazy<DashboardLibrary> libraryOnce, string reportId)
    {
        if (reportId == ExecutiveWeekly.ReportId) return null;
        var library = libraryOnce.Value;
        if (library.ProblemWith(reportId) is not { } problem) return null;
        return library.Errors.Keys.Any(f => Path.GetFileNameWithoutExtension(f) == reportId) ? problem
            : $"'{reportId}' is not a known report; available: {string.Join(", ", ReportIds(library))}";
    }

    /// <summary>
    /// A dashboard definition as a report: its own period (resolved now) in the request's time zone, the request's
    /// filters over its own, then the same artifacts, emails and catalog records as the executive report. A dataset that
    /// fails shows its error in its cell; the run still goes out, and says which data is missing.
    /// </summary>
    async Task<RunResult> RunDefinitionAsync(RunRequest request, CancellationToken ct)
    {
        var runId = await catalog.StartRunAsync(request.ReportId, request.Trigger, clock.GetUtcNow(), ct);
        using var scope = log.BeginScope(new Dictionary<string, object> { ["Report"] = request.ReportId, ["RunId"] = runId });
        log.LogInformation("Run {RunId} of {Report} started by {Trigger}", runId, request.ReportId, request.Trigger);
        DashboardResult? result = null;
        try
        {
            var culture = options.ReportCulture();
            var (found, definition) = Resolve(request);
            result = await DashboardComposer.RunAsync(definition, Warehouse.From(options), clock, ct);
            var failed = result.Datasets.Values.Where(d => d.Error is not null).ToList();
            foreach (var f in failed)
                log.LogWarning("Run {RunId} of {Report}: dataset {Dataset} could not be loaded: {Problem}", runId, request.ReportId, f.Name, f.Error);
            var warning = failed.Count == 0 ? null
                : $"{failed.Count} of {result.Datasets.Count} datasets could not be loaded: {string.Join("; ", failed.Select(f => $"{f.Name}: {f.Error}"))}";

            var image = DashboardComposer.Render(definition, result, culture);
            var workbook = Bytes(xlsx => DashboardWorkbook.Write(definition, result, image.Png, culture, xlsx));
            var summary = new DefinitionRunSummary(definition.Title, LivePath(found, definition, result), Kpis(definition, result), [.. failed.Select(f => f.Name)]);
            var directory = RunArtifacts.From(options).Save(runId, new Dictionary<string, byte[]>
            {
                [RunArtifacts.DashboardPng] = image.Png,
                [DashboardSvg] = System.Text.Encoding.UTF8.GetBytes(DashboardComposer.RenderSvg(definition, result, culture).Svg),
                [RunArtifacts.Workbook] = workbook,
                [SummaryJson] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(summary),
            });

            var periodLine = result.Comparison is { } c ? ReportFormat.PeriodLine(result.Period, c, culture) : ReportFormat.Period(result.Period, culture);
            var note = failed.Count == 0 ? null : $"Some of this dashboard's data could not be loaded ({string.Join(", ", summary.FailedDatasets)}); those charts say so.";
            var content = new EmailContent(definition.Title, periodLine, summary.Kpis, culture.NumberFormat.CurrencySymbol, result.GeneratedAt, note);
            var deliveries = await DeliverAsync(runId, request, content, image.Png, workbook, $"{definition.Name}-{result.Period.FirstDay:yyyy-MM-dd}.xlsx",
                options.PublicUrl.TrimEnd('/') + summary.LivePath, culture, ct);
            return await FinishAsync(runId, request.ReportId, result.Period, directory, deliveries, warning, ct);
        }
        catch (Exception e)
        {
            await RecordFailureAsync(runId, request.ReportId, result?.Period, e);
            throw;
        }
    }

    /// <summary>The definition as found, and with the request's time zone and filters applied.</summary>
    (DashboardDefinition Found, DashboardDefinition Applied) Resolve(RunRequest request)
    {
        var library = DashboardLibrary.Load(options.DashboardsDirectory);
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
}
