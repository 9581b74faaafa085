using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using JourneyReports.Import;
using JourneyReports.Warehouse;

namespace JourneyReports.Refresh;

public static partial class RefreshEngine
{
    /// <summary>
    /// One query of a refresh: read from the source, staged a batch at a time, each batch checked into the pending table
    /// of each target (<paramref name="pending"/>, in the targets' order). Outside any transaction, so each batch's
    /// staging tables are let go as soon as the next replaces them.
    /// </summary>
    sealed class QueryRun(DbConnection db, JourneyWarehouse warehouse, DbConnection src, RefreshSource source, RefreshQuery query, DateTime? since,
        IReadOnlyList<string> pending, RejectsFile.Writer rejects, Action<RefreshProgress>? progress, int batchRows)
    {
        const string Stage = "refresh_stage";
        readonly string where = $"source '{source.Name}', query '{query.Name}'";
        readonly TimeZoneInfo zone = TimeZones.Find(source.Mapping.TimeZone ?? "UTC");
        readonly Dictionary<string, (long Loaded, long Rejected, long Merged)> tables = [];
        readonly Dictionary<string, long> failedKinds = [];
        long failed, leftOut;
        StagedFile staged = null!;

        public async Task<QueryResult> RunAsync(CancellationToken ct)
        {
            var clock = Stopwatch.StartNew();
            await using var command = src.CreateCommand();
            command.CommandText = query.Sql;
            // No per-command limit: a big first read may take long to start; the refresh's own time limit stops it.
            command.CommandTimeout = 0;
            if (query.Watermark is not null)
            {
                var p = command.CreateParameter();
                p.ParameterName = "@" + RefreshMapping.SinceParameter;
                p.DbType = DbType.DateTime2;   // SQL Server's datetime would lose precision (and starts in 1753)
                p.Value = since is { } s ? s : DBNull.Value;
                command.Parameters.Add(p);
            }
            await using var reader = await Source(() => command.ExecuteReaderAsync(ct), 0, ct);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            if (columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new RefreshException($"{where}: the query returns two columns named '{twice.Key}'; give each its own name (AS ...).");
            var watermark = query.Watermark is null ? -1 : columns.FindIndex(c => string.Equals(c, query.Watermark, StringComparison.OrdinalIgnoreCase));
            if (query.Watermark is not null && watermark < 0)
                throw new RefreshException($"{where}: its watermark column '{query.Watermark}' is not among the columns it returns ({string.Join(", ", columns)}).");
            staged = new StagedFile
            {
                Path = where, ReadPath = where, Source = Stage, Columns = columns, Rows = 0, Rejects = [],
                Csv = new CsvOptions(",", true, "\"", source.Mapping.TimestampFormat ?? RefreshMapping.StagedTimestampFormat, source.Mapping.TimeZone ?? "UTC"),
            };

            var create = warehouse.Sql("refresh_stage").Replace("{table}", Stage)
                .Replace("{columns}", string.Join(", ", columns.Select((_, i) => $"c{i + 1} VARCHAR")));
            long rows = 0, inBatch = 0;
            DateTime? highest = null;
            await db.ExecuteAsync(new CommandDefinition(create, cancellationToken: ct));
            var writer = warehouse.Provider.BulkWriter(db, Stage);
            try
            {
                var values = new object?[columns.Count];
                while (await Source(() => reader.ReadAsync(ct), rows, ct))
                {
                    rows++;
                    for (var i = 0; i < values.Length; i++) values[i] = Value(reader, i, columns[i], rows);
                    var row = writer.Row().Add(rows);
                    foreach (var value in values) row.Add(Text(value));
                    row.End();
                    if (watermark >= 0 && WatermarkOf(values[watermark], columns[watermark], rows) is { } w && (highest is null || w > highest)) highest = w;
                    if (++inBatch < batchRows) continue;
                    writer.Dispose();
                    await LoadBatchAsync(inBatch, ct);
                    await db.ExecuteAsync(new CommandDefinition(create, cancellationToken: ct));
                    writer = warehouse.Provider.BulkWriter(db, Stage);
                    inBatch = 0;
                    progress?.Invoke(new RefreshProgress(query.Name, rows, RefreshStep.Staged));
                }
            }
            finally
            {
                writer.Dispose();
            }
            if (inBatch > 0) await LoadBatchAsync(inBatch, ct);
            if (TooManyRejected(rows) is { } problem) throw new RefreshException(problem);
            var targets = query.Targets.Select(t => tables.TryGetValue(t.Table, out var c) ? new TargetResult(t.Table, c.Loaded, c.Rejected, c.Merged)
                : new TargetResult(t.Table, 0, 0, 0)).ToList();
            return new QueryResult(query.Name, since, highest, rows, targets, clock.Elapsed);
        }

        /// <summary>The staged batch through every target: typed and checked, replaced by key in its pending table; rejects to the file.</summary>
        async Task LoadBatchAsync(long rows, CancellationToken ct)
        {
            staged = staged with { Rows = rows };
            for (var t = 0; t < query.Targets.Count; t++)
            {
                var target = query.Targets[t];
                var (result, bad) = await TargetLoader.LoadAsync(db, warehouse, staged, target, new Dictionary<string, string>(), $"refresh_t{t + 1}", ct, pending[t]);
                var sum = tables.GetValueOrDefault(target.Table);
                tables[target.Table] = (sum.Loaded + result.Loaded, sum.Rejected + result.Rejected, sum.Merged + result.Merged);
                foreach (var r in bad)
                {
                    rejects.Add(new ImportReject(where, null, r.Record, target.Table, r.Reason, r.Content, r.Kind));
                    if (t > 0) continue;
                    // As in the CSV import: the main (first) table's rejects count against the share, "require" leaving a row out does not.
                    if (r.LeftOut) leftOut++;
                    else { failed++; failedKinds[r.Kind] = failedKinds.GetValueOrDefault(r.Kind) + 1; }
                }
            }
        }

        string? TooManyRejected(long rows)
        {
            var limit = source.Mapping.RejectedShare(query);
            var total = rows - leftOut;
            if (failed == 0 || failed <= limit * total) return null;
            var top = failedKinds.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).Take(3).Select(k => $"{k.Key} ({k.Value:N0})");
            return $"{where}: {failed:N0} of its {total:N0} rows were rejected ({Percent((double)failed / total)}), more than the {Percent(limit)} allowed. "
                + $"Top reasons: {string.Join(", ", top)}. Nothing was refreshed; every rejected row and why is in {rejects.Path}. "
                + "If rejects like these are expected, raise \"maxRejectedShare\" on the query in the mapping.";
        }

        /// <summary>Runs a step against the source; its failure names the source, the query and how far it had read.</summary>
        async Task<T> Source<T>(Func<Task<T>> step, long rowsRead, CancellationToken ct)
        {
            try { return await step(); }
            // SqlClient reports a cancelled command as an error of its own; it is a cancellation all the same.
            catch (DbException) when (ct.IsCancellationRequested) { throw new OperationCanceledException(ct); }
            catch (Exception e) when (e is DbException or InvalidOperationException && e is not RefreshException)
            {
                var after = rowsRead == 0 ? "" : $" after {rowsRead:N0} rows";
                throw new RefreshException($"{where} ({source.Location}) failed{after}: {e.Message}", e);
            }
        }

        object? Value(DbDataReader reader, int i, string column, long row)
        {
            try { return reader.GetValue(i); }
            catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException or DbException)
            {
                throw new RefreshException($"{where}: row {row:N0}, column '{column}' cannot be read: {e.Message}", e);
            }
        }

        DateTime? WatermarkOf(object? value, string column, long row) => value switch
        {
            DBNull or null => null,
            DateTime d => d,
            DateTimeOffset o => o.DateTime,
            string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) => parsed,
            _ => throw new RefreshException($"{where}: row {row:N0} has watermark {column} = '{value}', which is not a date-time."),
        };

        /// <summary>
        /// A source value as the text the mapping's expressions work on (as a CSV field would be): invariant numbers,
        /// date-times in <see cref="RefreshMapping.StagedTimestampFormat"/> in the mapping's zone, true/false; an
        /// empty string is NULL, as an empty CSV field is.
        /// </summary>
        string? Text(object? value) => value switch
        {
            null or DBNull => null,
            string s => s.Length == 0 ? null : s,
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            DateTimeOffset o => TimeZoneInfo.ConvertTime(o, zone).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            byte[] bytes => Convert.ToHexString(bytes),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

        static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }
}
