using System.Text.Json;

namespace JourneyReports.Journeys;

/// <summary>
/// The rows a person may see: for some report filters (department, region, ...), the only values allowed. Everything
/// they are sent or shown runs with those filters set, so the restriction is applied in the SQL the server sends — the
/// metric queries' filter parameters — and a request can only narrow it: a value outside it is refused, an absent or
/// cleared one becomes their own. No dimensions at all means all data (admins, analysts unless restricted).
/// </summary>
/// <remarks>
/// The metric queries take one value per filter, so a scope of several departments is seen one department at a time
/// (the first by default, the others by choosing them); "all of my departments" at once is not offered.
/// </remarks>
public sealed class DataScope
{
    public static readonly DataScope All = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Filter name → the values allowed, in the order given (the first is the default view).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Allowed { get; }

    DataScope(IReadOnlyDictionary<string, IReadOnlyList<string>> allowed) => Allowed = allowed;

    public bool IsAll => Allowed.Count == 0;

    /// <summary>A scope from filter names and values; the problems name the filter or value when any is wrong.</summary>
    public static (DataScope? Scope, IReadOnlyList<string> Errors) From(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> given)
    {
        var errors = new List<string>();
        var allowed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (rawName, rawValues) in given)
        {
            var name = rawName.Trim().ToLowerInvariant();
            if (!FilterNames.Contains(name))
            {
                errors.Add($"'{rawName}' is not a filter a scope can restrict (use one of: {string.Join(", ", FilterNames)})");
                continue;
            }
            var values = (rawValues ?? []).Select(v => v?.Trim() ?? "").ToList();
            if (values.Count == 0 || values.Any(v => v.Length == 0))
                errors.Add($"the scope's {name} needs at least one value, and no empty ones");
            else if (allowed.ContainsKey(name))
                errors.Add($"the scope names {name} twice");
            else
                allowed[name] = [.. values.Distinct(StringComparer.Ordinal)];
        }
        return errors.Count > 0 ? (null, errors) : (new DataScope(allowed), errors);
    }

    /// <summary>
    /// The scope as people write it on a command line or in a form: "department=Electronics,Toys; region=North", or
    /// "all" (or nothing) for all data.
    /// </summary>
    public static (DataScope? Scope, IReadOnlyList<string> Errors) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)) return (All, []);
        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pairs = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var part in parts)
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) return (null, [$"'{part}' is not filter=value[,value...] (e.g. department=Electronics)"]);
            pairs.Add(new(part[..eq], part[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries)));
        }
        return From(pairs);
    }

    /// <summary>As stored in the catalog: {"department":["Electronics"]}; "{}" for all data.</summary>
    public string ToJson() => JsonSerializer.Serialize(Allowed);

    /// <summary>The stored form back; a malformed one is no access at all rather than all data.</summary>
    public static DataScope FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return All;
        var parsed = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json) ?? throw new FormatException("a data scope must be a JSON object");
        var (scope, errors) = From(parsed.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Key, p.Value)));
        return scope ?? throw new FormatException(string.Join("; ", errors));
    }

    /// <summary>"department: Electronics, Toys · region: North", or "all data".</summary>
    public override string ToString() => IsAll ? "all data" : string.Join(" · ", Allowed.Select(a => $"{a.Key}: {string.Join(", ", a.Value)}"));

    /// <summary>
    /// The filter to run for this scope: each restricted filter keeps its value when the scope allows it; a value the
    /// person asked for (<paramref name="requested"/> says which filters they set themselves) outside the scope is
    /// refused, naming it; any other value — absent, cleared, a definition's or a subscription's default — becomes the
    /// scope's first.
    /// </summary>
    /// <param name="whose">Whose scope, in the refusal: "your" to the person asking, "ann@example.com's" of a recipient.</param>
    public (JourneyFilter? Filter, string? Refusal) Narrow(JourneyFilter filter, Func<string, string?> requested, string whose = "your")
    {
        var values = filter.ByName().ToDictionary(f => f.Name, f => f.Value);
        foreach (var (name, allowed) in Allowed)
        {
            if (requested(name) is { Length: > 0 } asked && !allowed.Contains(asked, StringComparer.Ordinal))
                return (null, $"{name} '{asked}' is outside {whose} data scope ({name}: {string.Join(", ", allowed)})");
            if (values[name] is not { } value || !allowed.Contains(value, StringComparer.Ordinal))
                values[name] = allowed[0];
        }
        return (new JourneyFilter(values["persona"], values["segment"], values["region"], values["channel"], values["device"], values["department"]), null);
    }

    /// <summary>Whether rows filtered this way are inside the scope: every restricted filter is set to an allowed value.</summary>
    public bool Covers(JourneyFilter filter) =>
        Allowed.All(a => filter.ByName().First(f => f.Name == a.Key).Value is { } v && a.Value.Contains(v, StringComparer.Ordinal));

    /// <summary>The filter names a scope can restrict: the report filters.</summary>
    public static readonly IReadOnlyList<string> FilterNames = [.. JourneyFilter.None.ByName().Select(f => f.Name)];
}
