namespace JourneyReports;

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

    public override string ToString()
    {
        var parts = new[] { ("persona", Persona), ("segment", Segment), ("region", Region), ("channel", Channel), ("device", Device), ("department", Department) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1} = {p.Item2}").ToList();
        return parts.Count == 0 ? "all customers" : string.Join(", ", parts);
    }
}
