using System.Data.Common;
using Dapper;
using JourneyReports.Warehouse;

namespace JourneyReports.Import;

/// <summary>DuckDB's memory limit lowered for a bulk job and put back as it was when disposed.</summary>
public sealed class MemoryLimit : IAsyncDisposable
{
    readonly DbConnection db;
    readonly JourneyWarehouse warehouse;
    readonly string previous;

    MemoryLimit(DbConnection db, JourneyWarehouse warehouse, string previous) => (this.db, this.warehouse, this.previous) = (db, warehouse, previous);

    public static async Task<MemoryLimit> SetAsync(DbConnection db, JourneyWarehouse warehouse, string limit, CancellationToken ct)
    {
        // SET takes no parameters: only a validated size reaches it.
        if (!WarehouseOptions.IsMemorySize(limit)) throw new ArgumentException($"'{limit}' is not a memory size like 256MB, 2GB or 25%.", nameof(limit));
        var previous = await db.ExecuteScalarAsync<string>(new CommandDefinition(warehouse.Sql("memory_limit_get"), cancellationToken: ct)) ?? "80%";
        await db.ExecuteAsync(new CommandDefinition(warehouse.Sql("memory_limit_set").Replace("{limit}", limit), cancellationToken: ct));
        return new MemoryLimit(db, warehouse, previous);
    }

    public async ValueTask DisposeAsync()
    {
        if (WarehouseOptions.IsMemorySize(previous.Replace(" ", "")))
            await db.ExecuteAsync(warehouse.Sql("memory_limit_set").Replace("{limit}", previous.Replace(" ", "")));
        else
            await db.ExecuteAsync(warehouse.Sql("memory_limit_reset"));
    }
}
