using System.Data.Common;
using JourneyReports.Warehouse;

namespace JourneyReports.Journeys;

/// <summary>An analyst query's rows, at most the cap; Truncated says more existed.</summary>
public sealed record AnalystResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated);

public static partial class AnalystSql
{
    public const int DefaultRowCap = 100_000;

    /// <summary>
    /// Runs a checked query on an open warehouse connection. An embedded DuckDB cannot make one query read-only on a file
    /// opened read-write, so read-only is enforced by what can reach here: the query is checked again (one SELECT over the
    /// model only), the parser's own printout of it is what runs, nested as a subquery (a nested statement cannot be
    /// anything but a query), values arrive only as parameters, and the cap and timeout bound what it can cost.
    /// </summary>
    public static async Task<AnalystResult> RunAsync(IWarehouseProvider provider, DbConnection connection, string sql, ReportPeriod period, JourneyFilter filter,
        int rowCap = DefaultRowCap, int timeoutSeconds = 120, CancellationToken ct = default)
    {
        var check = provider.CheckAnalystSql(sql);
        if (!check.Passed) throw new InvalidOperationException($"The analyst query was rejected: {string.Join("; ", check.Problems)}");
        await using var command = await provider.AnalystCommandAsync(connection, ct);
        command.CommandText = Wrapped(check.NormalizedSql, rowCap + 1);
        command.CommandTimeout = timeoutSeconds;
        AddParameters(provider, command, check.Parameters, period.StartUtc, period.EndUtc, filter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        var truncated = false;
        while (await reader.ReadAsync(ct))
        {
            if (rows.Count == rowCap) { truncated = true; break; }
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            for (var i = 0; i < row.Length; i++) if (row[i] is DBNull) row[i] = null;
            rows.Add(row);
        }
        return new AnalystResult(columns, rows, truncated);
    }
}
