using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>
/// /hangfire as a browser on the server's own machine reaches it (a loopback client, so the dashboard's "local requests
/// only" rule lets it in): a page from another site can make that browser POST to it, and a DNS-rebinding page can
/// reach it under its own host name. Neither may change a schedule.
/// </summary>
public sealed class HangfireDashboardTests : IClassFixture<HangfireDashboardTests.Host>
{
    public sealed class Host : ServerHost
    {
        // Not the executive report, so nothing runs at start: every job in the storage came from a request.
        protected override IEnumerable<(string, string)> Settings =>
            [.. Schedule(0, "cross-site-target", "funnel-and-drop-off", "0 8 1 1 *", "ceo@example.com"),
             .. Schedule(1, "remove-target", "retention-and-churn", "0 8 1 1 *", "ceo@example.com")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, LoopbackClient>());
        }

        /// <summary>The recurring job of the subscription seeded from the schedule named <paramref name="schedule"/>.</summary>
        public string JobId(string schedule) =>
            SubscriptionJob.RecurringJobId(Services.GetRequiredService<ReportCatalog>().FindSubscriptionAsync(schedule, default).GetAwaiter().GetResult()!.Id);

        public RecurringJobDto? Recurring(string id)
        {
            using var connection = Services.GetRequiredService<JobStorage>().GetConnection();
            return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == id);
        }

        public long JobsCreated()
        {
            var stats = Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
            return stats.Enqueued + stats.Scheduled + stats.Processing + stats.Succeeded + stats.Failed + stats.Deleted;
        }

        public string[] Emails() => Directory.Exists(Path.Combine(DataDirectory, "outbox"))
            ? Directory.GetFiles(Path.Combine(DataDirectory, "outbox"), "*.eml") : [];
    }

    /// <summary>Every request comes from 127.0.0.1, as a browser on the server's machine does.</summary>
    sealed class LoopbackClient : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    readonly Host host;
    public HangfireDashboardTests(Host host) => this.host = host;

    static HttpRequestMessage CrossSitePost(string path, string job, string? hostName = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("jobs[]", job)]) };
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Referrer = new Uri("http://evil.example/page.html");
        if (hostName is not null) request.Headers.Host = hostName;
        return request;
    }

    [Fact]
    public async Task CrossSitePost_ToTrigger_IsRefused_AndRunsNothing_WhileTheDashboardsOwnTokenStillWorks()
    {
        var client = host.CreateClient();

        var forged = await client.SendAsync(CrossSitePost("/hangfire/recurring/trigger", host.JobId("cross-site-target")));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Null(host.Recurring(host.JobId("cross-site-target"))!.LastJobId);
        Assert.Equal(0, host.JobsCreated());
        Assert.Empty(host.Emails());

        // The dashboard's own button: the page's token, sent back as its script does.
        var page = await client.GetStringAsync("/hangfire/recurring");
        var (header, token) = AntiforgeryOf(page);
        var own = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
            { Content = new FormUrlEncodedContent([new("jobs[]", host.JobId("cross-site-target"))]) };
        own.Headers.Add(header, token);
        var accepted = await client.SendAsync(own);

        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.NotNull(host.Recurring(host.JobId("cross-site-target"))!.LastJobId);
    }

    [Fact]
    public async Task CrossSitePost_ToRemove_IsRefused_AndTheScheduleStays()
    {
        var forged = await host.CreateClient().SendAsync(CrossSitePost("/hangfire/recurring/remove", host.JobId("remove-target")));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.NotNull(host.Recurring(host.JobId("remove-target")));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    public async Task AForeignHostName_Is400_ForPagesAndTheDashboard_AndTriggersNothing(string hostName)
    {
        var client = host.CreateClient();
        var home = new HttpRequestMessage(HttpMethod.Get, "/runs");
        home.Headers.Host = hostName;
        var dashboard = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        dashboard.Headers.Host = hostName;

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(home)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(dashboard)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(CrossSitePost("/hangfire/recurring/trigger", host.JobId("remove-target"), hostName))).StatusCode);
        Assert.Null(host.Recurring(host.JobId("remove-target"))!.LastJobId);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:5080")]
    public async Task TheLoopbackNames_AreServed(string hostName)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = hostName;

        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().SendAsync(request)).StatusCode);
    }

    /// <summary>The header name and token Hangfire's layout hands its script for POSTs (its csrf-header and csrf-token meta tags).</summary>
    static (string Header, string Token) AntiforgeryOf(string page)
    {
        var header = Regex.Match(page, "<meta name=\"csrf-header\" content=\"([^\"]+)\"");
        var token = Regex.Match(page, "<meta name=\"csrf-token\" content=\"([^\"]+)\"");
        Assert.True(header.Success && token.Success, "no antiforgery token in the dashboard page:\n" + page);
        return (WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
    }
}
