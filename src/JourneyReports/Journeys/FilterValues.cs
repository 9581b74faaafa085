using System.Data.Common;
using Dapper;
using JourneyReports.Warehouse;

namespace JourneyReports.Journeys;

/// <summary>The values each report filter can take in the warehouse (persona → the personas there are, ...): what a slice may name.</summary>
public static class FilterValues
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> LoadAsync(JourneyWarehouse warehouse, DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<(string Name, string Value)>(new CommandDefinition(warehouse.Sql("filter_values"), cancellationToken: ct)))
            .GroupBy(v => v.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(v => v.Value).ToHashSet(StringComparer.Ordinal));
}
