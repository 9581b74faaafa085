using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>The manage and unsubscribe link in a subscription's email, through the real server: signed, and honoured.</summary>
public sealed class SubscriptionLinkTests : IClassFixture<SubscriptionLinkTests.Host>
{
    public sealed class Host : WebApplicationFactory<Program>
    {
        public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("JourneyReports:DataDirectory", DataDirectory);
            builder.UseSetting("JourneyReports:DashboardsDirectory", Path.Combine(RepoPaths.Root, "dashboards"));
            builder.UseSetting("JourneyReports:Warehouse:DemoScale", "0.01");
            builder.UseSetting("JourneyReports:Schedules:0:Id", "monthly-heads");
            builder.UseSetting("JourneyReports:Schedules:0:Report", "department-breakdown");
            builder.UseSetting("JourneyReports:Schedules:0:Cron", "0 8 1 * *");
            builder.UseSetting("JourneyReports:Schedules:0:TimeZone", "Europe/London");
            builder.UseSetting("JourneyReports:Schedules:0:Recipients:0", "head@example.com");
            builder.UseSetting("JourneyReports:Schedules:0:Recipients:1", "other@example.com");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
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
