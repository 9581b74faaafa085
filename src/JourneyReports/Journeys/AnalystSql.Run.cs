using System.Data.Common;
using JourneyReports.Warehouse;

namespace JourneyReports.Journeys;

/// <summary>An analyst query's rows, at most the cap; Truncated says more existed.</summary>
public sealed record AnalystResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated);

public static partial class AnalystSql
{
    /// <summary>
    /// Runs a checked query on an open warehouse connection. An embedded DuckDB cannot make one query read-only on a file
    /// opened read-write, so read-only is enforced by what can reach here: the query is checked again (one SELECT over the
    /// model only), the parser's own printout of it is what runs, nested as a subquery (a nested statement cannot be
    /// anything but a query), values arrive only as parameters, and the connection is locked down first
    /// (<see cref="IWarehouseProvider.AnalystCommandAsync"/>). What it may cost is bounded by <paramref name="limits"/>:
    /// past its time it is stopped (<see cref="TimeoutException"/>), a result past its size is refused
    /// (<see cref="InvalidOperationException"/>), past its rows it is cut; <paramref name="ct"/> stops it too.
    /// </summary>
    /// <param name="restriction">A data scope's filters: the query reads only their rows (see <see cref="IWarehouseProvider.RestrictAsync"/>).</param>
    public static async Task<AnalystResult> RunAsync(IWarehouseProvider provider, DbConnection connection, string sql, ReportPeriod period, JourneyFilter filter,
        AnalystSqlOptions? limits = null, CancellationToken ct = default, JourneyFilter? restriction = null)
    {
        limits ??= new();
        var check = provider.CheckAnalystSql(sql);
        if (!check.Passed) throw new InvalidOperationException($"The analyst query was rejected: {string.Join("; ", check.Problems)}");
        await using var restricted = restriction is null || restriction == JourneyFilter.None ? null : await provider.RestrictAsync(connection,
            restriction.ByName().Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value!), ct);
        await using var command = await provider.AnalystCommandAsync(connection, ct);
        command.CommandText = provider.Limited(check.NormalizedSql, limits.MaxRows + 1);
        AddParameters(provider, command, check.Parameters, period.StartUtc, period.EndUtc, filter);
        using var watchdog = new Watchdog(command, TimeSpan.FromSeconds(limits.TimeoutSeconds), ct);
        try
        {
            return await ReadAsync(command, limits, ct);
        }
        catch (Exception e) when (watchdog.Fired)
        {
            // Whatever the interrupted engine threw (DuckDB.NET: OperationCanceledException), say why it was stopped.
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"the query ran for more than the {limits.TimeoutSeconds} s allowed and was stopped", e);
        }
    }

    static async Task<AnalystResult> ReadAsync(DbCommand command, AnalystSqlOptions limits, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        var size = new ResultSize(limits.MaxResultMegabytes);
        while (await reader.ReadAsync(ct))
        {
            if (rows.Count == limits.MaxRows) return new AnalystResult(columns, rows, Truncated: true);
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            for (var i = 0; i < row.Length; i++) if (row[i] is DBNull) row[i] = null;
            size.Add(row, rows.Count + 1);
            rows.Add(row);
        }
        return new AnalystResult(columns, rows, Truncated: false);
    }
}
