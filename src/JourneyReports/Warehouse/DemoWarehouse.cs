using Dapper;

namespace JourneyReports;

/// <summary>Fills the warehouse with generated demo data: on the server's first start, or on demand with the seed verb.</summary>
public static class DemoWarehouse
{
    /// <summary>Seeds when the warehouse has no data; returns null when it already had some.</summary>
    public static async Task<DemoSummary?> SeedIfEmptyAsync(Warehouse warehouse, DemoSpec spec, Action<string>? progress, CancellationToken ct)
    {
        await using var c = await warehouse.OpenAsync(ct);
        if (!await IsEmptyAsync(warehouse, c, ct)) return null;
        return await DemoGenerator.GenerateAsync(c, spec, progress, ct);
    }

    /// <summary>Seeds, replacing what is there only when <paramref name="replace"/> says so.</summary>
    public static async Task<DemoSummary> SeedAsync(Warehouse warehouse, DemoSpec spec, bool replace, Action<string>? progress, CancellationToken ct)
    {
        await using var c = await warehouse.OpenAsync(ct);
        if (!await IsEmptyAsync(warehouse, c, ct))
        {
            if (!replace)
                throw new InvalidOperationException($"The warehouse {warehouse.FilePath} already has data. Add --replace to delete it and generate demo data instead.");
            await c.ExecuteAsync(new CommandDefinition(warehouse.Sql("clear"), cancellationToken: ct));
        }
        return await DemoGenerator.GenerateAsync(c, spec, progress, ct);
    }

    static Task<bool> IsEmptyAsync(Warehouse warehouse, System.Data.Common.DbConnection c, CancellationToken ct) =>
        c.QuerySingleAsync<bool>(new CommandDefinition(warehouse.Sql("is_empty"), cancellationToken: ct));
}
