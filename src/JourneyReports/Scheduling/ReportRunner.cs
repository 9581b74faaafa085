using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Delivery;
using JourneyReports.Journeys;
using JourneyReports.Warehouse;
using Microsoft.Extensions.Logging;

namespace JourneyReports.Scheduling;

/// <summary>A report that cannot run as asked (its definition is gone or has errors): recorded as a failed run, never retried.</summary>
public sealed class ReportNotRunnableException(string message) : ArgumentException(message);

/// <summary>A report that ran but must not be sent (no slice of it could be drawn whole): recorded as a failed run with its picture.</summary>
public sealed class ReportFailedException(string message) : InvalidOperationException(message);

/// <summary>Some recipients could not be reached for now (a 4xx, the server down): the run is tried again later, skipping those delivered.</summary>
public sealed class DeliveryIncompleteException(string message) : Exception(message);

/// <summary>What a run's page shows without reading the definition again: its title, live link and KPIs.</summary>
public sealed record DefinitionRunSummary(string Title, string LivePath, IReadOnlyList<Kpi> Kpis);

/// <summary>
/// One run of a report, the same for every dashboard definition and every way of starting it (a subscription's fire, the
/// run verb, a test send): resolve the period at this moment in the plan's time zone, then for each slice the recipients
/// have (recipients sharing a slice share one rendering) query the warehouse, render, keep the artifacts under the run's
/// id and email each of its recipients; record all of it in the catalog. The warehouse is closed before rendering, so
/// the DuckDB file is held only for the queries. A slice with a cell that could not be drawn is kept but not sent.
/// </summary>
public sealed partial class ReportRunner(JourneyReportsOptions options, JourneyWarehouse warehouse, ReportCatalog catalog, RunArtifacts artifacts,
    IMailTransport mail, RecipientLinks links, RenderCache renders, TimeProvider clock, ILogger<ReportRunner> log)
{
    public Task<RunResult> RunAsync(RunRequest request, CancellationToken ct) => RunAsync(RunPlan.AdHoc(request), ct);

    public async Task<RunResult> RunAsync(RunPlan plan, CancellationToken ct)
    {
        var runId = await catalog.StartRunAsync(plan.ReportId, plan.Trigger, clock.GetUtcNow(), ct, plan.Subscription?.Id, plan.FireTime);
        using var scope = log.BeginScope(new Dictionary<string, object>
            { ["Report"] = plan.ReportId, ["RunId"] = runId, ["Subscription"] = plan.Subscription?.Name ?? "" });
        log.LogInformation("Run {RunId} of {Report} started by {Trigger} for {Recipients} recipient(s)", runId, plan.ReportId, plan.Trigger, plan.Recipients.Count);
        ReportPeriod? period = null;
        string? directory = null;
        try
        {
            var found = Definition(plan.ReportId);
            var deliveries = new List<DeliveryResult>();
            foreach (var skipped in plan.Skipped ?? [])
            {
                deliveries.Add(skipped);
                await catalog.AddDeliveryAsync(runId, skipped.Recipient, mail.Name, skipped.Status, skipped.Detail, clock.GetUtcNow(), ct);
            }
            var failedSlices = new List<string>();
            var slices = Slices(plan.Recipients);
            for (var i = 0; i < slices.Count; i++)
            {
                var (slice, recipients) = slices[i];
                var rendered = await RenderAsync(found, plan, slice, ct);
                period ??= rendered.Result.Period;
                // The first slice's files are the run's own; the others go beside them (saved after, so nothing overwrites them).
                var saved = artifacts.Save(runId, rendered.Files, i == 0 ? null : $"{i}");
                directory ??= saved;
                if (rendered.Problem is { } problem)
                {
                    failedSlices.Add(problem);
                    foreach (var r in recipients)
                    {
                        deliveries.Add(new DeliveryResult(r.Email, RecipientStatus.NotSent, problem));
                        await catalog.AddDeliveryAsync(runId, r.Email, mail.Name, RecipientStatus.NotSent, problem, clock.GetUtcNow(), ct);
                    }
                    continue;
                }
                deliveries.AddRange(await DeliverAsync(runId, i == 0 ? null : $"{i}", plan, rendered, recipients, ct));
            }
            return await FinishAsync(runId, plan, slices.Count, failedSlices, deliveries, period!, directory!, ct);
        }
        catch (Exception e) when (e is not DeliveryIncompleteException and not ReportFailedException)
        {
            await RecordFailureAsync(runId, plan, period, directory, e is OperationCanceledException
                ? new TimeoutException($"The run was stopped: it took longer than Subscriptions:RunTimeoutMinutes ({options.Subscriptions.RunTimeoutMinutes}), or the server was stopping. Recipients not yet delivered are tried again with the run.", e)
                : e);
            throw;
        }
    }

    /// <summary>
    /// Records how the run ended: succeeded (every recipient has it), partial (some were refused for good, or a slice could
    /// not be drawn), failed (nothing could be sent); tells the owner of a subscription about anything short of success;
    /// and throws when recipients are left to try again, so the schedule's job retries the run.
    /// </summary>
    async Task<RunResult> FinishAsync(long runId, RunPlan plan, int sliceCount, List<string> failedSlices, List<DeliveryResult> deliveries,
        ReportPeriod period, string directory, CancellationToken ct)
    {
        var waiting = deliveries.Where(d => d.Status is RecipientStatus.Transient).ToList();
        var refused = deliveries.Where(d => d.Status is RecipientStatus.Permanent or RecipientStatus.Uncertain or RecipientStatus.NotSent).ToList();
        var allFailed = failedSlices.Count == sliceCount;
        var status = allFailed || waiting.Count > 0 ? RunStatus.Failed : refused.Count > 0 ? RunStatus.Partial
            : deliveries.Count > 0 && deliveries.All(d => d.Status == RecipientStatus.Skipped) ? RunStatus.Skipped : RunStatus.Succeeded;
        var error = allFailed ? failedSlices[0]
            : waiting.Count > 0 ? $"{waiting.Count} recipient(s) could not be reached yet{(plan.Subscription is null || plan.Trigger == TestTrigger ? "" : " and will be tried again")}: " +
                string.Join("; ", waiting.Select(d => $"{d.Recipient}: {d.Detail}"))
            : refused.Count > 0 ? $"{refused.Count} of {deliveries.Count} recipient(s) not delivered: " + string.Join("; ", refused.Select(d => $"{d.Recipient} ({d.Status}): {d.Detail}"))
            : null;
        await catalog.FinishRunAsync(runId, status, clock.GetUtcNow(), period, directory, error, ct);
        log.LogInformation("Run {RunId} of {Report} for {Period} {Status}: {Sent} of {Recipients} delivered, artifacts in {Directory}",
            runId, plan.ReportId, period.ToString(), status, deliveries.Count(d => d.Status is RecipientStatus.Sent or RecipientStatus.AlreadyDelivered),
            deliveries.Count, directory);
        // A refusal for now is the schedule's to try again: the owner hears of it only when the last try fails too.
        if (error is not null && (waiting.Count == 0 || plan.FinalAttempt)) await NotifyOwnerAsync(runId, plan, status, error, ct);
        if (allFailed) throw new ReportFailedException(error!);
        if (waiting.Count > 0) throw new DeliveryIncompleteException(error!);
        return new RunResult(runId, status, period, directory, Path.Combine(directory, RunArtifacts.DashboardPng), Path.Combine(directory, RunArtifacts.Workbook), deliveries);
    }

    /// <summary>Null when <paramref name="reportId"/> names a valid definition; else why not: unknown (with the reports there are), or its errors.</summary>
    public static string? ProblemWith(DashboardLibrary library, string reportId)
    {
        if (library.ProblemWith(reportId) is not { } problem) return null;
        return library.Errors.Keys.Any(f => Path.GetFileNameWithoutExtension(f) == reportId) ? problem
            : $"'{reportId}' is not a known report; available: {string.Join(", ", library.Definitions.Select(d => d.Name))}";
    }

    DashboardDefinition Definition(string reportId)
    {
        var library = DashboardLibrary.Load(options.DashboardsDirectory, warehouse.Provider);
        return library.Definitions.FirstOrDefault(d => d.Name == reportId)
            ?? throw new ReportNotRunnableException($"Report '{reportId}' cannot run: {library.ProblemWith(reportId)}.");
    }

    /// <summary>The recipients grouped by their slice, in order of first appearance; one group without recipients when there are none.</summary>
    static List<(IReadOnlyDictionary<string, string> Slice, List<SubscriptionRecipient> Recipients)> Slices(IReadOnlyList<SubscriptionRecipient> recipients)
    {
        if (recipients.Count == 0) return [(new Dictionary<string, string>(), [])];
        return [.. recipients.GroupBy(r => string.Join("\n", r.Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")))
            .Select(g => (g.First().Filters, g.ToList()))];
    }

    /// <summary>
    /// A run that failed before it began (its recipients could not be worked out): recorded as a failed run with the
    /// reason, and its owner told, so that nothing fails out of sight.
    /// </summary>
    public async Task RecordFailedStartAsync(RunPlan plan, Exception e)
    {
        var runId = await catalog.StartRunAsync(plan.ReportId, plan.Trigger, clock.GetUtcNow(), CancellationToken.None, plan.Subscription?.Id, plan.FireTime);
        using var scope = log.BeginScope(new Dictionary<string, object> { ["Report"] = plan.ReportId, ["RunId"] = runId, ["Subscription"] = plan.Subscription?.Name ?? "" });
        await RecordFailureAsync(runId, plan, null, null, e);
    }

    async Task RecordFailureAsync(long runId, RunPlan plan, ReportPeriod? period, string? directory, Exception e)
    {
        log.LogError(e, "Run {RunId} of {Report} failed", runId, plan.ReportId);
        try
        {
            await catalog.FinishRunAsync(runId, RunStatus.Failed, clock.GetUtcNow(), period, directory, e.Message, CancellationToken.None);
            await NotifyOwnerAsync(runId, plan, RunStatus.Failed, e.Message, CancellationToken.None);
        }
        catch (Exception recording)
        {
            // The run's own failure is what the caller must see; the catalog's is only logged.
            log.LogError(recording, "Could not record the failure of run {RunId} of {Report}", runId, plan.ReportId);
        }
    }
}
