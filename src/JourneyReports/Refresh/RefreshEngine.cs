using System.Data.Common;
using System.Diagnostics;
using Dapper;
using JourneyReports.Import;
using JourneyReports.Warehouse;

namespace JourneyReports.Refresh;

/// <summary>A source to refresh from: its name (watermarks are kept under it), mapping and connection string.</summary>
public sealed record RefreshSource(string Name, RefreshMapping Mapping, string ConnectionString)
{
    /// <summary>The server and database (or file), never the rest of the connection string.</summary>
    public string Location => SourceDialects.Location(Mapping.Dialect, ConnectionString);
}

/// <summary>
/// Import mode's refresh (docs/refresh.md): each query of the mapping runs on the source with its watermark bound to
/// @since, its rows stream through a data reader into a staging table in the warehouse (the provider's bulk writer, a
/// batch at a time: never a whole table in memory), and each batch goes through the CSV import's own model checks and
/// replace-by-key (<see cref="TargetLoader"/>). Everything, the new watermarks included, is one warehouse transaction:
/// a failure anywhere (the source down or failing half-way, too many rejected rows, cancellation) rolls it back and
/// the model stays exactly as it was.
/// </summary>
public static partial class RefreshEngine
{
    /// <summary>Rows staged and loaded at a time: enough that each batch's statements cost little, few enough that a
    /// batch's text stays tens of megabytes.</summary>
    public const int DefaultBatchRows = 100_000;

    /// <param name="full">Every query reads everything (@since NULL) and every table the mapping fills is emptied first,
    /// so rows deleted at the source go too; otherwise each query reads from its last watermark less the look-back.</param>
    /// <param name="progress">Told after every batch and every query, inside the transaction (nothing is visible to
    /// other connections until the refresh commits).</param>
    public static async Task<RefreshResult> RunAsync(JourneyWarehouse warehouse, RefreshSource source, bool full, string rejectsPath,
        Action<RefreshProgress>? progress, CancellationToken ct, int batchRows = DefaultBatchRows, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        var clock = Stopwatch.StartNew();
        var mapping = source.Mapping;
        // Announced before anything is read: report runs arriving from now on wait for the fresh model.
        using var refresh = await warehouse.Gate.RefreshAsync(ct);
        await using var db = await warehouse.OpenAsync(ct);
        var watermarks = full ? new Dictionary<string, DateTime?>()
            : (await db.QueryAsync<(string Query, DateTime? Watermark)>(new CommandDefinition(warehouse.Sql("refresh_watermarks"), new { source = source.Name }, cancellationToken: ct)))
                .ToDictionary(w => w.Query, w => w.Watermark);

        await using var src = SourceDialects.Factory(mapping.Dialect).CreateConnection()!;
        src.ConnectionString = source.ConnectionString;
        try { await src.OpenAsync(ct); }
        catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException)
        {
            throw new RefreshException($"Cannot connect to source '{source.Name}' ({source.Location}): {e.Message}", e);
        }

        using var rejects = OpenRejects(rejectsPath);
        await db.ExecuteAsync(new CommandDefinition("BEGIN TRANSACTION", cancellationToken: ct));
        try
        {
            if (full)
                foreach (var table in mapping.Queries.SelectMany(q => q.Targets).Select(t => t.Table).Distinct())
                    await db.ExecuteAsync(new CommandDefinition(warehouse.Sql("refresh_clear").Replace("{table}", Whitelisted(table)), cancellationToken: ct));
            var queries = new List<QueryResult>();
            foreach (var query in mapping.Queries)
            {
                // A watermark is in the source's own terms (its clock, its zone): it is only ever handed back to the source.
                var since = query.Watermark is null ? null : watermarks.GetValueOrDefault(query.Name) - mapping.LookBack(query);
                var run = new QueryRun(db, warehouse, src, source, query, since, rejects, progress, batchRows);
                var result = await run.RunAsync(ct);
                queries.Add(result);
                await db.ExecuteAsync(new CommandDefinition(warehouse.Sql("refresh_watermark_set"), new
                {
                    source = source.Name, query = query.Name, watermark = result.Watermark ?? watermarks.GetValueOrDefault(query.Name),
                    refreshed_at = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime, rows = result.RowsRead,
                }, cancellationToken: ct));
                progress?.Invoke(new RefreshProgress(query.Name, result.RowsRead, QueryDone: true));
            }
            // Reports already reading finish on the model they started with; only then does the new one appear.
            await refresh.ReadersGoneAsync(ct);
            await db.ExecuteAsync(new CommandDefinition("COMMIT", cancellationToken: ct));
            return new RefreshResult(source.Name, source.Location, full, queries, Path.GetFullPath(rejectsPath), clock.Elapsed);
        }
        catch
        {
            await db.ExecuteAsync(new CommandDefinition("ROLLBACK", cancellationToken: CancellationToken.None));
            throw;
        }
    }

    static RejectsFile.Writer OpenRejects(string path)
    {
        try { return RejectsFile.Create(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RefreshException($"Cannot write the rejects file {path}: {e.Message}", e);
        }
    }

    /// <summary>A journey table's name, checked against the model: the only names a refresh writes into SQL.</summary>
    static string Whitelisted(string table) =>
        ImportModel.Tables.ContainsKey(table) ? table : throw new RefreshException($"'{table}' is not a journey table.");
}

/// <summary>Where a refresh is: a batch of <paramref name="Query"/> loaded (<paramref name="RowsRead"/> so far), or the query done.</summary>
public sealed record RefreshProgress(string Query, long RowsRead, bool QueryDone);

/// <summary>What a refresh did, per query; <see cref="RejectsPath"/> lists every rejected row and why.</summary>
public sealed record RefreshResult(string Source, string Location, bool Full, IReadOnlyList<QueryResult> Queries, string RejectsPath, TimeSpan Elapsed)
{
    public long RowsRead => Queries.Sum(q => q.RowsRead);
    public long Rejected => Queries.Sum(q => q.Targets.Sum(t => t.Rejected));
}

/// <summary>
/// One query: the @since it was given (null: everything), the largest watermark it read (null: no row), rows read, and
/// per table rows loaded, rejected and merged (rows of one key in the result).
/// </summary>
public sealed record QueryResult(string Query, DateTime? Since, DateTime? Watermark, long RowsRead, IReadOnlyList<TargetResult> Targets, TimeSpan Elapsed);
