using JourneyReports.Catalog;

namespace JourneyReports.Server;

/// <summary>/api/v1/me (anyone signed in) and /api/v1/users (admins): accounts, their roles and scopes, sign-in links.</summary>
public static class UsersApi
{
    /// <summary>An account as the API shows it: never a password hash; the scope as text ("department=Electronics; region=North", "all").</summary>
    public sealed record UserView(long Id, string Email, string Name, string Role, string Scope, bool Disabled, bool HasPassword, string? LockedUntil,
        string CreatedAt, string? LastSignInAt)
    {
        public static UserView From(UserAccount u) => new(u.UserId, u.Email, u.Name, u.Role, ScopeChoices.Text(u.DataScope), u.IsDisabled,
            u.PasswordHash is not null, u.LockedUntil, u.CreatedAt, u.LastSignInAt);
    }

    /// <summary>A new account, or a change to one (where a field left out keeps its value).</summary>
    public sealed record UserBody(string? Email, string? Name, string? Role, string? Scope, string? Password, bool? Disabled);

    /// <summary>What link to make: "invitation" (the default) or "reset"; email: also send it (needs mail configured).</summary>
    public sealed record LinkBody(string? Purpose, bool? Email);

    public sealed record LinkView(string Url, string Purpose, DateTimeOffset ExpiresAt, string? Emailed);

    public static void MapUsersApi(this WebApplication app)
    {
        var api = app.Group().WithTags("Users");
        // A CancellationToken too, so the lambda is not taken for a RequestDelegate (whose result would be dropped).
        api.MapGet("/me", async (HttpContext context, CancellationToken _) => TypedResults.Ok(UserView.From((await context.AccountAsync())!)))
            .WithName("GetMe").WithSummary("Who am I: the signed-in account, its role and data scope")
            .Produces<UserView>().ProducesProblem(401);

        var users = api.MapGroup("/users").RequireAuthorization(AccountSetup.AdminPolicy).ProducesProblem(401).ProducesProblem(403);
        users.MapGet("", async (int? offset, int? limit, HttpRequest request, UserAdmin admin, CancellationToken ct) =>
                Paged<UserView>.From([.. (await admin.UsersAsync(ct)).Select(UserView.From)], offset, limit, request))
            .WithName("ListUsers").WithSummary("Every account, by email (admins)")
            .Produces<Paged<UserView>>().ProducesProblem(400);
        users.MapPost("", Add)
            .WithName("AddUser").WithSummary("Make an account with a role and a data scope (admins); then POST /users/{id}/link for its invitation")
            .Produces<UserView>(201).ProducesValidationProblem(422).ProducesProblem(409);
        users.MapGet("/{id:long}", async (long id, UserAdmin admin, CancellationToken ct) =>
                await admin.UserAsync(id, ct) is { } user ? Results.Ok(UserView.From(user)) : NoUser(id))
            .WithName("GetUser").WithSummary("One account (admins)")
            .Produces<UserView>().ProducesProblem(404);
        users.MapPut("/{id:long}", Change)
            .WithName("ChangeUser").WithSummary("Change an account's name, role, data scope or whether it is disabled (admins); a field left out keeps its value")
            .Produces<UserView>().ProducesValidationProblem(422).ProducesProblem(404).ProducesProblem(409);
        users.MapDelete("/{id:long}", Delete)
            .WithName("DeleteUser").WithSummary("Delete an account and its tokens (admins); not one's own, nor the last admin")
            .Produces(204).ProducesProblem(404).ProducesProblem(409);
        users.MapPost("/{id:long}/link", Link)
            .WithName("MakeSignInLink").WithSummary("A one-time sign-in link for an account: an invitation or a password reset, optionally emailed (admins)")
            .Produces<LinkView>(201).ProducesValidationProblem(422).ProducesProblem(404);
    }

    static async Task<IResult> Add(UserBody body, HttpContext context, UserAdmin admin, CancellationToken ct)
    {
        var me = (await context.AccountAsync())!;
        try
        {
            var user = await admin.AddAsync(new(body.Email ?? "", body.Name ?? "", body.Role ?? "", body.Scope, body.Password, body.Disabled ?? false), me.Email, ct);
            return Results.Created($"{ApiSetup.Prefix}/users/{user.UserId}", UserView.From(user));
        }
        catch (Accounts.AccountException e) { return Problem(e); }
    }

    static async Task<IResult> Change(long id, UserBody body, HttpContext context, UserAdmin admin, CancellationToken ct)
    {
        var me = (await context.AccountAsync())!;
        if (await admin.UserAsync(id, ct) is not { } user) return NoUser(id);
        if (body.Email is { } email && !email.Trim().Equals(user.Email, StringComparison.OrdinalIgnoreCase))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["an account's email cannot change; make a new account"] }, statusCode: 422);
        if (body.Password is not null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["an admin does not set passwords: POST /users/{id}/link makes a reset link"] }, statusCode: 422);
        try
        {
            var changed = await admin.UpdateAsync(id, new(user.Email, body.Name ?? user.Name, body.Role ?? user.Role,
                body.Scope ?? ScopeChoices.Text(user.DataScope), Disabled: body.Disabled ?? user.IsDisabled), me.Email, ct);
            return Results.Ok(UserView.From(changed));
        }
        catch (Accounts.AccountException e) { return Problem(e); }
    }

    static async Task<IResult> Delete(long id, HttpContext context, UserAdmin admin, CancellationToken ct)
    {
        try { return await admin.DeleteAsync(id, (await context.AccountAsync())!, ct) ? Results.NoContent() : NoUser(id); }
        catch (Accounts.AccountException e) { return Problem(e); }
    }

    static async Task<IResult> Link(long id, LinkBody? body, HttpContext context, UserAdmin admin, CancellationToken ct)
    {
        var me = (await context.AccountAsync())!;
        if (await admin.UserAsync(id, ct) is not { } user) return NoUser(id);
        try
        {
            var link = await admin.LinkAsync(user, body?.Purpose ?? SignInLinkPurpose.Invitation, body?.Email ?? false, me.Email, ct);
            return Results.Json(new LinkView(link.Url, link.Purpose, link.ExpiresAt, link.Emailed is { } e ? $"{e.Status}: {e.Detail}" : null), statusCode: 201);
        }
        catch (Accounts.AccountException e) { return Problem(e); }
    }

    /// <summary>Bad values are 422 with each problem under its field; a clash with what exists (a taken email, the last admin) is 409.</summary>
    public static IResult Problem(Accounts.AccountException e) => e.IsConflict
        ? Results.Problem(title: "Conflict", detail: e.Message, statusCode: 409)
        : Results.ValidationProblem(e.ByField, detail: e.Message, statusCode: 422);

    static IResult NoUser(long id) => Results.Problem(title: "No such account", detail: $"there is no account {id}", statusCode: 404);
}
