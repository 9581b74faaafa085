using JourneyReports.Journeys;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>One slicer: a filter, whether "all" may be chosen, the values offered, and the one in use (null for all).</summary>
public sealed record FilterPicker(string Name, string Label, bool OffersAll, IReadOnlyList<string> Values, string? Selected);

/// <summary>
/// The values the dashboard slicers offer: every value each filter takes in the warehouse, read once per data version
/// (an import or a seed changes it), then cut to a person's data scope. A scoped filter offers only the scope's values
/// and no "all" (which would be refused); any other offers "all" and every value.
/// </summary>
public sealed class FilterChoices(JourneyWarehouse warehouse, ILogger<FilterChoices> log)
{
    readonly SemaphoreSlim loading = new(1, 1);
    (string Version, IReadOnlyDictionary<string, IReadOnlySet<string>> Values)? cached;

    /// <summary>Every value of every filter, or null while another process holds the warehouse (the slicers then offer only what is in use).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>?> ValuesAsync(CancellationToken ct)
    {
        var version = warehouse.Provider.DataVersion;
        if (cached is { } hit && hit.Version == version) return hit.Values;
        await loading.WaitAsync(ct);
        try
        {
            if (cached is { } again && again.Version == version) return again.Values;
            await using var connection = await warehouse.OpenAsync(ct);
            var values = await FilterValues.LoadAsync(warehouse, connection, ct);
            // Keyed by the version read before loading: data changed meanwhile makes the next request load again.
            cached = (version, values);
            return values;
        }
        catch (WarehouseBusyException e)
        {
            log.LogWarning("Filter values not read: {Problem}", e.Message);
            return null;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>The slicers for <paramref name="scope"/>, each showing <paramref name="selected"/>'s value for it.</summary>
    public static IReadOnlyList<FilterPicker> Pickers(DataScope scope, IReadOnlyDictionary<string, IReadOnlySet<string>>? values, Func<string, string?> selected) =>
    [
        .. DataScope.FilterNames.Select(name =>
        {
            var current = selected(name) is { Length: > 0 } v ? v : null;
            if (scope.Allowed.TryGetValue(name, out var allowed))
                return new FilterPicker(name, Label(name), false, allowed, current is not null && allowed.Contains(current) ? current : allowed[0]);
            var known = values?.GetValueOrDefault(name) ?? new HashSet<string>();
            // A value the warehouse does not have (a typo in a link, a persona with no customers yet) stays visible as chosen.
            IEnumerable<string> offered = current is null || known.Contains(current) ? known : known.Append(current);
            return new FilterPicker(name, Label(name), true, [.. offered.Order(StringComparer.Ordinal)], current);
        }),
    ];

    /// <summary>"time-zone" → "Time zone".</summary>
    public static string Label(string slug) => char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');
}
