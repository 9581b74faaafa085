using System.Data.Common;
using JourneyReports.Warehouse;

namespace JourneyReports.Journeys;

/// <summary>
/// Analyst SQL datasets: one SELECT that reads only the journey model (<see cref="JourneyModel"/>), values only as its
/// named parameters. The warehouse's own parser checks that when a definition is loaded, and again before it runs.
/// </summary>
public static partial class AnalystSql
{
    internal static void AddParameters(IWarehouseProvider provider, DbCommand command, IEnumerable<string> used, DateTime start, DateTime end, JourneyFilter filter)
    {
        foreach (var name in used)
        {
            object? value = name switch
            {
                "start" => start,
                "end" => end,
                "persona" => filter.Persona,
                "segment" => filter.Segment,
                "region" => filter.Region,
                "channel" => filter.Channel,
                "device" => filter.Device,
                "department" => filter.Department,
                _ => throw new ArgumentException($"Unknown analyst parameter '{name}'."),
            };
            command.Parameters.Add(provider.Parameter(name, value));
        }
    }
}
