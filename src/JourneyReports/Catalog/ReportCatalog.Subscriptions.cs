using System.Text.Json;
using Dapper;

namespace JourneyReports.Catalog;

public sealed partial class ReportCatalog
{
    /// <summary>A subscription as its row holds it: the lists and maps as JSON.</summary>
    sealed record SubscriptionRow(long SubscriptionId, string Name, string Owner, string ReportId, string Parameters, string Cron, string TimeZone,
        long Enabled, string? StartsOn, string? EndsOn, string Formats, string? Subject, string? Body, string Recipients, string? RecipientsSql,
        string WhenEmpty, long Version, string CreatedAt, string UpdatedAt)
    {
        public Subscription ToSubscription() => new()
        {
            Id = SubscriptionId, Name = Name, Owner = Owner, Report = ReportId, Cron = Cron, TimeZone = TimeZone, Enabled = Enabled != 0,
            Parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(Parameters, Subscription.Json) ?? [],
            StartsOn = StartsOn is null ? null : DateOnly.Parse(StartsOn, System.Globalization.CultureInfo.InvariantCulture),
            EndsOn = EndsOn is null ? null : DateOnly.Parse(EndsOn, System.Globalization.CultureInfo.InvariantCulture),
            Formats = JsonSerializer.Deserialize<List<string>>(Formats, Subscription.Json) ?? [],
            Subject = Subject, Body = Body,
            Recipients = JsonSerializer.Deserialize<List<SubscriptionRecipient>>(Recipients, Subscription.Json) ?? [],
            RecipientsSql = RecipientsSql, WhenEmpty = WhenEmpty, Version = Version, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }

    static object Row(Subscription s, DateTimeOffset at) => new
    {
        s.Name, s.Owner, ReportId = s.Report, Parameters = JsonSerializer.Serialize(s.Parameters, Subscription.Json), s.Cron, s.TimeZone,
        Enabled = s.Enabled ? 1 : 0, StartsOn = s.StartsOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), EndsOn = s.EndsOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Formats = JsonSerializer.Serialize(s.Formats, Subscription.Json), s.Subject, s.Body,
        Recipients = JsonSerializer.Serialize(s.Recipients, Subscription.Json), s.RecipientsSql, s.WhenEmpty, At = Iso(at),
    };

    /// <summary>Creates the subscription, or replaces the one of the same name (its id stays, its version goes up).</summary>
    public async Task<Subscription> SaveSubscriptionAsync(Subscription subscription, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(Command("subscription_save", Row(subscription, at), ct));
        return (await GetSubscriptionAsync(id, ct))!;
    }

    public async Task<Subscription?> GetSubscriptionAsync(long id, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<SubscriptionRow>(Command("subscription_get", new { Id = id, Name = (string?)null }, ct)))?.ToSubscription();
    }

    public async Task<Subscription?> FindSubscriptionAsync(string name, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<SubscriptionRow>(Command("subscription_get", new { Id = (long?)null, Name = name }, ct)))?.ToSubscription();
    }

    public async Task<IReadOnlyList<Subscription>> SubscriptionsAsync(CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return [.. (await c.QueryAsync<SubscriptionRow>(Command("subscriptions_all", null, ct))).Select(r => r.ToSubscription())];
    }

    /// <summary>Pauses or resumes; false when there is no such subscription.</summary>
    public async Task<bool> SetSubscriptionEnabledAsync(string name, bool enabled, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteAsync(Command("subscription_enable", new { Name = name, Enabled = enabled ? 1 : 0, At = Iso(at) }, ct)) > 0;
    }

    /// <summary>Deletes it and its unsubscribes; its runs and deliveries stay in the history. False when there is no such subscription.</summary>
    public async Task<bool> DeleteSubscriptionAsync(string name, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteAsync(Command("subscription_delete", new { Name = name }, ct)) > 0;
    }

    public async Task UnsubscribeAsync(long subscriptionId, string recipient, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(Command("unsubscribe", new { SubscriptionId = subscriptionId, Recipient = recipient, At = Iso(at) }, ct));
    }

    public async Task<IReadOnlySet<string>> UnsubscribedAsync(long subscriptionId, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<string>(Command("unsubscribed", new { SubscriptionId = subscriptionId }, ct))).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
