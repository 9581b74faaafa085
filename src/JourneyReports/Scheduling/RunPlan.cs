using JourneyReports.Catalog;
using JourneyReports.Journeys;

namespace JourneyReports.Scheduling;

/// <summary>
/// What one run does: a report (a dashboard definition) with parameters (by the names the web and CLI use: period,
/// compare, filters) read in a time zone, sent in some formats to recipients, each with their own slice. A subscription's
/// run names it (its ledger, unsubscribes, owner and templates apply) and the fire time it is for.
/// </summary>
public sealed record RunPlan(
    string ReportId,
    string Trigger,
    string TimeZoneId,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<SubscriptionRecipient> Recipients,
    IReadOnlyList<string> Formats,
    Subscription? Subscription = null,
    DateTimeOffset? FireTime = null,
    IReadOnlyList<DeliveryResult>? Skipped = null,
    bool FinalAttempt = true)
{
    /// <summary>An ad-hoc run of a report (the run verb, a test send): the standard email, no ledger.</summary>
    public static RunPlan AdHoc(RunRequest request) => new(request.ReportId, request.Trigger, request.TimeZoneId,
        request.Filter.ByName().Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value!),
        [.. request.Recipients.Select(r => new SubscriptionRecipient(r))], SubscriptionFormats.Default);

    /// <summary>A subscription's run for one fire time.</summary>
    /// <param name="finalAttempt">False while the schedule will retry the run: the owner is told of refusals-for-now only on the last try.</param>
    public static RunPlan For(Subscription subscription, SubscriptionRecipients.Resolved recipients, string trigger, DateTimeOffset fireTime, bool finalAttempt = true) =>
        new(subscription.Report, trigger, subscription.TimeZone, subscription.Parameters, recipients.Send, subscription.Formats, subscription, fireTime,
            recipients.Skipped, finalAttempt);
}

/// <summary>What to run ad hoc: a report in a time zone, with filters over its own, sent to these recipients.</summary>
public sealed record RunRequest(string ReportId, string Trigger, IReadOnlyList<string> Recipients, string TimeZoneId, JourneyFilter Filter);

/// <summary>One recipient's outcome in a run (see <see cref="DeliveryStatus"/>).</summary>
public sealed record DeliveryResult(string Recipient, string Status, string Detail);

public sealed record RunResult(long RunId, string Status, ReportPeriod Period, string ArtifactsDirectory, string DashboardPath, string WorkbookPath,
    IReadOnlyList<DeliveryResult> Deliveries);
