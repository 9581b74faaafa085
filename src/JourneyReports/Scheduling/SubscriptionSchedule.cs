using Hangfire;
using Hangfire.Storage;
using JourneyReports.Catalog;
using JourneyReports.Warehouse;
using Microsoft.Extensions.Logging;

namespace JourneyReports.Scheduling;

/// <summary>
/// Keeps Hangfire's recurring jobs following the catalog (one per enabled subscription, in its time zone; none for a
/// paused or deleted one), so a subscription saved by the CLI takes effect without a restart; and, at start-up, resumes
/// runs a stopped server left unfinished and seeds the appsettings schedules once.
/// </summary>
public sealed class SubscriptionSchedule(ReportCatalog catalog, IRecurringJobManager jobs, IBackgroundJobClient background, JobStorage storage,
    JourneyReportsOptions options, TimeProvider clock, ILogger<SubscriptionSchedule> log)
{
    const string Prefix = "subscription:";

    /// <summary>Adds, changes and removes recurring jobs until they match the catalog; returns how many it changed.</summary>
    public async Task<int> SyncAsync(CancellationToken ct)
    {
        var subscriptions = await catalog.SubscriptionsAsync(ct);
        var wanted = subscriptions
            .Where(s => s.Enabled && SubscriptionValidation.IsCron(s.Cron) && TimeZones.Problem(s.TimeZone) is null)
            .ToDictionary(s => SubscriptionJob.RecurringJobId(s.Id));
        List<RecurringJobDto> existing;
        using (var connection = storage.GetConnection())
            existing = [.. connection.GetRecurringJobs().Where(j => j.Id.StartsWith(Prefix, StringComparison.Ordinal))];
        var changed = 0;
        foreach (var (id, s) in wanted)
        {
            if (existing.FirstOrDefault(j => j.Id == id) is { } job && job.Cron == s.Cron && job.TimeZoneId == s.TimeZone) continue;
            var subscriptionId = s.Id;
            jobs.AddOrUpdate<SubscriptionJob>(id, job => job.FireAsync(subscriptionId, null, CancellationToken.None), s.Cron,
                new RecurringJobOptions { TimeZone = TimeZones.Find(s.TimeZone), MisfireHandling = MisfireHandlingMode.Relaxed });
            log.LogInformation("Subscription {Subscription}: {Report} at '{Cron}' ({TimeZone}), next {Next}", s.Name, s.Report, s.Cron, s.TimeZone,
                SubscriptionJob.NextFireTimes(s, clock.GetUtcNow(), 1).FirstOrDefault());
            changed++;
        }
        foreach (var gone in existing.Where(j => !wanted.ContainsKey(j.Id)))
        {
            jobs.RemoveIfExists(gone.Id);
            log.LogInformation("Recurring job {Job} removed: its subscription is paused, deleted, or its cron or time zone no longer valid", gone.Id);
            changed++;
        }
        return changed;
    }

    /// <summary>
    /// Runs a stopped server left 'running' are marked interrupted; each subscription run among them is resumed once for
    /// its fire time (the ledger keeps recipients already delivered from a second email).
    /// </summary>
    public async Task ResumeInterruptedAsync(CancellationToken ct)
    {
        foreach (var run in await catalog.InterruptRunningAsync(clock.GetUtcNow(), ct))
        {
            log.LogWarning("Run {RunId} of {Report} was interrupted by a stop of the server", run.RunId, run.ReportId);
            if (run is { SubscriptionId: { } id, FireTime: { } fire })
            {
                var fireTime = DateTimeOffset.Parse(fire, System.Globalization.CultureInfo.InvariantCulture);
                background.Enqueue<SubscriptionJob>(job => job.ResumeAsync(id, fireTime, null, CancellationToken.None));
                log.LogInformation("Run {RunId}: subscription {SubscriptionId} resumed for its fire at {FireTime}", run.RunId, id, fireTime);
            }
        }
    }

    /// <summary>
    /// The appsettings Schedules become subscriptions on the first start of a catalog, and never again (after that the
    /// catalog is the truth); returns those made.
    /// </summary>
    public async Task<IReadOnlyList<Subscription>> SeedFromSettingsAsync(CancellationToken ct)
    {
        if (options.Schedules.Count == 0 || await catalog.FactAsync("schedules-seeded", ct) is not null) return [];
        var seeded = new List<Subscription>();
        foreach (var schedule in options.Schedules)
        {
            if (await catalog.FindSubscriptionAsync(schedule.Key, ct) is not null) continue;
            var subscription = await catalog.SaveSubscriptionAsync(new Subscription
            {
                Name = schedule.Key, Owner = schedule.Owner ?? schedule.Recipients.FirstOrDefault() ?? MimeKit.MailboxAddress.Parse(options.Mail.From).Address,
                Report = schedule.Report, Cron = schedule.Cron, TimeZone = schedule.TimeZone,
                Recipients = [.. schedule.Recipients.Select(r => new SubscriptionRecipient(r))],
            }, clock.GetUtcNow(), ct);
            log.LogInformation("Subscription {Subscription} seeded from appsettings Schedules ({Report} at '{Cron}' {TimeZone} to {Count} recipient(s)); from now on it lives in the catalog",
                subscription.Name, subscription.Report, subscription.Cron, subscription.TimeZone, subscription.Recipients.Count);
            seeded.Add(subscription);
        }
        // Recorded once all are in: a start that failed halfway seeds the rest next time (those saved are not made twice).
        await catalog.RecordFactOnceAsync("schedules-seeded", string.Join(",", options.Schedules.Select(s => s.Key)), clock.GetUtcNow(), ct);
        return seeded;
    }

    /// <summary>Queues a run of the subscription now (its fire time is now), as "run now" does.</summary>
    public string RunNow(Subscription subscription)
    {
        var id = subscription.Id;
        var now = clock.GetUtcNow();
        return background.Enqueue<SubscriptionJob>(job => job.RunNowAsync(id, now, CancellationToken.None));
    }
}
