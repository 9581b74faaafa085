using Hangfire;
using JourneyReports.Journeys;
using JourneyReports.Warehouse;

namespace JourneyReports.Scheduling;

/// <summary>
/// The Hangfire job behind every schedule. It takes only the schedule's key, so a job stored in Hangfire stays valid
/// when the schedule's recipients or time zone change in configuration.
/// </summary>
public sealed class ScheduledReportJob(ReportRunner runner, JourneyReportsOptions options)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(string scheduleKey, CancellationToken ct)
    {
        var schedule = options.Schedules.SingleOrDefault(s => s.Key == scheduleKey)
            ?? throw new InvalidOperationException($"Schedule '{scheduleKey}' is no longer configured.");
        try
        {
            await runner.RunAsync(new RunRequest(schedule.Report, $"schedule:{schedule.Key}", schedule.Recipients, schedule.TimeZone, JourneyFilter.None), ct);
        }
        catch (Exception e) when (e is ReportNotRunnableException or ReportFailedException)
        {
            // Already recorded as a failed run with the reason; retrying would not mend a broken definition or query.
        }
    }

    public static string RecurringJobId(ScheduleOptions schedule) => $"report:{schedule.Key}";

    /// <summary>Makes Hangfire's recurring jobs match the configured schedules.</summary>
    public static void Register(IRecurringJobManager jobs, JourneyReportsOptions options)
    {
        foreach (var schedule in options.Schedules)
        {
            var key = schedule.Key;
            jobs.AddOrUpdate<ScheduledReportJob>(RecurringJobId(schedule), job => job.RunAsync(key, CancellationToken.None), schedule.Cron,
                new RecurringJobOptions { TimeZone = TimeZones.Find(schedule.TimeZone) });
        }
    }
}
