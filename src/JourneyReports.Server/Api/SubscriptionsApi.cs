using System.Globalization;
using System.Text.Json;
using JourneyReports.Catalog;
using JourneyReports.Scheduling;

namespace JourneyReports.Server;

/// <summary>A subscription as lists show it: what, when, whether it runs, its next fire (in its zone) and its last run.</summary>
public sealed record SubscriptionListItem(long Id, string Name, string Report, string Owner, string Cron, string TimeZone, bool Enabled,
    int Recipients, bool RecipientsQuery, IReadOnlyList<string> Formats, DateTimeOffset? NextFire, RunRecord? LastRun, string Url);

/// <summary>What a check of a subscription found: nothing (valid), or every problem by field; and its next fire times.</summary>
public sealed record SubscriptionCheck(bool Valid, IReadOnlyDictionary<string, string[]> Problems, IReadOnlyList<DateTimeOffset> NextFireTimes);

/// <summary>A run queued by "run now": its job, and where its run will show.</summary>
public sealed record RunQueued(string JobId, long SubscriptionId, string Subscription, string Runs);

/// <summary>A test sent to the caller: its run, and how each delivery went.</summary>
public sealed record TestSent(long RunId, string Status, IReadOnlyList<DeliveryResult> Deliveries, string Run);

/// <summary>
/// /api/v1/subscriptions, for analysts and admins: CRUD, pause, resume, run now, a test to oneself, a check without
/// saving and a schedule preview. Bodies are the subscription file's JSON (camelCase; an unknown member is refused,
/// naming it). Every action goes through <see cref="SubscriptionActions"/>, as the portal's do.
/// </summary>
public static class SubscriptionsApi
{
    public static void MapSubscriptionsApi(this WebApplication app)
    {
        var api = app.Group().MapGroup("/subscriptions").RequireAuthorization(AccountSetup.AnalystPolicy).WithTags("Subscriptions")
            .ProducesProblem(401).ProducesProblem(403);
        api.MapGet("", List).WithName("ListSubscriptions").WithSummary("Every subscription, with its next fire time and last run (paged).")
            .Produces<Paged<SubscriptionListItem>>().ProducesProblem(400);
        api.MapPost("", Create).WithName("CreateSubscription").WithSummary("Checks a subscription and saves it as new.")
            .Accepts<Subscription>("application/json").Produces<Subscription>(201).ProducesProblem(400).ProducesProblem(409).ProducesValidationProblem(422);
        api.MapPost("/validate", Validate).WithName("ValidateSubscription").WithSummary("Checks a subscription without saving it: every problem by field, and its next fire times.")
            .Accepts<Subscription>("application/json").Produces<SubscriptionCheck>().ProducesProblem(400);
        api.MapGet("/schedule-preview", Preview).WithName("PreviewSchedule")
            .WithSummary("The next fire times of a cron in a time zone (as that zone's clock shows them), from now or from 'from'.")
            .Produces<SchedulePreview>().ProducesValidationProblem(400);
        api.MapGet("/{id:long}", Get).WithName("GetSubscription").WithSummary("One subscription, as it would be saved back with PUT.")
            .Produces<Subscription>().ProducesProblem(404);
        api.MapPut("/{id:long}", Update).WithName("UpdateSubscription").WithSummary("Checks and saves a changed subscription (its name cannot change).")
            .Accepts<Subscription>("application/json").Produces<Subscription>().ProducesProblem(400).ProducesProblem(404).ProducesValidationProblem(422);
        api.MapDelete("/{id:long}", async (long id, HttpContext context, SubscriptionActions actions, CancellationToken ct) =>
            Answer(await actions.DeleteAsync(await UserAsync(context), id, Address(context), ct), _ => Results.NoContent()))
            .WithName("DeleteSubscription").WithSummary("Deletes a subscription; its runs stay in the history.").Produces(204).ProducesProblem(404);
        api.MapPost("/{id:long}/pause", async (long id, HttpContext context, SubscriptionActions actions, CancellationToken ct) =>
            Answer(await actions.PauseAsync(await UserAsync(context), id, Address(context), ct), Saved))
            .WithName("PauseSubscription").WithSummary("Pauses a subscription: it does not run until resumed.").Produces<Subscription>().ProducesProblem(404);
        api.MapPost("/{id:long}/resume", async (long id, HttpContext context, SubscriptionActions actions, CancellationToken ct) =>
            Answer(await actions.ResumeAsync(await UserAsync(context), id, Address(context), ct), Saved))
            .WithName("ResumeSubscription").WithSummary("Resumes a paused subscription.").Produces<Subscription>().ProducesProblem(404);
        api.MapPost("/{id:long}/run", async (long id, HttpContext context, SubscriptionActions actions, CancellationToken ct) =>
            Answer(await actions.RunNowAsync(await UserAsync(context), id, Address(context), ct), o => Results.Accepted(
                $"{ApiSetup.Prefix}/runs?subscriptionId={id}", new RunQueued(o.JobId!, id, o.Subscription!.Name, $"{ApiSetup.Prefix}/runs?subscriptionId={id}"))))
            .WithName("RunSubscriptionNow").WithSummary("Queues a run of the subscription now, to all its recipients; its run shows in /runs.")
            .Produces<RunQueued>(202).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/{id:long}/test", async (long id, HttpContext context, SubscriptionActions actions, CancellationToken ct) =>
            Answer(await actions.TestSendAsync(await UserAsync(context), id, Address(context), ct), o => Results.Ok(
                new TestSent(o.Run!.RunId, o.Run.Status, o.Run.Deliveries, $"{ApiSetup.Prefix}/runs/{o.Run.RunId}"))))
            .WithName("TestSubscription").WithSummary("Sends the subscription's email now to the caller alone, drawn with the caller's data scope.")
            .Produces<TestSent>().ProducesProblem(404).ProducesProblem(422).ProducesProblem(502);
    }

    static async Task<IResult> List(int? offset, int? limit, HttpContext context, SubscriptionActions actions, CancellationToken ct)
    {
        var statuses = await actions.StatusesAsync(await UserAsync(context), ct);
        return Paged<SubscriptionListItem>.From([.. statuses.Select(s => new SubscriptionListItem(s.Subscription.Id, s.Subscription.Name, s.Subscription.Report,
            s.Subscription.Owner, s.Subscription.Cron, s.Subscription.TimeZone, s.Subscription.Enabled, s.Subscription.Recipients.Count,
            s.Subscription.RecipientsSql is not null, s.Subscription.Formats, s.NextFire, s.LastRun, $"{ApiSetup.Prefix}/subscriptions/{s.Subscription.Id}"))],
            offset, limit, context.Request);
    }

    static async Task<IResult> Get(long id, SubscriptionActions actions, CancellationToken ct) =>
        await actions.GetAsync(id, ct) is { } s ? Saved(new(ActionStatus.Done, s)) : NoSuch(id);

    static async Task<IResult> Create(HttpContext context, SubscriptionActions actions, CancellationToken ct)
    {
        var (body, bad) = await ReadAsync(context.Request, ct);
        if (body is null) return bad!;
        return Answer(await actions.SaveAsync(await UserAsync(context), body, null, Address(context), ct),
            o => new Created(Results.Json(o.Subscription, Subscription.Json, statusCode: 201), $"{ApiSetup.Prefix}/subscriptions/{o.Subscription!.Id}"));
    }

    static async Task<IResult> Update(long id, HttpContext context, SubscriptionActions actions, CancellationToken ct)
    {
        var (body, bad) = await ReadAsync(context.Request, ct);
        if (body is null) return bad!;
        return Answer(await actions.SaveAsync(await UserAsync(context), body, id, Address(context), ct), Saved);
    }

    static async Task<IResult> Validate(HttpContext context, SubscriptionActions actions, CancellationToken ct)
    {
        var (body, bad) = await ReadAsync(context.Request, ct);
        if (body is null) return bad!;
        var user = await UserAsync(context);
        var subscription = string.IsNullOrWhiteSpace(body.Owner) ? body with { Owner = user.Email } : body;
        var problems = await actions.ProblemsAsync(user, subscription, ct);
        return Results.Ok(new SubscriptionCheck(problems.Count == 0, problems,
            problems.ContainsKey("cron") || problems.ContainsKey("timeZone") ? [] : SubscriptionJob.NextFireTimes(subscription, actions.Now, 5)));
    }

    static IResult Preview(string? cron, string? tz, string? count, string? from, SubscriptionActions actions)
    {
        var problems = new Dictionary<string, string[]>();
        var n = 5;
        if (count is not null && !int.TryParse(count, CultureInfo.InvariantCulture, out n)) problems["count"] = [$"count '{count}' is not a whole number"];
        var start = actions.Now;
        if (from is not null && !DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
            problems["from"] = [$"from '{from}' is not a date and time such as 2027-03-20T00:00:00Z"];
        var preview = SubscriptionPreviews.Schedule(cron, tz, start, problems.ContainsKey("count") ? 5 : n);
        foreach (var (field, list) in preview.Problems) problems[field == "timeZone" ? "tz" : field] = list;
        return problems.Count > 0
            ? Results.ValidationProblem(problems, title: "The schedule cannot be previewed", detail: string.Join("; ", problems.Values.SelectMany(p => p)))
            : Results.Ok(preview);
    }

    /// <summary>The body as a subscription; a malformed one, or one with a member a subscription does not have, is a 400 naming it.</summary>
    static async Task<(Subscription? Body, IResult? Bad)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            return (null, Results.Problem(title: "Send the subscription as JSON", detail: "The body must be a subscription in JSON, with Content-Type: application/json.", statusCode: 400));
        try
        {
            var body = await JsonSerializer.DeserializeAsync<Subscription>(request.Body, Subscription.Json, ct);
            return body is null
                ? (null, Results.Problem(title: "The body is not a subscription", detail: "The body is null; send a subscription object.", statusCode: 400))
                : (Complete(body), null);
        }
        catch (JsonException e)
        {
            return (null, Results.Problem(title: "The body is not a subscription", detail: e.Message, statusCode: 400));
        }
    }

    // JSON may say null where a subscription has a value: read as empty, so the check names what is missing instead of failing on it.
    static Subscription Complete(Subscription s) => s with
    {
        Name = s.Name ?? "", Owner = s.Owner ?? "", Report = s.Report ?? "", Cron = s.Cron ?? "", TimeZone = s.TimeZone ?? "", WhenEmpty = s.WhenEmpty ?? "",
        Parameters = (s.Parameters ?? []).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
        Formats = [.. (s.Formats ?? []).Select(f => f ?? "")],
        Recipients = [.. (s.Recipients ?? []).Where(r => r is not null).Select(r => new SubscriptionRecipient(r.Email ?? "",
            r.Slice?.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value)))],
    };

    /// <summary>An action's outcome as HTTP: <paramref name="done"/>'s answer, or the problem with the status it calls for.</summary>
    static IResult Answer(SubscriptionOutcome outcome, Func<SubscriptionOutcome, IResult> done) => outcome.Status switch
    {
        ActionStatus.Done => done(outcome),
        ActionStatus.NotFound => Results.Problem(title: "Subscription not found", detail: outcome.Message, statusCode: 404),
        ActionStatus.Conflict when outcome.Problems is { } problems => Results.ValidationProblem(problems, title: "The name is taken", statusCode: 409,
            detail: string.Join("; ", problems.Values.SelectMany(p => p))),
        ActionStatus.Conflict => Results.Problem(title: "Not now", detail: outcome.Message, statusCode: 409),
        ActionStatus.Invalid when outcome.Problems is { } problems => Results.ValidationProblem(problems, title: "The subscription has problems; nothing was saved",
            statusCode: 422, detail: string.Join("; ", problems.Values.SelectMany(p => p))),
        ActionStatus.Invalid => Results.Problem(title: "Not possible", detail: outcome.Message, statusCode: 422),
        _ => Results.Problem(title: "It did not work", detail: outcome.Message, statusCode: 502),
    };

    static IResult Saved(SubscriptionOutcome outcome) => Results.Json(outcome.Subscription, Subscription.Json);

    static IResult NoSuch(long id) => Results.Problem(title: "Subscription not found", detail: $"There is no subscription {id}.", statusCode: 404);

    static async Task<UserAccount> UserAsync(HttpContext context) => (await context.AccountAsync())!;

    static string? Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    /// <summary>A 201 with its Location, around any result.</summary>
    sealed class Created(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.Location = location;
            return inner.ExecuteAsync(context);
        }
    }
}
