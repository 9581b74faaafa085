using JourneyReports.Catalog;
using JourneyReports.Server.Portal.Components;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>
/// Analysts' subscription pages: the list, the editor (new and saved), and the buttons that pause, resume, delete, run
/// now and send a test to oneself. Thin: every action is <see cref="SubscriptionActions"/>, as the API's are.
/// </summary>
public static class SubscriptionFormPages
{
    public static void MapSubscriptionPages(this WebApplication app)
    {
        var pages = app.MapGroup("/subscriptions").RequireAuthorization(AccountSetup.AnalystPolicy);
        pages.MapGet("", List);
        pages.MapGet("/new", async (string? report, HttpContext context, SubscriptionActions actions, CancellationToken ct) =>
        {
            var user = (await context.AccountAsync())!;
            return await ShowAsync(user, SubscriptionForm.New(user.Email, "Europe/London", report ?? ""), null, actions, ct);
        });
        pages.MapPost("/new", (IFormCollection form, HttpContext context, SubscriptionActions actions, CancellationToken ct) => PostAsync(null, form, context, actions, ct));
        pages.MapGet("/{id:long}/edit", async (long id, string? done, string? job, long? run, HttpContext context, SubscriptionActions actions, CancellationToken ct) =>
        {
            var user = (await context.AccountAsync())!;
            if (await actions.GetAsync(id, ct) is not { } saved) return NotFound(user, id);
            return await ShowAsync(user, SubscriptionForm.Of(saved), saved, actions, ct, message: Done(done, job, run, user));
        });
        pages.MapPost("/{id:long}/edit", (long id, IFormCollection form, HttpContext context, SubscriptionActions actions, CancellationToken ct) => PostAsync(id, form, context, actions, ct));
        Button(pages, "pause", (a, user, id, address, ct) => a.PauseAsync(user, id, address, ct));
        Button(pages, "resume", (a, user, id, address, ct) => a.ResumeAsync(user, id, address, ct));
        Button(pages, "run", (a, user, id, address, ct) => a.RunNowAsync(user, id, address, ct));
        Button(pages, "test", (a, user, id, address, ct) => a.TestSendAsync(user, id, address, ct));
        pages.MapPost("/{id:long}/delete", async (long id, IFormCollection form, HttpContext context, SubscriptionActions actions, CancellationToken ct) =>
        {
            var user = (await context.AccountAsync())!;
            var outcome = await actions.DeleteAsync(user, id, Address(context), ct);
            return outcome.Status == ActionStatus.NotFound ? NotFound(user, id)
                : Results.Redirect($"/subscriptions?deleted={Uri.EscapeDataString(outcome.Subscription!.Name)}");
        });
    }

    static async Task<IResult> List(string? deleted, HttpContext context, SubscriptionActions actions, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        return PortalView.Page<SubscriptionListPage>(new
        {
            User = user, Statuses = await actions.StatusesAsync(user, ct),
            Message = deleted is null ? null : $"Subscription {deleted} deleted; its runs stay in the run history.",
        });
    }

    /// <summary>A button's action, then back to the editor saying what happened (or, when it could not be done, why).</summary>
    static void Button(RouteGroupBuilder pages, string name, Func<SubscriptionActions, UserAccount, long, string?, CancellationToken, Task<SubscriptionOutcome>> act) =>
        // The (empty) form is bound so that only a form post is taken, and with it its antiforgery token is always checked:
        // a body of another type (text/plain, which a page on another site may send) is refused before anything is done.
        pages.MapPost($"/{{id:long}}/{name}", async (long id, IFormCollection form, HttpContext context, SubscriptionActions actions, CancellationToken ct) =>
        {
            var user = (await context.AccountAsync())!;
            var outcome = await act(actions, user, id, Address(context), ct);
            return outcome.Status switch
            {
                ActionStatus.NotFound => NotFound(user, id),
                ActionStatus.Done => Results.Redirect($"/subscriptions/{id}/edit?done={name}"
                    + (outcome.JobId is { } job ? $"&job={Uri.EscapeDataString(job)}" : "") + (outcome.Run is { } run ? $"&run={run.RunId}" : "")),
                _ => await ShowAsync(user, SubscriptionForm.Of(outcome.Subscription!), outcome.Subscription, actions, ct,
                    message: outcome.Message, good: false, status: outcome.Status switch { ActionStatus.Conflict => 409, ActionStatus.Failed => 502, _ => 422 }),
            };
        });

