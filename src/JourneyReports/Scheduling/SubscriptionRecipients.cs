using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Journeys;
using JourneyReports.Warehouse;

namespace JourneyReports.Scheduling;

/// <summary>
/// Who receives a subscription's run, and with which slice: its listed recipients, then the rows of its recipients query
/// (a new department head in the warehouse gets their email without anyone editing the subscription); without those who
/// unsubscribed or are outside Mail:AllowedDomains, who are kept as skipped with the reason.
/// </summary>
public sealed class SubscriptionRecipients(JourneyWarehouse warehouse, ReportCatalog catalog, JourneyReportsOptions options, TimeProvider clock)
{
    public sealed record Resolved(IReadOnlyList<SubscriptionRecipient> Send, IReadOnlyList<DeliveryResult> Skipped);

    public async Task<Resolved> ResolveAsync(Subscription subscription, CancellationToken ct)
    {
        var all = new List<SubscriptionRecipient>(subscription.Recipients);
        if (subscription.RecipientsSql is { Length: > 0 } sql)
            all.AddRange(await QueryAsync(subscription, sql, ct));
        var unsubscribed = await catalog.UnsubscribedAsync(subscription.Id, ct);
        var send = new List<SubscriptionRecipient>();
        var skipped = new List<DeliveryResult>();
        foreach (var r in all.DistinctBy(r => r.Email.ToLowerInvariant()))
        {
            if (unsubscribed.Contains(r.Email)) skipped.Add(new DeliveryResult(r.Email, RecipientStatus.Skipped, "unsubscribed"));
            else if (SubscriptionValidation.DomainProblem(r.Email, options.Mail) is { } domain) skipped.Add(new DeliveryResult(r.Email, RecipientStatus.Skipped, domain));
            else if (await InTheirScopeAsync(subscription, r, ct) is var (scoped, refusal) && scoped is not null) send.Add(scoped);
            else skipped.Add(new DeliveryResult(r.Email, RecipientStatus.Skipped, refusal!));
        }
        return new Resolved(send, skipped);
    }

    /// <summary>
    /// A recipient who has an account is sent their own scope's rows, never the owner's: the subscription's filters and
    /// their slice are narrowed to it (a filter the scope restricts and the slice leaves open becomes theirs). A slice
    /// naming rows outside their scope is refused, named, rather than sent. Recipients without an account get the
    /// slice the analyst gave them.
    /// </summary>
    async Task<(SubscriptionRecipient? Recipient, string? Refusal)> InTheirScopeAsync(Subscription subscription, SubscriptionRecipient recipient, CancellationToken ct)
    {
        if (await catalog.FindUserAsync(recipient.Email, ct) is not { } account || account.DataScope.IsAll) return (recipient, null);
        string? Given(string name) => recipient.Filters.TryGetValue(name, out var v) ? v : subscription.Parameters.GetValueOrDefault(name);
        var filter = DashboardFilters.Read(Given).ToFilter();
        var (narrowed, refusal) = account.DataScope.Narrow(filter, name => recipient.Filters.GetValueOrDefault(name), $"{recipient.Email}'s");
        if (narrowed is null) return (null, $"not sent: the slice's {refusal}");
        var slice = new Dictionary<string, string>(recipient.Filters);
        foreach (var (name, value) in narrowed.ByName())
            if (account.DataScope.Allowed.ContainsKey(name)) slice[name] = value!;
        return (recipient with { Slice = slice }, null);
    }

    /// <summary>The query's rows as recipients: its email column, and its filter columns as the slice.</summary>
    async Task<IReadOnlyList<SubscriptionRecipient>> QueryAsync(Subscription subscription, string sql, CancellationToken ct)
    {
        var zone = TimeZones.Find(subscription.TimeZone);
        await using var connection = await warehouse.OpenAsync(ct);
        var rows = await AnalystSql.RunAsync(warehouse.Provider, connection, sql, ReportPeriod.LastCompleteWeek(clock.GetUtcNow(), zone), JourneyFilter.None, warehouse.AnalystSql, ct);
        var email = rows.Columns.ToList().FindIndex(c => c.Equals("email", StringComparison.OrdinalIgnoreCase));
        if (email < 0) throw new ReportNotRunnableException($"The recipients query of subscription '{subscription.Name}' returns no 'email' column.");
        var filters = rows.Columns.Select((c, i) => (Name: c.ToLowerInvariant(), Index: i)).Where(c => DashboardFilters.Names.Contains(c.Name)).ToList();
        return [.. rows.Rows.Where(r => r[email] is string { Length: > 0 })
            .Select(r => new SubscriptionRecipient((string)r[email]!,
                filters.Where(f => r[f.Index] is not null).ToDictionary(f => f.Name, f => Convert.ToString(r[f.Index], System.Globalization.CultureInfo.InvariantCulture)!)))];
    }
}
