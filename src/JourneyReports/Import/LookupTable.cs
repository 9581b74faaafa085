using System.Data.Common;
using Dapper;
using JourneyReports.Warehouse;

namespace JourneyReports.Import;

/// <summary>A mapping's lookup as a temp table (k, v): one row per key, aggregated as the mapping says.</summary>
public static class LookupTable
{
    public static async Task<string> CreateAsync(DbConnection db, JourneyWarehouse warehouse, StagedFile file, string name, ImportLookup lookup,
        IReadOnlyDictionary<string, string> earlier, string table, CancellationToken ct)
    {
        var where = $"lookup '{name}' ({file.Path})";
        var p = new DynamicParameters();
        var expressions = new ImportExpression(file, p, earlier, where);
        var value = expressions.Compile(lookup.Value);
        var key = file.Column(lookup.Key, where);
        var aggregate = (lookup.Aggregate ?? "first") switch
        {
            "first" => "arg_min(v, rec)",
            "last" => "arg_max(v, rec)",
            "min" => "min(v)",
            "max" => "max(v)",
            "sum" => "CAST(sum(TRY_CAST(v AS DECIMAL(18, 4))) AS VARCHAR)",
            "avg" => "CAST(CAST(avg(TRY_CAST(v AS DECIMAL(18, 4))) AS DECIMAL(18, 4)) AS VARCHAR)",
            _ => "CAST(count(v) AS VARCHAR)",
        };
        var sql = warehouse.Sql("import_lookup").Replace("{table}", table).Replace("{source}", file.Source)
            .Replace("{key}", key).Replace("{value}", value).Replace("{aggregate}", aggregate);
        try { await db.ExecuteAsync(new CommandDefinition(sql, file.With(p), cancellationToken: ct)); }
        catch (DbException e) { throw new ImportException($"{where}: {e.Message.Split('\n')[0]}", e); }
        return table;
    }
}
