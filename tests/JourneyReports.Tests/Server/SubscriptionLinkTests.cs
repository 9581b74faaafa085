using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>The manage and unsubscribe link in a subscription's email, through the real server: signed, and honoured.</summary>
public sealed class SubscriptionLinkTests : IClassFixture<SubscriptionLinkTests.Host>
{
    public sealed class Host : ServerHost
    {
        protected override IEnumerable<(string, string)> Settings =>
            Schedule(0, "monthly-heads", "department-breakdown", "0 8 1 * *", "head@example.com", "other@example.com");
    }

    readonly Host host;
    readonly HttpClient client;
    readonly Subscription subscription;
    readonly RecipientLinks links;

    public SubscriptionLinkTests(Host host)
    {
        (this.host, client) = (host, host.CreateClient());
        subscription = host.Services.GetRequiredService<ReportCatalog>().FindSubscriptionAsync("monthly-heads", default).GetAwaiter().GetResult()!;
        links = host.Services.GetRequiredService<RecipientLinks>();
    }

    static string Local(string link) => new Uri(link).PathAndQuery;

    [Fact]
    public async Task TheManageLink_ShowsWhatTheRecipientGets_AndTheUnsubscribeButtonStopsIt()
    {
        var page = await client.GetAsync(Local(links.Manage(subscription, "head@example.com")));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("head@example.com receives <b>monthly-heads</b>", html);
        Assert.Contains("<button type=\"submit\">Unsubscribe</button>", html);

        var done = await client.PostAsync(Local(links.Unsubscribe(subscription, "head@example.com")), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("will get no more <b>monthly-heads</b> emails", await done.Content.ReadAsStringAsync());
        var unsubscribed = await host.Services.GetRequiredService<ReportCatalog>().UnsubscribedAsync(subscription.Id, default);
        Assert.Equal(["head@example.com"], unsubscribed);
        Assert.Contains("You are unsubscribed", await client.GetStringAsync(Local(links.Manage(subscription, "head@example.com"))));
    }

    [Fact]
    public async Task ALinkWhoseAddressOrSignatureWasChanged_UnsubscribesNobody()
    {
        var theirs = Local(links.Unsubscribe(subscription, "other@example.com"));
        var forged = theirs.Replace("other%40example.com", "head%40example.com", StringComparison.Ordinal);
        var unsigned = theirs[..theirs.IndexOf("&sig=", StringComparison.Ordinal)];

        foreach (var link in new[] { forged, unsigned, theirs.Replace("/subscriptions/" + subscription.Id + "/", "/subscriptions/999/", StringComparison.Ordinal) })
        {
            var response = await client.PostAsync(link, null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync());
        }
        Assert.DoesNotContain("other@example.com", await host.Services.GetRequiredService<ReportCatalog>().UnsubscribedAsync(subscription.Id, default));
    }
}
