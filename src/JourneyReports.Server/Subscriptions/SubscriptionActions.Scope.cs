using JourneyReports.Catalog;
using JourneyReports.Journeys;

namespace JourneyReports.Server;

public sealed partial class SubscriptionActions
{
    /// <summary>
    /// A subscription may only send rows inside the scopes involved: an analyst restricted to some departments cannot
    /// schedule another department's (or everyone's) numbers, and a recipient who has an account cannot be sent rows
    /// outside their own scope. Each recipient's filters are the definition's, then the subscription's, then their slice.
    /// </summary>
    async Task<IReadOnlyList<string>> ScopeProblemsAsync(UserAccount actor, Subscription s, CancellationToken ct)
    {
        var problems = new List<string>();
        var defaults = Library().Definitions.FirstOrDefault(d => d.Name == s.Report)?.Parameters.Filters.ByName()
            .Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value!) ?? [];
        Dictionary<string, string> FiltersOf(IReadOnlyDictionary<string, string> slice)
        {
            var merged = new Dictionary<string, string>(defaults);
            foreach (var (k, v) in s.Parameters.Concat(slice)) merged[k] = v;
            return merged;
        }

        if (!actor.DataScope.IsAll)
        {
            if (s.RecipientsSql is { Length: > 0 })
                problems.Add("recipientsSql: only someone whose data scope is all data may send to the recipients of a query");
            if (s.Recipients.Count == 0 && Outside(actor.DataScope, FiltersOf(new Dictionary<string, string>())) is { } outside)
                problems.Add($"parameters: {outside} is outside your data scope ({actor.DataScope})");
            foreach (var r in s.Recipients)
                if (Outside(actor.DataScope, FiltersOf(r.Filters)) is { } theirs)
                    problems.Add($"recipient '{r.Email}': {theirs} is outside your data scope ({actor.DataScope})");
        }
        foreach (var r in s.Recipients)
            if (await catalog.FindUserAsync(r.Email, ct) is { DataScope.IsAll: false } account && Outside(account.DataScope, FiltersOf(r.Filters)) is { } beyond)
                problems.Add($"recipient '{r.Email}': {beyond} is outside their own data scope ({account.DataScope}); give them a slice inside it");
        return problems;
    }

    /// <summary>The first filter of <paramref name="scope"/> these filters leave open or set outside it, in words; null when inside.</summary>
    static string? Outside(DataScope scope, IReadOnlyDictionary<string, string> filters)
    {
        foreach (var (name, allowed) in scope.Allowed)
        {
            var value = filters.GetValueOrDefault(name);
            if (string.IsNullOrEmpty(value)) return $"every {name}";
            if (!allowed.Contains(value, StringComparer.Ordinal)) return $"{name} '{value}'";
        }
        return null;
    }

    /// <summary>The slice a person's own copy is drawn with: the subscription's value of each filter they are restricted on, when allowed, else their first.</summary>
    static Dictionary<string, string> ScopeSlice(DataScope scope, IReadOnlyDictionary<string, string> parameters) =>
        scope.Allowed.ToDictionary(a => a.Key,
            a => parameters.GetValueOrDefault(a.Key) is { Length: > 0 } v && a.Value.Contains(v, StringComparer.Ordinal) ? v : a.Value[0]);
}
