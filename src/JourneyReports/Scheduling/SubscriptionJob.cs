using Cronos;
using Hangfire;
using Hangfire.Server;
using JourneyReports.Catalog;
using JourneyReports.Warehouse;
using Microsoft.Extensions.Logging;

namespace JourneyReports.Scheduling;

/// <summary>
/// The Hangfire job behind every subscription. It takes only the subscription's id, so a stored job stays valid when the
/// subscription changes. Safe to run twice for the same fire time (the ledger skips recipients already delivered, and a
/// fire time already delivered is not run again), and never runs twice at once for one subscription.
/// </summary>
public sealed class SubscriptionJob(ReportCatalog catalog, ReportRunner runner, SubscriptionRecipients recipients, JourneyReportsOptions options,
    TimeProvider clock, ILogger<SubscriptionJob> log)
{
    public static string RecurringJobId(long subscriptionId) => $"subscription:{subscriptionId}";

    /// <summary>
    /// A fire of the schedule. Hangfire made this job at the fire time (its creation time, the same on every retry), so
    /// the fire time and with it the report's period do not move when the job is retried hours later.
    /// </summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task FireAsync(long subscriptionId, PerformContext? context, CancellationToken ct)
    {
        var created = context?.BackgroundJob.CreatedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : clock.GetUtcNow();
        var subscription = await catalog.GetSubscriptionAsync(subscriptionId, ct);
        if (subscription is null) { log.LogWarning("Subscription {SubscriptionId} is gone; its fire is dropped", subscriptionId); return; }
        var fire = LastFireTime(subscription, created) ?? created;
        if (created - fire > TimeSpan.FromHours(options.Subscriptions.MissedFireGraceHours))
        {
            log.LogWarning("Subscription {Subscription} missed its fire at {FireTime} by more than {Hours} h (the server was down); it is skipped, not sent late",
                subscription.Name, fire, options.Subscriptions.MissedFireGraceHours);
            return;
        }
        await RunAsync(subscription, fire, "schedule", ct);
    }

    /// <summary>Runs a subscription again for the fire time a run of it was interrupted at (the server stopped mid-run).</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task ResumeAsync(long subscriptionId, DateTimeOffset fireTime, CancellationToken ct)
    {
        if (await catalog.GetSubscriptionAsync(subscriptionId, ct) is { } subscription)
            await RunAsync(subscription, fireTime, "resume", ct);
    }

    /// <summary>"Run now": a run of the subscription for this moment, as if it fired now.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task RunNowAsync(long subscriptionId, DateTimeOffset at, CancellationToken ct)
    {
        if (await catalog.GetSubscriptionAsync(subscriptionId, ct) is { } subscription)
            await RunAsync(subscription, at, "run-now", ct);
    }

    /// <summary>Runs the subscription for one fire time: checks it may run, holds its lock, resolves its recipients, runs it.</summary>
    public async Task RunAsync(Subscription subscription, DateTimeOffset fireTime, string trigger, CancellationToken ct)
    {
        using var scope = log.BeginScope(new Dictionary<string, object> { ["Subscription"] = subscription.Name, ["Report"] = subscription.Report });
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fireTime, TimeZones.Find(subscription.TimeZone)).DateTime);
        if (!subscription.Enabled) { log.LogInformation("Subscription {Subscription} is paused; fire at {FireTime} skipped", subscription.Name, fireTime); return; }
        if (subscription.StartsOn > day || subscription.EndsOn < day)
        {
            log.LogInformation("Subscription {Subscription} runs from {StartsOn} to {EndsOn}; fire on {Day} skipped", subscription.Name, subscription.StartsOn, subscription.EndsOn, day);
            return;
        }
        if (trigger != "cli" && await catalog.SucceededRunOfFireAsync(subscription.Id, fireTime, ct) is { } done)
        {
            log.LogInformation("Subscription {Subscription} was delivered for {FireTime} by run {RunId}; nothing to do", subscription.Name, fireTime, done.RunId);
            return;
        }
        var timeout = TimeSpan.FromMinutes(options.Subscriptions.RunTimeoutMinutes);
        await using var held = await catalog.TryLockSubscriptionAsync(subscription.Id, timeout + TimeSpan.FromMinutes(1), clock.GetUtcNow(), ct);
        if (held is null)
        {
            log.LogWarning("Subscription {Subscription} is running already; this fire at {FireTime} is left to it", subscription.Name, fireTime);
            return;
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            var plan = RunPlan.For(subscription, await recipients.ResolveAsync(subscription, limit.Token), trigger, fireTime);
            await runner.RunAsync(plan, limit.Token);
        }
        catch (Exception e) when (e is ReportNotRunnableException or ReportFailedException)
        {
            // Recorded as a failed run with the reason, and the owner told; running it again would not mend a definition or a query.
        }
    }

    /// <summary>The subscription's last fire time at or before <paramref name="at"/>, in its time zone; null when cron or zone is broken.</summary>
    public static DateTimeOffset? LastFireTime(Subscription subscription, DateTimeOffset at)
    {
        if (!SubscriptionValidation.IsCron(subscription.Cron) || TimeZones.Problem(subscription.TimeZone) is not null) return null;
        var cron = CronExpression.Parse(subscription.Cron);
        var zone = TimeZones.Find(subscription.TimeZone);
        // Look back far enough for a yearly schedule, nearest window first.
        foreach (var days in new[] { 2, 40, 400 })
        {
            var occurrences = cron.GetOccurrences(at.UtcDateTime.AddDays(-days), at.UtcDateTime, zone, fromInclusive: true, toInclusive: true);
            if (occurrences.LastOrDefault() is var last && last != default) return new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc));
        }
        return null;
    }

    /// <summary>The next fire times from <paramref name="after"/>, in the subscription's time zone (for lists and the log).</summary>
    public static IReadOnlyList<DateTimeOffset> NextFireTimes(Subscription subscription, DateTimeOffset after, int count)
    {
        if (!SubscriptionValidation.IsCron(subscription.Cron) || TimeZones.Problem(subscription.TimeZone) is not null) return [];
        var zone = TimeZones.Find(subscription.TimeZone);
        return [.. CronExpression.Parse(subscription.Cron).GetOccurrences(after, after.AddYears(2), zone).Take(count)];
    }
}
