using System.Globalization;
using Microsoft.Extensions.Logging;

namespace JourneyReports;

/// <summary>What to run: a report for the last complete week in a time zone, sent to these recipients.</summary>
public sealed record RunRequest(string ReportId, string Trigger, IReadOnlyList<string> Recipients, string TimeZoneId, JourneyFilter Filter);

public sealed record DeliveryResult(string Recipient, string Status, string Detail);

public sealed record RunResult(long RunId, ReportPeriod Period, string ArtifactsDirectory, string DashboardPath, string WorkbookPath, IReadOnlyList<DeliveryResult> Deliveries);

/// <summary>
/// One run of a report: query the warehouse, render, build the workbook, keep the artifacts under the run's id, email
/// each recipient and record all of it in the catalog. The warehouse is closed before rendering so the DuckDB file is
/// held only for the queries.
/// </summary>
public sealed partial class ReportRunner(JourneyReportsOptions options, Catalog catalog, IMailTransport mail, TimeProvider clock, ILogger<ReportRunner> log)
{
    public async Task<RunResult> RunAsync(RunRequest request, CancellationToken ct)
    {
        if (request.ReportId != ExecutiveWeekly.ReportId) return await RunDefinitionAsync(request, ct);
        var zone = TimeZones.Find(request.TimeZoneId);
        var culture = CultureInfo.GetCultureInfo(options.Culture);
        var startedAt = clock.GetUtcNow();
        var runId = await catalog.StartRunAsync(request.ReportId, request.Trigger, startedAt, ct);
        using var scope = log.BeginScope(new Dictionary<string, object> { ["Report"] = request.ReportId, ["RunId"] = runId });
        var period = ReportPeriod.LastCompleteWeek(startedAt, zone);
        log.LogInformation("Run {RunId} of {Report} started by {Trigger} for {Period}", runId, request.ReportId, request.Trigger, period.ToString());
        try
        {
            var warehouse = Warehouse.From(options);
            ExecutiveWeeklyData data;
            await using (var connection = await warehouse.OpenAsync(ct))
                data = await ExecutiveWeekly.LoadAsync(new JourneyMetrics(warehouse, connection), period, request.Filter, startedAt, options.CurrencySymbol, ct);

            var png = DashboardRenderer.RenderExecutiveWeeklyPng(data, culture);
            var workbook = Bytes(xlsx => ExecutiveWorkbook.Write(data, png, culture, xlsx));
            var artifacts = RunArtifacts.From(options);
            var directory = artifacts.Save(runId, new Dictionary<string, byte[]>
            {
                [RunArtifacts.DashboardPng] = png,
                [RunArtifacts.Workbook] = workbook,
                [RunArtifacts.Data] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(data),
            });

            var deliveries = await DeliverAsync(runId, request, EmailContent.For(data, culture), png, workbook, $"{request.ReportId}-{data.Period.FirstDay:yyyy-MM-dd}.xlsx",
                $"{options.PublicUrl.TrimEnd('/')}/runs/{runId}", culture, ct);
            return await FinishAsync(runId, request.ReportId, period, directory, deliveries, null, ct);
        }
        catch (Exception e)
        {
            await RecordFailureAsync(runId, request.ReportId, period, e);
            throw;
        }
    }

    /// <summary>
    /// Records a run that got as far as delivery: failed only when every recipient failed; <paramref name="warning"/>
    /// (some datasets could not be loaded) is kept with a run that still succeeded.
    /// </summary>
    async Task<RunResult> FinishAsync(long runId, string report, ReportPeriod period, string directory, IReadOnlyList<DeliveryResult> deliveries,
        string? warning, CancellationToken ct)
    {
        var failed = deliveries.Count > 0 && deliveries.All(d => d.Status == "failed");
        var error = failed ? "No recipient could be sent the report: " + deliveries[0].Detail : warning;
        await catalog.FinishRunAsync(runId, failed ? RunStatus.Failed : RunStatus.Succeeded, clock.GetUtcNow(), period, directory, error, ct);
        log.LogInformation("Run {RunId} of {Report} for {Period} finished: {Sent} of {Recipients} emails sent, artifacts in {Directory}",
            runId, report, period.ToString(), deliveries.Count(d => d.Status == "sent"), deliveries.Count, directory);
        var artifacts = RunArtifacts.From(options);
        return new RunResult(runId, period, directory, artifacts.PathOf(runId, RunArtifacts.DashboardPng), artifacts.PathOf(runId, RunArtifacts.Workbook), deliveries);
    }

    async Task RecordFailureAsync(long runId, string report, ReportPeriod? period, Exception e)
    {
        log.LogError(e, "Run {RunId} of {Report} failed", runId, report);
        try
        {
            await catalog.FinishRunAsync(runId, RunStatus.Failed, clock.GetUtcNow(), period, null, e.Message, CancellationToken.None);
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

    // Each recipient gets a message of their own, and one bad address or refused delivery does not stop the others.
    async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(long runId, RunRequest request, EmailContent content, byte[] png, byte[] xlsx,
        string fileName, string url, CultureInfo culture, CancellationToken ct)
    {
        var results = new List<DeliveryResult>();
        foreach (var recipient in request.Recipients)
        {
            DeliveryResult result;
            try
            {
                var message = ReportEmail.Build(content, png, xlsx, fileName, url, options.Mail.From, recipient, culture);
                var where = await mail.SendAsync(message, ct);
                result = new DeliveryResult(recipient, "sent", where);
                log.LogInformation("Sent {Report} run {RunId} to {Recipient} via {Transport}: {Where}", request.ReportId, runId, recipient, mail.Name, where);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = new DeliveryResult(recipient, "failed", e.Message);
                log.LogWarning(e, "Could not send {Report} run {RunId} to {Recipient} via {Transport}", request.ReportId, runId, recipient, mail.Name);
            }
            await catalog.AddDeliveryAsync(runId, recipient, mail.Name, result.Status, result.Detail, clock.GetUtcNow(), ct);
            results.Add(result);
        }
        return results;
    }
}
