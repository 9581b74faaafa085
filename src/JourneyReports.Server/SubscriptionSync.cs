using JourneyReports.Scheduling;

namespace JourneyReports.Server;

/// <summary>Brings Hangfire's recurring jobs in line with the catalog every few seconds, so a subscription saved by a verb takes effect without a restart.</summary>
public sealed class SubscriptionSync(SubscriptionSchedule schedule, JourneyReportsOptions options, ILogger<SubscriptionSync> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Subscriptions.SyncSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await schedule.SyncAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Could not bring the recurring jobs in line with the subscriptions; trying again in {Seconds} s", options.Subscriptions.SyncSeconds);
            }
        }
    }
}
