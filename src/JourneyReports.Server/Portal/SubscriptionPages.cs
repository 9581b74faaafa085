using JourneyReports.Catalog;
using JourneyReports.Scheduling;
using static JourneyReports.Server.Html;

namespace JourneyReports.Server;

/// <summary>
/// A subscription's recipient, from the signed link in their email and without signing in: what they receive, and a
/// button to stop it (also the one-click unsubscribe of RFC 8058 that mail clients offer from List-Unsubscribe).
/// </summary>
public static class SubscriptionPages
{
    public static void MapSubscriptionLinks(this WebApplication app)
    {
        app.MapGet("/subscriptions/{id:long}/manage", Manage).AllowAnonymous();
        app.MapGet("/subscriptions/{id:long}/unsubscribe", Manage).AllowAnonymous();
        // The signature in the address is what authorises the request, so a cross-site form could only unsubscribe the
        // person whose link it already holds; mail clients' one-click POST carries no antiforgery token at all.
        app.MapPost("/subscriptions/{id:long}/unsubscribe", Unsubscribe).DisableAntiforgery().AllowAnonymous();
    }

    static async Task<IResult> Manage(long id, string? r, string? sig, ReportCatalog catalog, RecipientLinks links, CancellationToken ct)
    {
        if (await Checked(id, r, sig, catalog, links, ct) is not { } subscription) return Refused();
        var unsubscribed = (await catalog.UnsubscribedAsync(id, ct)).Contains(r!);
        return Page($"{subscription.Name}: your subscription", $"""
            <h1>{E(subscription.Report)}</h1>
            <p>{E(r)} receives <b>{E(subscription.Name)}</b> ({E(subscription.Cron)}, {E(subscription.TimeZone)}), from {E(subscription.Owner)}.</p>
            {(unsubscribed ? "<p class=\"good\">You are unsubscribed: no more of these emails will be sent to you.</p>" : $"""
            <form method="post" action="/subscriptions/{id}/unsubscribe?r={Uri.EscapeDataString(r!)}&amp;sig={Uri.EscapeDataString(sig!)}">
              <button type="submit">Unsubscribe</button>
            </form>
            """)}
            """);
    }

    static async Task<IResult> Unsubscribe(long id, string? r, string? sig, ReportCatalog catalog, RecipientLinks links, TimeProvider clock,
        ILogger<RecipientLinks> log, CancellationToken ct)
    {
        if (await Checked(id, r, sig, catalog, links, ct) is not { } subscription) return Refused();
        await catalog.UnsubscribeAsync(id, r!, clock.GetUtcNow(), ct);
        log.LogInformation("Recipient {Recipient} unsubscribed from subscription {Subscription}", r, subscription.Name);
        return Page("Unsubscribed", $"""
            <h1>Unsubscribed</h1>
            <p class="good">{E(r)} will get no more <b>{E(subscription.Name)}</b> emails. To receive them again, ask {E(subscription.Owner)}.</p>
            """);
    }

    static async Task<Subscription?> Checked(long id, string? recipient, string? signature, ReportCatalog catalog, RecipientLinks links, CancellationToken ct) =>
        recipient is not null && links.Verify(id, recipient, signature) ? await catalog.GetSubscriptionAsync(id, ct) : null;

    // One answer for a wrong signature and an unknown subscription: the page says nothing about which subscriptions exist.
    static IResult Refused() => ErrorPage(404, "Link not valid", "This link is not valid (or its subscription was deleted). Use the link in your latest email.");
}
