using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using DuckDB.NET.Data;

namespace JourneyReports;

/// <summary>
/// The journey warehouse: opens connections and hands out the SQL of its dialect. Only DuckDB exists today; SQL Server
/// will be a second case in <see cref="OpenAsync"/> and a second folder under sql/warehouse.
/// A connection is opened per unit of work and closed after it, so the DuckDB file is only locked while something
/// actually runs (the server between jobs leaves it free for the CLI verbs).
/// </summary>
public sealed partial class Warehouse(WarehouseOptions options, JourneyOptions journey, string path)
{
    public string Dialect => options.Dialect;
    public string FilePath => path;
    public JourneyOptions Journey => journey;

    public static Warehouse From(JourneyReportsOptions options) =>
        new(options.Warehouse, options.Journey, options.ResolvePath(options.Warehouse.Path));

    public string Sql(string name) => SqlScripts.Load($"warehouse/{Dialect}/{name}.sql");

    /// <summary>Opens a connection with the schema applied and this configuration's stage map loaded.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (Dialect != "duckdb")
            throw new NotSupportedException($"Warehouse dialect '{Dialect}' is not available yet; use 'duckdb'.");

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new DuckDBConnection($"Data Source={path}");
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            await connection.DisposeAsync();
            var holder = HolderPid().Match(e.Message);
            throw new WarehouseBusyException(path, holder.Success ? $"PID {holder.Groups[1].Value}" : "lock held", e);
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql("schema"), cancellationToken: ct));
            await LoadStageMapAsync(connection, ct);
            await connection.ExecuteAsync(new CommandDefinition(Sql("journey_macros"), cancellationToken: ct));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // The stage map is configuration, so it lives in a per-connection temp table rather than in the warehouse.
    async Task LoadStageMapAsync(DbConnection connection, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(Sql("stage_map_create"), cancellationToken: ct));
        foreach (var (eventType, stage) in journey.EventStages())
        {
            var order = JourneyStages.OrderOf(stage);
            if (order == 0) throw new InvalidOperationException($"Journey:StageMap names an unknown stage '{stage}'. Stages are: {string.Join(", ", JourneyStages.InOrder)}.");
            await connection.ExecuteAsync(new CommandDefinition(Sql("stage_map_insert"), new { eventType, stage, order }, cancellationToken: ct));
        }
    }

    [GeneratedRegex(@"PID (\d+)")]
    private static partial Regex HolderPid();
}
