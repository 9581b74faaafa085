using JourneyReports.Catalog;

namespace JourneyReports.Server;

/// <summary>
/// A subscription's problems (as <see cref="Scheduling.SubscriptionValidation"/> and the scope checks word them) by the
/// field they are about, so a form shows each beside its field and the API answers with a validation problem whose
/// keys are the JSON members: name, owner, report, parameters, cron, timeZone, endsOn, formats, whenEmpty, recipients
/// (recipients[2] for the third row's), recipientsSql, subject, body; anything else under "subscription".
/// </summary>
public static class SubscriptionProblems
{
    static readonly (string Prefix, string Field)[] Prefixes =
    [
        ("name ", "name"), ("owner ", "owner"), ("report: ", "report"), ("parameters: ", "parameters"), ("cron ", "cron"),
        ("timeZone: ", "timeZone"), ("endsOn ", "endsOn"), ("formats ", "formats"), ("format '", "formats"), ("whenEmpty ", "whenEmpty"),
        ("there are no recipients", "recipients"), ("recipientsSql", "recipientsSql"), ("template subject", "subject"), ("template body", "body"),
    ];

    public static Dictionary<string, string[]> ByField(IEnumerable<string> problems, Subscription subscription)
    {
        var byField = new Dictionary<string, List<string>>();
        foreach (var problem in problems)
        {
            var field = Prefixes.FirstOrDefault(p => problem.StartsWith(p.Prefix, StringComparison.Ordinal)).Field ?? RecipientField(problem, subscription);
            (byField.TryGetValue(field, out var list) ? list : byField[field] = []).Add(problem);
        }
        return byField.ToDictionary(f => f.Key, f => f.Value.ToArray());
    }

    /// <summary>"recipient 'x@y' ..." belongs to that recipient's row; other problems to the subscription as a whole.</summary>
    static string RecipientField(string problem, Subscription subscription)
    {
        if (!problem.StartsWith("recipient ", StringComparison.Ordinal)) return "subscription";
        for (var i = 0; i < subscription.Recipients.Count; i++)
            if (problem.Contains($"'{subscription.Recipients[i].Email}'", StringComparison.Ordinal)) return $"recipients[{i}]";
        return "recipients";
    }
}
