using JourneyReports.Journeys;

namespace JourneyReports.Dashboards;

/// <summary>A definition with its parameters applied, narrowed to a person's data scope (see <see cref="DataScope.Narrow"/>).</summary>
public static class ScopedDefinition
{
    /// <summary>
    /// <paramref name="applied"/> with every filter the scope restricts set inside it; a refusal when the person asked
    /// (<paramref name="requested"/>) for a value outside it. The definition's own defaults never widen a scope.
    /// </summary>
    public static (DashboardDefinition? Definition, string? Refusal) Narrow(DashboardDefinition definition, DashboardDefinition applied, DataScope scope,
        Func<string, string?> requested)
    {
        if (scope.IsAll) return (applied, null);
        var (filter, refusal) = scope.Narrow(applied.Parameters.Filters.ToFilter(), requested);
        if (filter is null) return (null, refusal);
        var values = filter.ByName().ToDictionary(f => f.Name, f => f.Value ?? "");
        var (narrowed, errors) = ParameterOverrides.Read(name => values.TryGetValue(name, out var v) ? v : requested(name)).ApplyTo(definition);
        return narrowed is null ? (null, string.Join("; ", errors)) : (narrowed, null);
    }
}
