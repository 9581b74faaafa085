using JourneyReports.Dashboards;
using JourneyReports.Journeys;

namespace JourneyReports.Server;

/// <summary>
/// The parameter bar above a dashboard: period (a named range or custom dates), comparison, time zone and a slicer per
/// filter, each showing the value in use. A plain GET form, so every view of a dashboard is a link that can be
/// bookmarked or sent. Drawn by the DashboardSlicers component.
/// </summary>
public sealed record ParameterForm(string Action, string? Period, string? From, string? To, string Compare, string TimeZone,
    IReadOnlyList<FilterPicker> Filters)
{
    /// <summary>A custom period (from and to dates) rather than a named one.</summary>
    public bool Custom => Period is null;

    /// <summary>Time zones offered in the picker (IANA ids); the one in use is offered too when it is not among them.</summary>
    public static readonly IReadOnlyList<string> TimeZones =
    [
        "UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome",
        "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Istanbul", "Europe/Moscow",
        "Africa/Lagos", "Africa/Cairo", "Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai",
        "Asia/Hong_Kong", "Asia/Tokyo", "Asia/Seoul", "Australia/Perth", "Australia/Sydney", "Pacific/Auckland", "Pacific/Honolulu",
        "America/Anchorage", "America/Los_Angeles", "America/Vancouver", "America/Denver", "America/Chicago", "America/Mexico_City",
        "America/New_York", "America/Toronto", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
    ];

    /// <summary>The zones to offer, with the one in use among them.</summary>
    public IReadOnlyList<string> ZoneChoices => TimeZones.Contains(TimeZone) ? TimeZones : [TimeZone, .. TimeZones];

    /// <summary>The named periods to offer with the one in use among them (a mistyped one is shown, to be corrected).</summary>
    public IReadOnlyList<string> PeriodChoices => Period is null || RelativePeriod.IsKnown(Period) ? RelativePeriod.Names : [Period, .. RelativePeriod.Names];

    public IReadOnlyList<string> CompareChoices => RelativePeriod.Comparisons.Contains(Compare) ? RelativePeriod.Comparisons : [Compare, .. RelativePeriod.Comparisons];

    /// <summary>
    /// The form for <paramref name="d"/>: its parameters, overlaid with the query string's where one is given (a form
    /// shown again with its problems keeps what was typed). Pass the applied definition and no query for a view that ran.
    /// </summary>
    public static ParameterForm Of(DashboardDefinition d, Func<string, string?>? query, DataScope scope, IReadOnlyDictionary<string, IReadOnlySet<string>>? values)
    {
        string? Given(string key) => query?.Invoke(key) is { Length: > 0 } v ? v : null;
        var p = d.Parameters;
        var customGiven = Given("from") is not null || Given("to") is not null;
        var period = customGiven ? null : Given("period") ?? p.Period.Relative;
        var from = period is not null ? null : customGiven ? Given("from") : p.Period.From;
        var to = period is not null ? null : customGiven ? Given("to") : p.Period.To;
        // A filter given empty in the query string clears the definition's own, so only an absent one shows the default.
        var defaults = p.Filters.ByName().ToDictionary(f => f.Name, f => f.Value);
        string? Filter(string name) => query?.Invoke(name) is { } asked ? asked : defaults.GetValueOrDefault(name);
        return new ParameterForm($"/dashboards/{Uri.EscapeDataString(d.Name)}", period, from, to, Given("compare") ?? p.Comparison,
            Given("tz") ?? p.TimeZone, FilterChoices.Pickers(scope, values, Filter));
    }
}
