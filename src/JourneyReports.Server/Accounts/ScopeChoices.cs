using JourneyReports.Journeys;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>
/// A data scope as an admin chooses it: written as text ("department=Electronics,Toys; region=North", or "all"), or
/// picked from the values each filter has in the warehouse; a value the warehouse does not have is named, since a
/// viewer scoped to a misspelt department would silently see nothing.
/// </summary>
public static class ScopeChoices
{
    /// <summary>The form's checkbox for all data, its text field (when there are no pickers), and each filter's picker ("scope.department").</summary>
    public const string AllField = "scope-all", TextField = "scope", PickerPrefix = "scope.";

    /// <summary>The scope as <see cref="DataScope.Parse"/> reads it back.</summary>
    public static string Text(DataScope scope) =>
        scope.IsAll ? "all" : string.Join("; ", scope.Allowed.Select(a => $"{a.Key}={string.Join(",", a.Value)}"));

    /// <summary>Each value of the scope that the warehouse does not have, named with the values it does; none when the values are unknown.</summary>
    public static IReadOnlyList<(string Field, string Problem)> UnknownValues(string? scopeText, IReadOnlyDictionary<string, IReadOnlySet<string>>? values)
    {
        if (values is null || DataScope.Parse(scopeText).Scope is not { } scope) return [];
        return [.. scope.Allowed.SelectMany(a => a.Value
            // A filter with no values at all (an empty warehouse, before the first import) cannot be checked yet.
            .Where(v => values.TryGetValue(a.Key, out var known) && known.Count > 0 && !known.Contains(v))
            .Select(v => ("scope", $"scope: the warehouse has no {a.Key} '{v}' (it has: {string.Join(", ", values[a.Key].Order(StringComparer.Ordinal))})")))];
    }

    /// <summary>
    /// The scope a form asks for: its text field if it has one, else "all" when that box is ticked, else the values
    /// picked per filter; null when nothing is chosen. Ticking "all" and picking values is a contradiction, named.
    /// </summary>
    public static (string? Scope, string? Problem) FromForm(IFormCollection form)
    {
        if (form.TryGetValue(TextField, out var text)) return (text.ToString(), null);
        var picked = DataScope.FilterNames
            .Select(name => (name, values: form[PickerPrefix + name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList()))
            .Where(p => p.values.Count > 0)
            .ToList();
        var all = form[AllField].Count > 0;
        if (all && picked.Count > 0) return (null, "choose either all data or some values, not both");
        if (all) return ("all", null);
        return picked.Count == 0 ? (null, null) : (string.Join("; ", picked.Select(p => $"{p.name}={string.Join(",", p.values)}")), null);
    }
}
