using JourneyReports.Catalog;
using JourneyReports.Scheduling;
using JourneyReports.Server.Portal.Components;

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
        return PortalView.Page<SubscriptionLinkPage>(new
        {
            Subscription = subscription, Recipient = r!, Unsubscribed = (await catalog.UnsubscribedAsync(id, ct)).Contains(r!),
            UnsubscribeUrl = $"/subscriptions/{id}/unsubscribe?r={Uri.EscapeDataString(r!)}&sig={Uri.EscapeDataString(sig!)}",
        });
    }

    static async Task<IResult> Unsubscribe(long id, string? r, string? sig, ReportCatalog catalog, RecipientLinks links, TimeProvider clock,
        ILogger<RecipientLinks> log, CancellationToken ct)
    {
        if (await Checked(id, r, sig, catalog, links, ct) is not { } subscription) return Refused();
        await catalog.UnsubscribeAsync(id, r!, clock.GetUtcNow(), ct);
        log.LogInformation("Recipient {Recipient} unsubscribed from subscription {Subscription}", r, subscription.Name);
        return PortalView.Page<SubscriptionLinkPage>(new { Subscription = subscription, Recipient = r!, JustUnsubscribed = true });
    }

    static async Task<Subscription?> Checked(long id, string? recipient, string? signature, ReportCatalog catalog, RecipientLinks links, CancellationToken ct) =>
        recipient is not null && links.Verify(id, recipient, signature) ? await catalog.GetSubscriptionAsync(id, ct) : null;

    // One answer for a wrong signature and an unknown subscription: the page says nothing about which subscriptions exist.
    static IResult Refused() => PortalView.Page<SubscriptionLinkPage>(new { Subscription = (Subscription?)null }, 404);
}
