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
    [AutomaticRetry(Attempts = Retries)]
    public async Task FireAsync(long subscriptionId, PerformContext? context, CancellationToken ct)
    {
        var created = context?.BackgroundJob.CreatedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : clock.GetUtcNow();
        var subscription = await catalog.GetSubscriptionAsync(subscriptionId, ct);
        if (subscription is null) { log.LogWarning("Subscription {SubscriptionId} is gone; its fire is dropped", subscriptionId); return; }
        var fire = LastFireTime(subscription, created) ?? created;
        if (Missed(subscription, fire, created)) return;
        await RunAsync(subscription, fire, "schedule", ct, Final(context));
    }

    /// <summary>The schedule retries a run this many times (refusals for now, a busy warehouse) before giving up.</summary>
    const int Retries = 3;

    /// <summary>Whether this is the schedule's last try: only then is the owner told of recipients refused for now.</summary>
    static bool Final(PerformContext? context) => context is null || context.GetJobParameter<int>("RetryCount") >= Retries;

    /// <summary>A fire the server was down for, by more than the grace: skipped (and said so), not sent late.</summary>
    bool Missed(Subscription subscription, DateTimeOffset fire, DateTimeOffset now)
    {
        if (now - fire <= TimeSpan.FromHours(options.Subscriptions.MissedFireGraceHours)) return false;
        log.LogWarning("Subscription {Subscription} missed its fire at {FireTime} by more than {Hours} h (the server was down); it is skipped, not sent late",
            subscription.Name, fire, options.Subscriptions.MissedFireGraceHours);
        return true;
    }

    /// <summary>Runs a subscription again for the fire time a run of it was interrupted at (the server stopped mid-run).</summary>
    [AutomaticRetry(Attempts = Retries)]
    public async Task ResumeAsync(long subscriptionId, DateTimeOffset fireTime, PerformContext? context, CancellationToken ct)
    {
        if (await catalog.GetSubscriptionAsync(subscriptionId, ct) is { } subscription && !Missed(subscription, fireTime, clock.GetUtcNow()))
            await RunAsync(subscription, fireTime, "resume", ct, Final(context));
    }

    /// <summary>"Run now": a run of the subscription for this moment, as if it fired now.</summary>
    [AutomaticRetry(Attempts = Retries)]
    public async Task RunNowAsync(long subscriptionId, DateTimeOffset at, CancellationToken ct)
    {
        if (await catalog.GetSubscriptionAsync(subscriptionId, ct) is { } subscription)
            await RunAsync(subscription, at, "run-now", ct);
    }

    /// <summary>Runs the subscription for one fire time: checks it may run, holds its lock, resolves its recipients, runs it.</summary>
    public async Task RunAsync(Subscription subscription, DateTimeOffset fireTime, string trigger, CancellationToken ct, bool finalAttempt = true)
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
            // Another run of it is going (the same fire retried, or another one): this one waits its turn through the schedule's retry.
            throw new InvalidOperationException($"Subscription '{subscription.Name}' is running already; its fire at {fireTime:u} runs when that run is done.");
        }
        // Asked again under the lock: another instance firing the same schedule may have delivered this fire between the
        // question above and the lock, and one fire time has one run in the history.
        if (trigger != "cli" && await catalog.SucceededRunOfFireAsync(subscription.Id, fireTime, ct) is { } meanwhile)
        {
            log.LogInformation("Subscription {Subscription} was delivered for {FireTime} by run {RunId} meanwhile; nothing to do", subscription.Name, fireTime, meanwhile.RunId);
            return;
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var start = RunPlan.For(subscription, new SubscriptionRecipients.Resolved([], []), trigger, fireTime, finalAttempt);
        SubscriptionRecipients.Resolved resolved;
        try
        {
            resolved = await recipients.ResolveAsync(subscription, limit.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No run yet to hold the failure: one is recorded for it, and the owner told. A broken query is not retried.
            await runner.RecordFailedStartAsync(start, new InvalidOperationException($"The recipients of subscription '{subscription.Name}' could not be worked out: {e.Message}", e));
            if (e is ReportNotRunnableException or ArgumentException) return;
            throw;
        }
        try
        {
            await runner.RunAsync(start with { Recipients = resolved.Send, Skipped = resolved.Skipped }, limit.Token);
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
