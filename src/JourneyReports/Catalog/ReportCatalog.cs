using System.Data.Common;
using System.Globalization;
using Dapper;
using JourneyReports.Journeys;
using Microsoft.Data.Sqlite;

namespace JourneyReports.Catalog;

/// <summary>
/// The catalog: run history and deliveries, in SQLite by default. Migrations are the dated scripts under
/// sql/catalog/sqlite/migrations, applied once each in name order and recorded in schema_versions.
/// </summary>
public sealed class ReportCatalog(string path)
{
    public string FilePath => path;

    public async Task MigrateAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var c = await OpenAsync(ct);
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

    public async Task<long> StartRunAsync(string reportId, string trigger, DateTimeOffset startedAt, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(Command("run_start", new { ReportId = reportId, Trigger = trigger, StartedAt = Iso(startedAt) }, ct));
    }

    public async Task FinishRunAsync(long runId, string status, DateTimeOffset finishedAt, ReportPeriod? period, string? artifactsDir, string? error, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(Command("run_finish", new
        {
            RunId = runId, Status = status, FinishedAt = Iso(finishedAt),
            PeriodFirst = period?.FirstDay.ToString("yyyy-MM-dd"), PeriodLast = period?.LastDay.ToString("yyyy-MM-dd"),
            TimeZone = period?.TimeZoneId, ArtifactsDir = artifactsDir, Error = error,
        }, ct));
    }

    public async Task AddDeliveryAsync(long runId, string recipient, string transport, string status, string? detail, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(Command("delivery_add", new { RunId = runId, Recipient = recipient, Transport = transport, Status = status, Detail = detail, DeliveredAt = Iso(at) }, ct));
    }

    public async Task<RunRecord?> GetRunAsync(long runId, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<RunRecord>(Command("run_get", new { RunId = runId }, ct));
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

    async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        // SQLite allows many processes; the busy timeout makes a concurrent writer wait instead of failing.
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString());
        await c.OpenAsync(ct);
        return c;
    }

    static string Sql(string name) => SqlScripts.Load($"catalog/sqlite/{name}.sql");
    static CommandDefinition Command(string name, object parameters, CancellationToken ct) => new(Sql(name), parameters, cancellationToken: ct);
    static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
