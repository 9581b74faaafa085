using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Journeys;
using JourneyReports.Scheduling;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>How an action on a subscription ended; the portal and the API each map it to a status once.</summary>
public enum ActionStatus { Done, NotFound, Invalid, Conflict, Failed }

/// <summary>An action's outcome: the subscription as it now is, or the problems by field, or why it could not be done.</summary>
public sealed record SubscriptionOutcome(ActionStatus Status, Subscription? Subscription = null,
    IReadOnlyDictionary<string, string[]>? Problems = null, string? Message = null, string? JobId = null, RunResult? Run = null);

/// <summary>A subscription with what its lists show: its last run this person may see, and its next fire time (in its zone).</summary>
public sealed record SubscriptionStatus(Subscription Subscription, RunRecord? LastRun, DateTimeOffset? NextFire);

/// <summary>
/// Everything analysts do to subscriptions, for the portal's pages and the API alike: list, check (every problem by
/// field), save, pause, resume, delete, run now, send a test to oneself; each change is written to the audit log as
/// its actor. Bound per request (see <see cref="BindAsync"/>), so handlers just take it as a parameter.
/// </summary>
public sealed partial class SubscriptionActions(ReportCatalog catalog, SubscriptionSchedule schedule, ReportRunner runner, RunArtifacts artifacts,
    DashboardRuns dashboards, FilterChoices filters, JourneyWarehouse warehouse, JourneyReportsOptions options, TimeProvider clock, ILogger<SubscriptionActions> log)
{
    /// <summary>Lets a minimal API handler take the actions as a parameter without a registration in Program.cs.</summary>
    public static ValueTask<SubscriptionActions?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<SubscriptionActions?>(ActivatorUtilities.CreateInstance<SubscriptionActions>(context.RequestServices));

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The definitions as the dashboard pages have them (read again only when the folder changes).</summary>
    public DashboardLibrary Library() => dashboards.Library();

    /// <summary>Analysts and admins see every subscription; anyone else those that list them as a recipient.</summary>
    public async Task<IReadOnlyList<Subscription>> VisibleAsync(UserAccount user, CancellationToken ct)
    {
        var all = await catalog.SubscriptionsAsync(ct);
        return user.Role is Roles.Admin or Roles.Analyst ? all
            : [.. all.Where(s => s.Recipients.Any(r => r.Email.Equals(user.Email, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The subscriptions this person may see, each with its last run they may see and its next fire time.</summary>
    public async Task<IReadOnlyList<SubscriptionStatus>> StatusesAsync(UserAccount user, CancellationToken ct)
    {
        var runs = await catalog.RecentRunsAsync(500, ct);
        var now = clock.GetUtcNow();
        return [.. (await VisibleAsync(user, ct)).Select(s => new SubscriptionStatus(s,
            runs.FirstOrDefault(r => r.SubscriptionId == s.Id && RunAccess.MaySeeAny(user, artifacts, r.RunId)),
            s.Enabled ? SubscriptionJob.NextFireTimes(s, now, 1).Cast<DateTimeOffset?>().FirstOrDefault() : null))];
    }

    public Task<Subscription?> GetAsync(long id, CancellationToken ct) => catalog.GetSubscriptionAsync(id, ct);

    /// <summary>
    /// Creates (<paramref name="id"/> null) or changes a subscription after checking it whole. A new one may not take an
    /// existing name (conflict); a saved one keeps its name. The owner defaults to the actor (to the owner it had, on a change).
    /// </summary>
    public async Task<SubscriptionOutcome> SaveAsync(UserAccount actor, Subscription input, long? id, string? address, CancellationToken ct)
    {
        Subscription? existing = null;
        if (id is { } known)
        {
            existing = await catalog.GetSubscriptionAsync(known, ct);
            if (existing is null) return new(ActionStatus.NotFound, Message: $"There is no subscription {known}.");
            if (input.Name.Length > 0 && input.Name != existing.Name)
                return Invalid("name", $"name '{input.Name}': a subscription's name cannot change (it is '{existing.Name}'); make a new one and delete this one");
        }
        else if (await catalog.FindSubscriptionAsync(input.Name, ct) is { } taken)
            return new(ActionStatus.Conflict, Problems: new Dictionary<string, string[]>
                { ["name"] = [$"name '{input.Name}' is taken by subscription {taken.Id}; edit that one, or choose another name"] });

        var subscription = input with
        {
            Id = existing?.Id ?? 0,
            Name = existing?.Name ?? input.Name,
            Owner = string.IsNullOrWhiteSpace(input.Owner) ? existing?.Owner ?? actor.Email : input.Owner.Trim(),
        };
        var problems = await ProblemsAsync(actor, subscription, ct);
        if (problems.Count > 0) return new(ActionStatus.Invalid, subscription, problems);

        var now = clock.GetUtcNow();
        var saved = await catalog.SaveSubscriptionAsync(subscription, now, ct);
        await catalog.AuditAsync(actor.Email, "subscription-saved", saved.Name,
            $"{(existing is null ? "created" : "changed")}: {saved.Report} at '{saved.Cron}' {saved.TimeZone}, {saved.Recipients.Count} recipient(s), version {saved.Version}", now, ct, address);
        await SyncAsync(ct);
        return new(ActionStatus.Done, saved);
    }

    /// <summary>Every problem of a subscription, by field: its own checks, then the data scopes of the actor and of recipients who have accounts.</summary>
    public async Task<Dictionary<string, string[]>> ProblemsAsync(UserAccount actor, Subscription subscription, CancellationToken ct)
    {
        var problems = SubscriptionValidation.Problems(subscription, Library(), warehouse.Provider, await FilterValuesAsync(ct), options.Mail).ToList();
        problems.AddRange(await ScopeProblemsAsync(actor, subscription, ct));
        return SubscriptionProblems.ByField(problems.Distinct(), subscription);
    }

    /// <summary>The values each filter takes, to name a slice's typo; null (that check skipped) while another process holds the warehouse.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlySet<string>>?> FilterValuesAsync(CancellationToken ct) => filters.ValuesAsync(ct);

    public Task<SubscriptionOutcome> PauseAsync(UserAccount actor, long id, string? address, CancellationToken ct) => SetEnabledAsync(actor, id, false, address, ct);

    public Task<SubscriptionOutcome> ResumeAsync(UserAccount actor, long id, string? address, CancellationToken ct) => SetEnabledAsync(actor, id, true, address, ct);

    async Task<SubscriptionOutcome> SetEnabledAsync(UserAccount actor, long id, bool enabled, string? address, CancellationToken ct)
    {
        if (await catalog.GetSubscriptionAsync(id, ct) is not { } subscription) return NotFound(id);
        var now = clock.GetUtcNow();
        await catalog.SetSubscriptionEnabledAsync(subscription.Name, enabled, now, ct);
        await catalog.AuditAsync(actor.Email, enabled ? "subscription-resumed" : "subscription-paused", subscription.Name, null, now, ct, address);
        await SyncAsync(ct);
        return new(ActionStatus.Done, await catalog.GetSubscriptionAsync(id, ct));
    }

    /// <summary>Deletes it (its runs stay in the history) and its recurring job.</summary>
    public async Task<SubscriptionOutcome> DeleteAsync(UserAccount actor, long id, string? address, CancellationToken ct)
    {
        if (await catalog.GetSubscriptionAsync(id, ct) is not { } subscription) return NotFound(id);
        await catalog.DeleteSubscriptionAsync(subscription.Name, ct);
        await catalog.AuditAsync(actor.Email, "subscription-deleted", subscription.Name, $"{subscription.Report} to {subscription.Recipients.Count} recipient(s)", clock.GetUtcNow(), ct, address);
        await SyncAsync(ct);
        return new(ActionStatus.Done, subscription);
    }

    /// <summary>Queues a run for now (a background job, as a fire of its schedule); a paused subscription is not run.</summary>
    public async Task<SubscriptionOutcome> RunNowAsync(UserAccount actor, long id, string? address, CancellationToken ct)
    {
        if (await catalog.GetSubscriptionAsync(id, ct) is not { } subscription) return NotFound(id);
        if (!subscription.Enabled)
            return new(ActionStatus.Conflict, subscription, Message: $"Subscription '{subscription.Name}' is paused: resume it to run it.");
        var job = schedule.RunNow(subscription);
        await catalog.AuditAsync(actor.Email, "subscription-run-now", subscription.Name, $"job {job}", clock.GetUtcNow(), ct, address);
        return new(ActionStatus.Done, subscription, JobId: job);
    }

    /// <summary>
    /// The subscription's email (its templates and formats) to the actor alone, now: no ledger, no owner notices. The
    /// data is the actor's own slice: the subscription's filters, narrowed to the actor's data scope.
    /// </summary>
    public async Task<SubscriptionOutcome> TestSendAsync(UserAccount actor, long id, string? address, CancellationToken ct)
    {
        if (await catalog.GetSubscriptionAsync(id, ct) is not { } subscription) return NotFound(id);
        if (SubscriptionValidation.DomainProblem(actor.Email, options.Mail) is { } domain)
            return new(ActionStatus.Invalid, subscription, Message: $"A test cannot go to you: {domain}.");
        var slice = ScopeSlice(actor.DataScope, subscription.Parameters);
        var plan = new RunPlan(subscription.Report, ReportRunner.TestTrigger, subscription.TimeZone, subscription.Parameters,
            [new SubscriptionRecipient(actor.Email, slice.Count == 0 ? null : slice)], subscription.Formats, subscription, clock.GetUtcNow());
        await catalog.AuditAsync(actor.Email, "subscription-test-send", subscription.Name, $"to {actor.Email}", clock.GetUtcNow(), ct, address);
        try
        {
            return new(ActionStatus.Done, subscription, Run: await runner.RunAsync(plan, ct));
        }
        catch (Exception e) when (e is ReportNotRunnableException or ReportFailedException or DeliveryIncompleteException)
        {
            // The run is in the history with the reason; the caller is told it here.
            return new(ActionStatus.Failed, subscription, Message: $"The test was not sent: {e.Message}");
        }
    }

    // A recurring job follows the catalog within seconds anyway (SubscriptionSync); doing it now makes a page that shows the
    // next fire right at once, and a sync that fails here is only logged, as the next tick tries again.
    async Task SyncAsync(CancellationToken ct)
    {
        try { await schedule.SyncAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The recurring jobs will follow the subscriptions at the next sync");
        }
    }

    static SubscriptionOutcome NotFound(long id) => new(ActionStatus.NotFound, Message: $"There is no subscription {id}.");

    static SubscriptionOutcome Invalid(string field, string problem) =>
        new(ActionStatus.Invalid, Problems: new Dictionary<string, string[]> { [field] = [problem] });
}
