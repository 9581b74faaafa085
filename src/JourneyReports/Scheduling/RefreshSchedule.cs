using Hangfire;
using Hangfire.Storage;
using JourneyReports.Warehouse;
using Microsoft.Extensions.Logging;

namespace JourneyReports.Scheduling;

/// <summary>
/// One Hangfire recurring job per configured source with a cron, on its own time zone; sources removed from the
/// configuration (or without a cron) lose theirs. Sources live in appsettings, so this runs at start-up.
/// </summary>
public sealed class RefreshSchedule(IRecurringJobManager jobs, JobStorage storage, JourneyReportsOptions options, ILogger<RefreshSchedule> log)
{
    public void Sync()
    {
        // A named instance refreshes its own warehouse copy: its own recurring job, on its own queue (InstanceOptions.Name).
        var instance = options.Instance.Name;
        var suffix = instance.Length > 0 ? "@" + instance : "";
        var wanted = options.Sources.Where(s => s.Value.Cron is { Length: > 0 }).ToDictionary(s => RefreshJob.RecurringJobId(s.Key) + suffix);
        foreach (var (id, (name, source)) in wanted)
        {
            jobs.AddOrUpdate<RefreshJob>(id, instance.Length > 0 ? instance : "default", job => job.RunAsync(name, CancellationToken.None), source.Cron,
                new RecurringJobOptions { TimeZone = TimeZones.Find(source.TimeZone), MisfireHandling = MisfireHandlingMode.Relaxed });
            log.LogInformation("Source {Source}: refreshed at '{Cron}' ({TimeZone}){ForInstance}", name, source.Cron, source.TimeZone,
                instance.Length > 0 ? $" for instance {instance}" : "");
        }
        List<RecurringJobDto> existing;
        using (var connection = storage.GetConnection())
            existing = [.. connection.GetRecurringJobs().Where(j => j.Id.StartsWith(RefreshJob.RecurringJobId(""), StringComparison.Ordinal))];
        // Its own jobs, and the unnamed ones (an instance that was alone before it was named); never another instance's.
        foreach (var gone in existing.Where(j => !wanted.ContainsKey(j.Id) && (!j.Id.Contains('@') || (suffix.Length > 0 && j.Id.EndsWith(suffix, StringComparison.Ordinal)))))
        {
            jobs.RemoveIfExists(gone.Id);
            log.LogInformation("Recurring job {Job} removed: its source is no longer configured with a cron", gone.Id);
        }
    }
}
