namespace JourneyReports.Dashboards;

/// <summary>
/// Parameters a person sets when running a dashboard (command-line options, the web page's query string); those left
/// null keep the definition's defaults. A period is a relative range name, or From and To as local dates.
/// </summary>
public sealed record ParameterOverrides(
    string? Period = null, string? From = null, string? To = null, string? Comparison = null, string? TimeZone = null,
    string? Persona = null, string? Segment = null, string? Channel = null, string? Device = null, string? Department = null, string? Region = null)
{
    /// <summary>The names people use for each override (as command-line options and query-string keys).</summary>
    public static readonly IReadOnlyList<string> Names = ["period", "from", "to", "compare", "tz", .. DashboardFilters.Names];

    /// <summary>
    /// Builds overrides from name → value pairs (see <see cref="Names"/>). A blank period, date, comparison or time zone
    /// counts as absent (the form sends empty dates beside a named period); a filter given blank means "all customers",
    /// clearing a filter the definition sets.
    /// </summary>
    public static ParameterOverrides Read(Func<string, string?> value)
    {
        string? V(string name) => string.IsNullOrWhiteSpace(value(name)) ? null : value(name)!.Trim();
        var f = DashboardFilters.Read(name => value(name)?.Trim());
        return new(V("period"), V("from"), V("to"), V("compare"), V("tz"), f.Persona, f.Segment, f.Channel, f.Device, f.Department, f.Region);
    }

    /// <summary>Null keeps the definition's filter, empty clears it, anything else replaces it.</summary>
    static string? Filter(string? given, string? definition) => given is null ? definition : given.Length == 0 ? null : given;

    /// <summary>
    /// The definition with these parameters applied, checked as a definition's own parameters are; the problems (each
    /// naming the value) are returned instead when any is wrong.
    /// </summary>
    public (DashboardDefinition? Definition, IReadOnlyList<string> Errors) ApplyTo(DashboardDefinition d)
    {
        var errors = new List<string>();
        if (Period is not null && (From is not null || To is not null))
            errors.Add("give either a period name or from and to dates, not both");
        else if ((From is null) != (To is null))
            errors.Add("a custom period needs both from and to (yyyy-MM-dd)");
        var p = d.Parameters;
        var f = p.Filters;
        var parameters = new DashboardParameters
        {
            Period = Period is not null ? new PeriodParameter { Relative = Period } : From is not null ? new PeriodParameter { From = From, To = To } : p.Period,
            Comparison = Comparison ?? p.Comparison,
            TimeZone = TimeZone ?? p.TimeZone,
            Filters = new DashboardFilters
            {
                Persona = Filter(Persona, f.Persona), Segment = Filter(Segment, f.Segment), Channel = Filter(Channel, f.Channel),
                Device = Filter(Device, f.Device), Department = Filter(Department, f.Department), Region = Filter(Region, f.Region),
            },
        };
        DefinitionValidator.Parameters(parameters, (_, problem) => errors.Add(problem));
        if (errors.Count > 0) return (null, errors);
        return (new DashboardDefinition
        {
            Name = d.Name, Title = d.Title, Version = d.Version, Description = d.Description, Parameters = parameters,
            Datasets = d.Datasets, Visuals = d.Visuals, Layout = d.Layout, FileName = d.FileName,
        }, errors);
    }
}
