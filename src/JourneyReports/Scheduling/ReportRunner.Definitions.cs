using System.Globalization;
using Microsoft.Extensions.Logging;

namespace JourneyReports;

public sealed partial class ReportRunner
{
    public const string DashboardSvg = "dashboard.svg";
    /// <summary>A definition run's headline KPIs as JSON, for the run's page.</summary>
    public const string KpisJson = "kpis.json";

    /// <summary>
    /// Every report a schedule or the run verb may name: the executive weekly journey, then each valid dashboard
    /// definition in the dashboards folder (a definition named like the executive report is that report's live view).
    /// </summary>
    public static IReadOnlyList<string> ReportIds(JourneyReportsOptions options) =>
        [ExecutiveWeekly.ReportId, .. Definitions(options).Select(d => d.Name).Where(n => n != ExecutiveWeekly.ReportId)];

    static IReadOnlyList<DashboardDefinition> Definitions(JourneyReportsOptions options) =>
        Directory.Exists(options.DashboardsDirectory) ? DashboardLibrary.Load(options.DashboardsDirectory).Definitions : [];

    /// <summary>
    /// A dashboard definition as a report: its own period (resolved now) in the request's time zone, the request's
    /// filters over its own, then the same artifacts, emails and catalog records as the executive report.
    /// </summary>
    async Task<RunResult> RunDefinitionAsync(RunRequest request, CancellationToken ct)
    {
        var found = Definitions(options).FirstOrDefault(d => d.Name == request.ReportId)
            ?? throw new ArgumentException($"Unknown report '{request.ReportId}'. Available: {string.Join(", ", ReportIds(options))}.");
        var f = request.Filter;
        var (definition, problems) = new ParameterOverrides(TimeZone: request.TimeZoneId, Persona: f.Persona, Segment: f.Segment, Channel: f.Channel,
            Device: f.Device, Department: f.Department, Region: f.Region).ApplyTo(found);
        if (definition is null) throw new ArgumentException($"Report '{request.ReportId}' cannot run with these parameters: {string.Join("; ", problems)}");

        var culture = options.ReportCulture();
        var runId = await catalog.StartRunAsync(definition.Name, request.Trigger, clock.GetUtcNow(), ct);
        using var scope = log.BeginScope(new Dictionary<string, object> { ["Report"] = definition.Name, ["RunId"] = runId });
        log.LogInformation("Run {RunId} of {Report} started by {Trigger}", runId, definition.Name, request.Trigger);
        DashboardResult? result = null;
        try
        {
            result = await DashboardComposer.RunAsync(definition, Warehouse.From(options), clock, ct);
            foreach (var failed in result.Datasets.Values.Where(d => d.Error is not null))
                log.LogWarning("Run {RunId} of {Report}: dataset {Dataset} failed: {Problem}", runId, definition.Name, failed.Name, failed.Error);
            var image = DashboardComposer.Render(definition, result, culture);
            using var xlsx = new MemoryStream();
            DashboardWorkbook.Write(definition, result, image.Png, culture, xlsx);
            var kpis = Kpis(definition, result);
            var artifacts = RunArtifacts.From(options);
            var directory = artifacts.Save(runId, new Dictionary<string, byte[]>
            {
                [RunArtifacts.DashboardPng] = image.Png,
                [DashboardSvg] = System.Text.Encoding.UTF8.GetBytes(DashboardComposer.RenderSvg(definition, result, culture).Svg),
                [RunArtifacts.Workbook] = xlsx.ToArray(),
                [KpisJson] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(kpis),
            });

            var periodLine = result.Comparison is { } c ? ReportFormat.PeriodLine(result.Period, c, culture) : "Period " + ReportFormat.Period(result.Period, culture);
            var content = new EmailContent(definition.Title, periodLine, kpis, culture.NumberFormat.CurrencySymbol, result.GeneratedAt);
            var live = $"{options.PublicUrl.TrimEnd('/')}/dashboards/{Uri.EscapeDataString(definition.Name)}?from={result.Period.FirstDay:yyyy-MM-dd}&to={result.Period.LastDay:yyyy-MM-dd}" +
                $"&tz={Uri.EscapeDataString(result.Period.TimeZoneId)}" +
                string.Concat(Filters(definition).Select(x => $"&{x.Key}={Uri.EscapeDataString(x.Value)}"));
            var deliveries = await DeliverAsync(runId, request, content, image.Png, xlsx.ToArray(), $"{definition.Name}-{result.Period.FirstDay:yyyy-MM-dd}.xlsx",
                live, culture, ct);
            var allFailed = deliveries.Count > 0 && deliveries.All(d => d.Status == "failed");
            await catalog.FinishRunAsync(runId, allFailed ? RunStatus.Failed : RunStatus.Succeeded, clock.GetUtcNow(), result.Period, directory,
                allFailed ? "No recipient could be sent the report: " + deliveries[0].Detail : null, ct);
            log.LogInformation("Run {RunId} of {Report} for {Period} finished: {Sent} of {Recipients} emails sent, artifacts in {Directory}",
                runId, definition.Name, result.Period.ToString(), deliveries.Count(d => d.Status == "sent"), deliveries.Count, directory);
            return new RunResult(runId, result.Period, directory, artifacts.PathOf(runId, RunArtifacts.DashboardPng), artifacts.PathOf(runId, RunArtifacts.Workbook), deliveries);
        }
        catch (Exception e)
        {
            log.LogError(e, "Run {RunId} of {Report} failed", runId, definition.Name);
            try { await catalog.FinishRunAsync(runId, RunStatus.Failed, clock.GetUtcNow(), result?.Period, null, e.Message, CancellationToken.None); }
            catch (Exception recording) { log.LogError(recording, "Could not record the failure of run {RunId} of {Report}", runId, definition.Name); }
            throw;
        }
    }

    /// <summary>The KPI rows of the dashboard's KPI tiles, in order: what the email lists as text.</summary>
    static List<Kpi> Kpis(DashboardDefinition definition, DashboardResult result) =>
        [.. definition.Visuals.Where(v => v.Type == "kpi-tiles").Select(v => v.Dataset).Distinct()
            .SelectMany(d => result.Datasets.GetValueOrDefault(d)?.Rows.OfType<Kpi>() ?? [])];

    static IEnumerable<KeyValuePair<string, string>> Filters(DashboardDefinition d)
    {
        var f = d.Parameters.Filters;
        (string Key, string? Value)[] all = [("persona", f.Persona), ("segment", f.Segment), ("region", f.Region), ("channel", f.Channel), ("device", f.Device), ("department", f.Department)];
        return all.Where(x => x.Value is not null).Select(x => new KeyValuePair<string, string>(x.Key, x.Value!));
    }
}
