using Hangfire;
using JourneyReports.Refresh;

namespace JourneyReports.Scheduling;

/// <summary>
/// The Hangfire job behind a source's refresh schedule. It takes only the source's name, so a stored job stays valid
/// when the source's settings change. Not retried by Hangfire: the failure is in the run history with its reason, the
/// model is as it was, and the next fire tries again (a source that is down would only fail again minutes later).
/// </summary>
public sealed class RefreshJob(SourceRefresher refresher)
{
    public static string RecurringJobId(string source) => $"refresh:{source}";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(string source, CancellationToken ct) => refresher.RefreshAsync(source, full: false, "schedule", ct);
}
