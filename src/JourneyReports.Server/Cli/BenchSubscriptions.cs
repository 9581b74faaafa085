using System.Diagnostics;
using JourneyReports.Catalog;
using JourneyReports.Delivery;
using JourneyReports.Scheduling;
using JourneyReports.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyReports.Server;

/// <summary>
/// bench --subscriptions --smtp HOST:PORT: subscriptions delivered to a real SMTP server (on loopback: e.g.
/// python3 -m aiosmtpd -n -l 127.0.0.1:2525) over a demo warehouse of the bench's own. One department-breakdown
/// subscription to --recipients recipients, each with one department's slice; then --subscriptions subscriptions due
/// in the same minute, run two at a time as the server's two Hangfire workers run them. The rate limit is off: it
/// would make a big batch wait by design.
/// </summary>
internal static class BenchSubscriptions
{
    public static async Task RunAsync(JourneyReportsOptions options, string smtp, int recipients, int subscriptions)
    {
        var (host, port) = smtp.Split(':') is [var h, var p] && int.TryParse(p, out var n) ? (h, n)
            : throw new CliUsageException($"--smtp '{smtp}' is not HOST:PORT");
        options.Mail.Transport = "smtp";
        options.Mail.Smtp = new SmtpOptions { Host = host, Port = port, MessagesPerMinute = 0 };
        options.Mail.Retry = new RetryOptions { MaxAttempts = 1 };
        await using var services = Cli.Services(options, NullLoggerFactory.Instance);
        var catalog = services.GetRequiredService<ReportCatalog>();
        await catalog.MigrateAsync(CancellationToken.None);
        var job = services.GetRequiredService<SubscriptionJob>();
        var now = DateTimeOffset.UtcNow;
        string[] departments = ["Beauty", "Electronics", "Fashion", "Garden & DIY", "Home & Kitchen", "Toys & Books"];

        var heads = await catalog.SaveSubscriptionAsync(new Subscription
        {
            Name = "bench-department-heads", Owner = "bench@example.com", Report = "department-breakdown", Cron = "0 8 * * 1", TimeZone = "Europe/London",
            Recipients = [.. Enumerable.Range(1, recipients).Select(i => new SubscriptionRecipient($"head{i}@example.com",
                new Dictionary<string, string> { ["department"] = departments[i % departments.Length] }))],
        }, now, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        await job.RunAsync(heads, now, "bench", CancellationToken.None);
        var elapsed = watch.Elapsed;
        var run = (await catalog.RecentRunsAsync(1, CancellationToken.None)).Single();
        var deliveries = await catalog.DeliveriesAsync(run.RunId, CancellationToken.None);
        var sent = deliveries.Count(d => d.Status == RecipientStatus.Sent);
        Console.WriteLine($"1 subscription, {recipients} recipients in {departments.Length} slices: {run.Status}, {sent} sent, " +
            $"{deliveries.GroupBy(d => d.Recipient).Count(g => g.Count(d => d.Status == RecipientStatus.Sent) > 1)} sent twice, " +
            $"{elapsed.TotalSeconds:0.0} s, {sent / elapsed.TotalSeconds:0.0} emails/s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB");

        var due = new List<Subscription>();
        for (var i = 0; i < subscriptions; i++)
            due.Add(await catalog.SaveSubscriptionAsync(new Subscription
            {
                Name = $"bench-{i:000}", Owner = "bench@example.com", Report = "executive-weekly", Cron = "0 8 * * 1", TimeZone = "Europe/London",
                Recipients = [new SubscriptionRecipient($"exec{i}@example.com", new Dictionary<string, string> { ["department"] = departments[i % departments.Length] })],
            }, now, CancellationToken.None));
        watch.Restart();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (s, ct) => await job.RunAsync(s, now, "bench", ct));
        var all = watch.Elapsed;
        var runs = await catalog.RecentRunsAsync(subscriptions, CancellationToken.None);
        Console.WriteLine($"{subscriptions} subscriptions due in the same minute, two workers: {runs.Count(r => r.Status == RunStatus.Succeeded)} succeeded " +
            $"in {all.TotalSeconds:0.0} s ({subscriptions / all.TotalSeconds:0.0} per second), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB");
    }
}
