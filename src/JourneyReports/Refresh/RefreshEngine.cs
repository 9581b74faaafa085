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
/// Import mode's refresh (docs/refresh.md). First each query of the mapping runs on the source with its watermark bound
/// to @since, and its rows stream through a data reader into a staging table in the warehouse (the provider's bulk
/// writer, a batch at a time: never a whole table in memory); each batch goes through the CSV import's own model checks
/// (<see cref="TargetLoader"/>) into a pending table per target, shaped like the journey table. Then, in ONE warehouse
/// transaction, the pending rows replace those of the same keys in the model (on a full refresh, the whole tables) and
/// the new watermarks are recorded. Nothing of the model changes before that transaction, and a failure anywhere (the
/// source down or failing half-way, too many rejected rows, cancellation) leaves it exactly as it was.
/// </summary>
public static partial class RefreshEngine
{
    /// <summary>Rows staged and checked at a time: enough that each batch's statements cost little, few enough that a
    /// batch's text stays tens of megabytes.</summary>
    public const int DefaultBatchRows = 100_000;

    /// <param name="full">Every query reads everything (@since NULL) and every table the mapping fills is emptied first,
    /// so rows deleted at the source go too; otherwise each query reads from its last watermark less the look-back.</param>
    /// <param name="progress">Told after every batch staged, every query read and every query applied to the model (inside
    /// the transaction: nothing is visible to other connections until the refresh commits).</param>
    public static async Task<RefreshResult> RunAsync(JourneyWarehouse warehouse, RefreshSource source, bool full, string rejectsPath,
        Action<RefreshProgress>? progress, CancellationToken ct, int batchRows = DefaultBatchRows, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        WarehouseProviders.EnsureWritable(warehouse.Provider, "An Import-mode refresh");
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

        // Per query and target, the checked rows waiting to be applied; made here, dropped whatever happens.
        var pending = mapping.Queries.Select((q, i) => q.Targets.Select((t, j) => $"refresh_pending_{i + 1}_{j + 1}").ToList()).ToList();
        try
        {
            var queries = new List<QueryResult>();
            using (var rejects = OpenRejects(rejectsPath))
                for (var i = 0; i < mapping.Queries.Count; i++)
                {
                    var query = mapping.Queries[i];
                    for (var j = 0; j < query.Targets.Count; j++)
                        await db.ExecuteAsync(new CommandDefinition(warehouse.Sql("refresh_pending_create").Replace("{pending}", pending[i][j])
                            .Replace("{table}", Whitelisted(query.Targets[j].Table)), cancellationToken: ct));
                    // A watermark is in the source's own terms (its clock, its zone): it is only ever handed back to the source.
                    var since = query.Watermark is null ? null : watermarks.GetValueOrDefault(query.Name) - mapping.LookBack(query);
                    queries.Add(await new QueryRun(db, warehouse, src, source, query, since, pending[i], rejects, progress, batchRows).RunAsync(ct));
                    progress?.Invoke(new RefreshProgress(query.Name, queries[^1].RowsRead, RefreshStep.Read));
                }
            await ApplyAsync(db, warehouse, refresh, source, full, queries, watermarks, pending, progress, (time ?? TimeProvider.System).GetUtcNow().UtcDateTime, ct);
            return new RefreshResult(source.Name, source.Location, full, queries, Path.GetFullPath(rejectsPath), clock.Elapsed);
        }
        finally
        {
            foreach (var table in pending.SelectMany(p => p))
            {
                // Never in place of the refresh's own error: a pending table left behind is replaced by the next refresh.
                try { await db.ExecuteAsync(new CommandDefinition(warehouse.Sql("refresh_pending_drop").Replace("{pending}", table), cancellationToken: CancellationToken.None)); }
                catch (DbException) { }
            }
        }
    }

    /// <summary>The one transaction: the pending rows replace the model's (by key, or whole tables on a full refresh), with the new watermarks.</summary>
    static async Task ApplyAsync(DbConnection db, JourneyWarehouse warehouse, ModelGate.Refresh refresh, RefreshSource source, bool full,
        IReadOnlyList<QueryResult> queries, Dictionary<string, DateTime?> watermarks, IReadOnlyList<IReadOnlyList<string>> pending,
        Action<RefreshProgress>? progress, DateTime now, CancellationToken ct)
    {
        var mapping = source.Mapping;
        await db.ExecuteAsync(new CommandDefinition("BEGIN TRANSACTION", cancellationToken: ct));
        try
        {
            // Tables a full refresh has just emptied: their first load needs no delete by key (a join over millions of rows).
            var empty = new HashSet<string>();
            if (full)
                foreach (var table in mapping.Queries.SelectMany(q => q.Targets).Select(t => t.Table).Distinct())
                {
                    await db.ExecuteAsync(new CommandDefinition(warehouse.Sql("refresh_clear").Replace("{table}", Whitelisted(table)), cancellationToken: ct));
                    empty.Add(table);
                }
            for (var i = 0; i < mapping.Queries.Count; i++)
            {
                var query = mapping.Queries[i];
                for (var j = 0; j < query.Targets.Count; j++)
                {
                    // The import's own replace-by-key, from the pending table into the journey table.
                    var target = query.Targets[j];
                    var table = Whitelisted(target.Table);
                    var columns = string.Join(", ", ImportModel.Tables[table].Where(f => target.Fields.ContainsKey(f.Name)).Select(f => f.Name));
                    if (!empty.Remove(table))
                        await db.ExecuteAsync(new CommandDefinition(warehouse.Sql("import_target_delete").Replace("{target}", table).Replace("{good}", pending[i][j])
                            .Replace("{match}", string.Join(" AND ", target.Key.Select(k => $"{table}.{k} = g.{k}"))), cancellationToken: ct));
                    await db.ExecuteAsync(new CommandDefinition(warehouse.Sql("import_target_insert").Replace("{target}", table).Replace("{good}", pending[i][j])
                        .Replace("{columns}", columns), cancellationToken: ct));
                }
                await db.ExecuteAsync(new CommandDefinition(warehouse.Sql("refresh_watermark_set"), new
                {
                    source = source.Name, query = query.Name, watermark = queries[i].Watermark ?? watermarks.GetValueOrDefault(query.Name),
                    refreshed_at = now, rows = queries[i].RowsRead,
                }, cancellationToken: ct));
                progress?.Invoke(new RefreshProgress(query.Name, queries[i].RowsRead, RefreshStep.Applied));
            }
            // Reports already reading finish on the model they started with; only then does the new one appear.
            await refresh.ReadersGoneAsync(ct);
            await db.ExecuteAsync(new CommandDefinition("COMMIT", cancellationToken: ct));
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

public enum RefreshStep
{
    /// <summary>A batch of the query's rows was staged and checked (the model is untouched).</summary>
    Staged,
    /// <summary>The query has been read to its end (the model is untouched).</summary>
    Read,
    /// <summary>The query's rows are in the model, inside the refresh's transaction: not yet visible to anyone else.</summary>
    Applied,
}

/// <summary>Where a refresh is: <paramref name="Query"/> has had <paramref name="RowsRead"/> rows read, and taken <paramref name="Step"/>.</summary>
public sealed record RefreshProgress(string Query, long RowsRead, RefreshStep Step);

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
