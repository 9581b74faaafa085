using System.Data.Common;
using System.Globalization;
using Dapper;
using JourneyReports.Journeys;

namespace JourneyReports.Catalog;

/// <summary>
/// The catalog: subscriptions, run history, deliveries and the delivery ledger, in SQLite by default or in SQL Server
/// (<see cref="CatalogDatabase"/>). Migrations are the dated scripts under sql/catalog/{dialect}/migrations, applied
/// once each in name order and recorded in schema_versions.
/// </summary>
public sealed partial class ReportCatalog(CatalogDatabase database)
{
    public ReportCatalog(string path) : this(CatalogDatabase.SqliteFile(path)) { }

    /// <summary>The SQLite file (a catalog on SQL Server has none: asking is a bug).</summary>
    public string FilePath => database.FilePath ?? throw new InvalidOperationException($"The catalog is the {database.Description}: it has no file.");

    public CatalogDatabase Database => database;

    /// <summary>
    /// Applies the migrations not applied yet. Several instances may start at once on one catalog: each migration is
    /// checked and applied inside one transaction that holds the catalog's write lock (SQLite's BEGIN IMMEDIATE, SQL
    /// Server's application lock taken by migration_applied.sql), so the second instance finds it applied.
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await database.PrepareAsync(ct);
        await using var c = await OpenAsync(ct);
        await using (var tx = await c.BeginTransactionAsync(ct))
        {
            foreach (var batch in CatalogDatabase.Batches(Sql("schema_versions")))
                await c.ExecuteAsync(new CommandDefinition(batch, transaction: tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        foreach (var script in database.Migrations())
        {
            var version = Path.GetFileNameWithoutExtension(script);
            await using var tx = await c.BeginTransactionAsync(ct);
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(Sql("migration_applied"), new { Version = version }, tx, cancellationToken: ct)) > 0)
                continue;
            foreach (var batch in CatalogDatabase.Batches(SqlScripts.Load(script)))
                await c.ExecuteAsync(new CommandDefinition(batch, transaction: tx, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(Sql("migration_add"), new { Version = version, At = Iso(DateTimeOffset.UtcNow) }, tx, cancellationToken: ct));
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
    Task<DbConnection> OpenAsync(CancellationToken ct, bool durable = false) => database.OpenAsync(ct, durable);

    string Sql(string name) => database.Sql(name);
    CommandDefinition Command(string name, object? parameters, CancellationToken ct) => new(Sql(name), parameters, cancellationToken: ct);
    internal static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
