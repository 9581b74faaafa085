using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>A running server's recurring jobs follow the catalog: a subscription saved, changed or paused by a verb takes effect without a restart.</summary>
public sealed class SubscriptionScheduleSyncTests : IClassFixture<SubscriptionScheduleSyncTests.Host>
{
    public sealed class Host : ServerHost
    {
        protected override IEnumerable<(string, string)> Settings => [("JourneyReports:Subscriptions:SyncSeconds", "1")];
    }

    readonly Host host;
    public SubscriptionScheduleSyncTests(Host host) => this.host = host;

    RecurringJobDto? Job(long subscriptionId)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == SubscriptionJob.RecurringJobId(subscriptionId));
    }

    async Task<RecurringJobDto?> WaitForAsync(long id, Func<RecurringJobDto?, bool> done)
    {
        for (var i = 0; i < 100 && !done(Job(id)); i++) await Task.Delay(100);
        return Job(id);
    }

    [Fact]
    public async Task ASubscriptionSavedToTheCatalog_GetsItsRecurringJob_InItsZone_FollowsAChange_AndGoesWhenPaused()
    {
        _ = host.CreateClient();   // starts the server
        var catalog = host.Services.GetRequiredService<ReportCatalog>();
        var saved = await catalog.SaveSubscriptionAsync(new Subscription
        {
            Name = "tokyo-mornings", Owner = "analyst@example.com", Report = "funnel-and-drop-off", Cron = "0 9 * * *", TimeZone = "Asia/Tokyo",
            Recipients = [new SubscriptionRecipient("ops@example.com")],
        }, DateTimeOffset.UtcNow, default);

        var job = await WaitForAsync(saved.Id, j => j is not null);
        Assert.Equal(("0 9 * * *", "Asia/Tokyo"), (job?.Cron, job?.TimeZoneId));
        // Its next fire is 09:00 in Tokyo, 00:00 UTC.
        Assert.Equal(0, job!.NextExecution!.Value.Hour);

        await catalog.SaveSubscriptionAsync(saved with { Cron = "30 18 * * 5" }, DateTimeOffset.UtcNow, default);
        Assert.Equal("30 18 * * 5", (await WaitForAsync(saved.Id, j => j?.Cron == "30 18 * * 5"))?.Cron);

        await catalog.SetSubscriptionEnabledAsync("tokyo-mornings", false, DateTimeOffset.UtcNow, default);
        Assert.Null(await WaitForAsync(saved.Id, j => j is null));
    }
}