    static async Task<IResult> PostAsync(long? id, IFormCollection posted, HttpContext context, SubscriptionActions actions, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        var saved = id is { } known ? await actions.GetAsync(known, ct) : null;
        if (id is not null && saved is null) return NotFound(user, id.Value);
        var form = SubscriptionForm.Read(posted, id);
        // Preview, more rows: the same form back, worked out again, nothing saved.
        if (posted["action"] != "save") return await ShowAsync(user, form, saved, actions, ct);
        var (subscription, formProblems) = form.ToSubscription();
        if (subscription.Owner.Length == 0) subscription = subscription with { Owner = saved?.Owner ?? user.Email };
        if (formProblems.Count > 0)
        {
            // The form's own problems (a time that is not one) and the subscription's, together.
            var all = new Dictionary<string, string[]>(await actions.ProblemsAsync(user, subscription, ct));
            foreach (var (field, problems) in formProblems) all[field] = problems;
            // No cron was made (the builder's fields say why), so the check's "cron ''" says nothing more.
            if (form.MadeCron().Cron is null) all.Remove("cron");
            return await ShowAsync(user, form, saved, actions, ct, all, status: 422);
        }
        var outcome = await actions.SaveAsync(user, subscription, id, Address(context), ct);
        return outcome.Status switch
        {
            ActionStatus.Done => Results.Redirect($"/subscriptions/{outcome.Subscription!.Id}/edit?done=saved"),
            ActionStatus.NotFound => NotFound(user, id ?? 0),
            _ => await ShowAsync(user, form, saved, actions, ct, outcome.Problems, status: outcome.Status == ActionStatus.Conflict ? 409 : 422),
        };
    }

    static async Task<IResult> ShowAsync(UserAccount user, SubscriptionForm form, Subscription? saved, SubscriptionActions actions, CancellationToken ct,
        IReadOnlyDictionary<string, string[]>? problems = null, string? message = null, bool good = true, int status = 200)
    {
        var (cron, _) = form.MadeCron();
        return PortalView.Page<SubscriptionEditPage>(new
        {
            User = user, Form = form, Saved = saved, Problems = problems ?? new Dictionary<string, string[]>(),
            Definitions = actions.Library().Definitions, FilterValues = await actions.FilterValuesAsync(ct),
            Schedule = cron is null ? null : SubscriptionPreviews.Schedule(cron, form.TimeZone, actions.Now, 5),
            Email = SubscriptionPreviews.Email(form.Subject, form.Body), Zones = Zones(form.TimeZone), Message = message, MessageIsGood = good,
        }, status);
    }

    static string? Done(string? done, string? job, long? run, UserAccount user) => done switch
    {
        "saved" => "Saved.",
        "pause" => "Paused: it does not run until resumed.",
        "resume" => "Resumed: it runs at its next fire time.",
        "run" => $"Run queued (job {job}); it shows in the run history when it is done.",
        "test" => $"A test was sent to {user.Email} (run {run}).",
        _ => null,
    };

    static IResult NotFound(UserAccount user, long id) => PortalView.Page<SubscriptionNotFoundPage>(new { User = user, Id = id }, 404);

    static string? Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    /// <summary>The IANA zones for the picker (and the form's own value, so a wrong one is shown with its problem, not lost).</summary>
    static IReadOnlyList<string> Zones(string current) =>
        AllZones.Value.Contains(current) || current.Length == 0 ? AllZones.Value : [current, .. AllZones.Value];

    static readonly Lazy<IReadOnlyList<string>> AllZones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => TimeZones.Problem(id) is null).Append("UTC").Distinct().Order(StringComparer.Ordinal)]);
}
