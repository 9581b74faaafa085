using System.Data.Common;
using Dapper;

namespace JourneyReports.Warehouse;

/// <summary>
/// The warehouse holding the journey model: opens connections ready for the journey queries (the schema, this
/// configuration's stage map and the journey macros) and hands out the SQL of its provider's folder. A connection is
/// opened per unit of work and closed after it, so an embedded warehouse file is only held while something runs.
/// </summary>
public sealed class JourneyWarehouse(IWarehouseProvider provider, JourneyOptions journey, AnalystSqlOptions? analystSql = null)
{
    public IWarehouseProvider Provider => provider;
    public JourneyOptions Journey => journey;

    /// <summary>What one analyst query may cost on this warehouse (time, rows, size).</summary>
    public AnalystSqlOptions AnalystSql { get; } = analystSql ?? new();

    /// <summary>Where the warehouse is, for messages (its file, or its server and database).</summary>
    public string Location => provider.Location;

    /// <summary>Keeps this process's scheduled report runs and refreshes of the model apart (see <see cref="ModelGate"/>).</summary>
    public ModelGate Gate { get; } = new();

    public string Sql(string name) => SqlScripts.Load($"warehouse/{provider.Name}/{name}.sql");

    /// <summary>Opens a connection with the schema applied and this configuration's stage map loaded.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await provider.ConnectAsync(ct);
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
}
