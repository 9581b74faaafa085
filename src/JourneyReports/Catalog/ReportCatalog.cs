using System.Data.Common;
using System.Globalization;
using Dapper;
using JourneyReports.Journeys;
using Microsoft.Data.Sqlite;

namespace JourneyReports.Catalog;

/// <summary>
/// The catalog: subscriptions, run history, deliveries and the delivery ledger, in SQLite by default. Migrations are the dated scripts under
/// sql/catalog/sqlite/migrations, applied once each in name order and recorded in schema_versions.
/// </summary>
public sealed partial class ReportCatalog(string path)
{
    public string FilePath => path;

    public async Task MigrateAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var c = await OpenAsync(ct);
        // Write-ahead logging: the server's pages read while a run writes, and a verb's write waits less for the server's.
        await c.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(Sql("schema_versions"), cancellationToken: ct));
        var applied = (await c.QueryAsync<string>(new CommandDefinition("SELECT version FROM schema_versions", cancellationToken: ct))).ToHashSet();
        foreach (var script in SqlScripts.Under("catalog/sqlite/migrations"))
        {
            var version = Path.GetFileNameWithoutExtension(script);
            if (applied.Contains(version)) continue;
            await using var tx = await c.BeginTransactionAsync(ct);
            await c.ExecuteAsync(new CommandDefinition(SqlScripts.Load(script), transaction: tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO schema_versions (version, applied_at) VALUES (@version, @at)",
                new { version, at = Iso(DateTimeOffset.UtcNow) }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>Records a run as running; a subscription's run names the subscription and the fire time it is for.</summary>
    public async Task<long> StartRunAsync(string reportId, string trigger, DateTimeOffset startedAt, CancellationToken ct,
        long? subscriptionId = null, DateTimeOffset? fireTime = null)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(Command("run_start", new
        {
            ReportId = reportId, Trigger = trigger, StartedAt = Iso(startedAt), SubscriptionId = subscriptionId,
            FireTime = fireTime is { } f ? Iso(f) : null,
        }, ct));
    }

    /// <summary>Marks every run still 'running' interrupted (their process is gone) and returns them.</summary>
    public async Task<IReadOnlyList<RunRecord>> InterruptRunningAsync(DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return [.. await c.QueryAsync<RunRecord>(Command("runs_interrupt", new { At = Iso(at) }, ct))];
    }

    /// <summary>The run that already delivered a subscription's fire time, if any.</summary>
    public async Task<RunRecord?> SucceededRunOfFireAsync(long subscriptionId, DateTimeOffset fireTime, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<RunRecord>(Command("run_of_fire", new { SubscriptionId = subscriptionId, FireTime = Iso(fireTime) }, ct));
    }

    public async Task FinishRunAsync(long runId, string status, DateTimeOffset finishedAt, ReportPeriod? period, string? artifactsDir, string? error, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(Command("run_finish", new
        {
            RunId = runId, Status = status, FinishedAt = Iso(finishedAt),
            PeriodFirst = period?.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PeriodLast = period?.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimeZone = period?.TimeZoneId, ArtifactsDir = artifactsDir, Error = error,
        }, ct));
    }

    public async Task AddDeliveryAsync(long runId, string recipient, string transport, string status, string? detail, DateTimeOffset at, CancellationToken ct,
        long attempt = 1)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(Command("delivery_add", new
        {
            RunId = runId, Recipient = recipient, Transport = transport, Status = status, Detail = detail, DeliveredAt = Iso(at), Attempt = attempt,
        }, ct));
    }

    public async Task<RunRecord?> GetRunAsync(long runId, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<RunRecord>(Command("run_get", new { RunId = runId }, ct));
    }

    public async Task<RunRecord?> LatestRunAsync(string reportId, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<RunRecord>(Command("run_latest", new { ReportId = reportId }, ct));
    }

    public async Task<RunRecord?> LatestSucceededRunAsync(string? reportId, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<RunRecord>(Command("run_latest_succeeded", new { ReportId = reportId }, ct));
    }

    public async Task<IReadOnlyList<RunRecord>> RecentRunsAsync(int count, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<RunRecord>(Command("runs_recent", new { Count = count }, ct))).ToList();
    }

    public async Task<IReadOnlyList<DeliveryRecord>> DeliveriesAsync(long runId, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<DeliveryRecord>(Command("deliveries_of_run", new { RunId = runId }, ct))).ToList();
    }

    /// <param name="durable">
    /// For the delivery ledger: each commit waits for the disk, so not even a power cut loses a claim or a "sent". The
    /// rest of the catalog (runs, accounts, the audit log) runs with write-ahead logging's NORMAL: a commit waits for the
    /// disk only at checkpoints, may be lost to a power cut but never to a crash of the process, and the file stays
    /// consistent either way. Every download writes the audit log; waiting for the disk each time made pages queue.
    /// </param>
    async Task<DbConnection> OpenAsync(CancellationToken ct, bool durable = false)
    {
        // SQLite allows many processes; the busy timeout makes a concurrent writer wait instead of failing.
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString());
        await c.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL", cancellationToken: ct));
        return c;
    }

    static string Sql(string name) => SqlScripts.Load($"catalog/sqlite/{name}.sql");
    static CommandDefinition Command(string name, object? parameters, CancellationToken ct) => new(Sql(name), parameters, cancellationToken: ct);
    internal static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
