using JourneyReports.Catalog;
using JourneyReports.Warehouse;
using Microsoft.Extensions.Logging;

namespace JourneyReports.Refresh;

/// <summary>
/// Refreshes a configured source (JourneyReports:Sources:&lt;name&gt;) and keeps it in the run history: a run named
/// "refresh:&lt;name&gt;" that succeeds, or fails with its reason (the model then being as it was). The same for the
/// schedule's job and the refresh verb. Logs name the source's server and database, never its connection string.
/// </summary>
public sealed class SourceRefresher(JourneyReportsOptions options, JourneyWarehouse warehouse, ReportCatalog catalog, TimeProvider clock,
    ILogger<SourceRefresher> log)
{
    /// <summary>What a refresh run's report id starts with in the run history.</summary>
    public const string RunPrefix = "refresh:";

    public async Task<RefreshResult> RefreshAsync(string name, bool full, string trigger, CancellationToken ct,
        Action<RefreshProgress>? progress = null, int batchRows = RefreshEngine.DefaultBatchRows)
    {
        if (!options.Sources.TryGetValue(name, out var configured))
            throw new RefreshException(options.Sources.Count == 0 ? $"No source named '{name}': JourneyReports:Sources is empty (see docs/refresh.md)."
                : $"No source named '{name}'; configured: {string.Join(", ", options.Sources.Keys)}.");
        var runId = await catalog.StartRunAsync(RunPrefix + name, full ? $"{trigger} (full)" : trigger, clock.GetUtcNow(), ct);
        using var scope = log.BeginScope(new Dictionary<string, object> { ["Source"] = name, ["RunId"] = runId });
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(configured.TimeoutMinutes));
        string? location = null;
        try
        {
            var source = new RefreshSource(name, RefreshMapping.Load(configured.Mapping), configured.ConnectionString);
            location = source.Location;
            log.LogInformation("Refresh {RunId} of source {Source} ({Location}) started by {Trigger}{Full}", runId, name, location, trigger, full ? ", full" : "");
            var rejects = options.ResolvePath(configured.RejectsPath ?? $"refresh-rejects-{name}.csv");
            var result = await RefreshEngine.RunAsync(warehouse, source, full, rejects, progress, limit.Token, batchRows, clock);
            await catalog.FinishRunAsync(runId, RunStatus.Succeeded, clock.GetUtcNow(), null, null, null, CancellationToken.None);
            foreach (var q in result.Queries)
                log.LogInformation("Refresh {RunId}: {Query} read {Rows} rows since {Since} (watermark now {Watermark}); {Tables}", runId, q.Query, q.RowsRead,
                    q.Since?.ToString("u") ?? "the start", q.Watermark?.ToString("u") ?? "unchanged",
                    string.Join("; ", q.Targets.Select(t => $"{t.Table} {t.Loaded} loaded, {t.Rejected} rejected")));
            log.LogInformation("Refresh {RunId} of source {Source} succeeded: {Rows} rows in {Seconds:0.0} s", runId, name, result.RowsRead, result.Elapsed.TotalSeconds);
            return result;
        }
        catch (Exception e)
        {
            var reason = e is OperationCanceledException
                ? ct.IsCancellationRequested ? "The refresh was cancelled (the server is stopping, or the verb was interrupted)."
                    : $"The refresh took longer than JourneyReports:Sources:{name}:TimeoutMinutes ({configured.TimeoutMinutes}) and was stopped."
                : e.Message;
            await catalog.FinishRunAsync(runId, RunStatus.Failed, clock.GetUtcNow(), null, null, $"{reason} The model is unchanged.", CancellationToken.None);
            log.LogError("Refresh {RunId} of source {Source} ({Location}) failed, the model is unchanged: {Reason}", runId, name, location ?? "?", reason);
            if (e is OperationCanceledException && !ct.IsCancellationRequested) throw new TimeoutException(reason, e);
            throw;
        }
    }
}
