namespace JourneyReports.Journeys;

/// <summary>
/// Report filters. Every journey query takes all of them as parameters (NULL = all), so a filter set here reaches
/// the warehouse as data and is never spliced into SQL.
/// </summary>
public sealed record JourneyFilter(
    string? Persona = null,
    string? Segment = null,
    string? Region = null,
    string? Channel = null,
    string? Device = null,
    string? Department = null)
{
    public static readonly JourneyFilter None = new();

    /// <summary>The six filters by the names people use for them (query string, command line, headers), unset ones as null.</summary>
    public IReadOnlyList<(string Name, string? Value)> ByName() =>
        [("persona", Persona), ("segment", Segment), ("region", Region), ("channel", Channel), ("device", Device), ("department", Department)];

    /// <summary>"Filters: none (all customers)" or "Filters: persona: Loyal regular · channel: email", as dashboard headers and workbooks write it.</summary>
    public string Line()
    {
        var set = ByName().Where(x => !string.IsNullOrEmpty(x.Value)).Select(x => $"{x.Name}: {x.Value}").ToList();
        return set.Count == 0 ? "Filters: none (all customers)" : "Filters: " + string.Join(" · ", set);
    }

    public override string ToString()
    {
        var parts = ByName().Where(p => p.Value is not null).Select(p => $"{p.Name} = {p.Value}").ToList();
        return parts.Count == 0 ? "all customers" : string.Join(", ", parts);
    }
}
