using System.Data.Common;
using Dapper;

namespace JourneyReports.Warehouse;

/// <summary>
/// Fills the warehouse with generated demo data: on the server's first start, or on demand with the seed verb.
/// Clearing and generating happen in one transaction, so an interrupted seed leaves the warehouse as it was.
/// </summary>
public static class DemoWarehouse
{
    /// <summary>Seeds when the warehouse has no data; returns null when it already had some.</summary>
    public static async Task<DemoSummary?> SeedIfEmptyAsync(JourneyWarehouse warehouse, DemoSpec spec, Action<string>? progress, CancellationToken ct)
    {
        WarehouseProviders.EnsureWritable(warehouse.Provider, "Demo data");
        await using var c = await warehouse.OpenAsync(ct);
        if (!await IsEmptyAsync(warehouse, c, ct)) return null;
        return await InTransactionAsync(c, () => DemoGenerator.GenerateAsync(warehouse, c, spec, progress, ct), ct);
    }

    /// <summary>Seeds, replacing what is there only when <paramref name="replace"/> says so.</summary>
    public static async Task<DemoSummary> SeedAsync(JourneyWarehouse warehouse, DemoSpec spec, bool replace, Action<string>? progress, CancellationToken ct)
    {
        WarehouseProviders.EnsureWritable(warehouse.Provider, "Demo data");
        await using var c = await warehouse.OpenAsync(ct);
        var empty = await IsEmptyAsync(warehouse, c, ct);
        if (!empty && !replace)
            throw new InvalidOperationException($"The warehouse {warehouse.Location} already has data. Add --replace to delete it and generate demo data instead.");
        return await InTransactionAsync(c, async () =>
        {
            if (!empty) await c.ExecuteAsync(new CommandDefinition(warehouse.Sql("clear"), cancellationToken: ct));
            return await DemoGenerator.GenerateAsync(warehouse, c, spec, progress, ct);
        }, ct);
    }

    static async Task<T> InTransactionAsync<T>(DbConnection c, Func<Task<T>> work, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition("BEGIN TRANSACTION", cancellationToken: ct));
        try
        {
            var result = await work();
            await c.ExecuteAsync(new CommandDefinition("COMMIT", cancellationToken: ct));
            return result;
        }
        catch
        {
            await c.ExecuteAsync("ROLLBACK");
            throw;
        }
    }

    static Task<bool> IsEmptyAsync(JourneyWarehouse warehouse, DbConnection c, CancellationToken ct) =>
        c.QuerySingleAsync<bool>(new CommandDefinition(warehouse.Sql("is_empty"), cancellationToken: ct));
}
