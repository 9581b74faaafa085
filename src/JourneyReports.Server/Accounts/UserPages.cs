using JourneyReports.Catalog;
using JourneyReports.Server.Portal.Components;

namespace JourneyReports.Server;

/// <summary>
/// Admins' pages: the users (invite, change, sign-in links, delete), everyone's API tokens, and the audit log. Thin
/// callers of <see cref="UserAdmin"/>, as the API is.
/// </summary>
public static class UserPages
{
    const int PageSize = 50;

    public static void MapUserPages(this WebApplication app)
    {
        var admin = app.MapGroup("").RequireAuthorization(AccountSetup.AdminPolicy);
        admin.MapGet("/users", List);
        admin.MapGet("/users/new", async (HttpContext context, UserAdmin users, CancellationToken ct) =>
            PortalView.Page<UserFormPage>(new { User = await Me(context), Values = await users.ScopeValuesAsync(ct), users.CanEmail }));
        admin.MapPost("/users/new", Invite);
        admin.MapGet("/users/{id:long}", async (long id, string? saved, HttpContext context, UserAdmin users, CancellationToken ct) =>
            await users.UserAsync(id, ct) is { } subject
                ? await Edit(context, users, subject, Input(subject), null, saved is null ? null : "Saved.", ct)
                : NoUser(await Me(context), id));
        admin.MapPost("/users/{id:long}", Save);
        admin.MapPost("/users/{id:long}/link", MakeLink);
        admin.MapPost("/users/{id:long}/delete", Delete).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
        admin.MapGet("/users/tokens", async (string? done, HttpContext context, UserAdmin users, CancellationToken ct) =>
            PortalView.Page<UserTokensPage>(new { User = await Me(context), Tokens = await users.TokensAsync(null, ct), Done = done is null ? null : "The token is revoked." }));
        admin.MapPost("/users/tokens/{id:long}/revoke", async (long id, string? back, HttpContext context, UserAdmin users, CancellationToken ct) =>
        {
            await users.RevokeTokenAsync(id, await Me(context), ownOnly: false, ct);
            return Results.LocalRedirect(back is null ? "/users/tokens?done=revoked" : SignInPages.LocalOrHome(back));
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
        admin.MapGet("/audit", Audit);
    }

    static async Task<UserAccount> Me(HttpContext context) => (await context.AccountAsync())!;

    static async Task<IResult> List(int? offset, string? deleted, HttpContext context, UserAdmin users, CancellationToken ct)
    {
        var all = await users.UsersAsync(ct);
        var from = Math.Clamp(offset ?? 0, 0, Math.Max(0, all.Count - 1));
        return PortalView.Page<UsersPage>(new
        {
            User = await Me(context), Users = all.Skip(from).Take(PageSize).ToList(), Offset = from, Limit = PageSize, Total = all.Count,
            Done = deleted is null ? null : $"{deleted} is deleted.",
        });
    }

    /// <summary>The form's values: an account as the form shows and posts it.</summary>
    sealed record FormInput(string Email, string Name, string Role, string? Scope, bool Disabled, bool SendEmail);

    static FormInput Input(UserAccount user) => new(user.Email, user.Name, user.Role, ScopeChoices.Text(user.DataScope), user.IsDisabled, false);

    static (FormInput Input, string? ScopeProblem) Read(IFormCollection form, string? email = null)
    {
        var (scope, problem) = ScopeChoices.FromForm(form);
        return (new FormInput(email ?? form["email"].ToString().Trim(), form["name"].ToString().Trim(), form["role"].ToString(), scope,
            form["disabled"].Contains("true"), form["sendEmail"].Contains("true")), problem);
    }

    static Accounts.AccountInput AccountInput(FormInput f) => new(f.Email, f.Name, f.Role, f.Scope, Disabled: f.Disabled);

    // The link is shown in the answer to the POST, not after a redirect: it is a secret that exists nowhere else.
    static async Task<IResult> Invite(IFormCollection form, HttpContext context, UserAdmin users, CancellationToken ct)
    {
        var me = await Me(context);
        var (input, scopeProblem) = Read(form);
        try
        {
            // Every problem before the account is made, the email's too: a refusal after it would leave it made.
            var emailProblem = input.SendEmail && users.CanEmail && System.Net.Mail.MailAddress.TryCreate(input.Email, out _) ? users.EmailProblem(input.Email) : null;
            if (scopeProblem is not null || emailProblem is not null)
                throw (users.ProblemsOf(AccountInput(input)) ?? new Accounts.AccountException([]))
                    .With([.. new[] { ("scope", scopeProblem), ("email", emailProblem) }.Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!))]);
            var user = await users.AddAsync(AccountInput(input), me.Email, ct);
            var link = await users.LinkAsync(user, SignInLinkPurpose.Invitation, input.SendEmail && users.CanEmail, me.Email, ct);
            return PortalView.Page<UserLinkPage>(new { User = me, Link = link, NewAccount = true }, 201);
        }
        catch (Accounts.AccountException e)
        {
            return PortalView.Page<UserFormPage>(new
            {
                User = me, input.Email, input.Name, input.Role, input.Scope, input.SendEmail, Errors = e.ByField,
                Values = await users.ScopeValuesAsync(ct), users.CanEmail,
            }, e.IsConflict ? 409 : 422);
        }
    }

    static async Task<IResult> Save(long id, IFormCollection form, HttpContext context, UserAdmin users, CancellationToken ct)
    {
        if (await users.UserAsync(id, ct) is not { } subject) return NoUser(await Me(context), id);
        var (input, scopeProblem) = Read(form, subject.Email);
        try
        {
            if (scopeProblem is not null) throw (users.ProblemsOf(AccountInput(input)) ?? new Accounts.AccountException([])).With([("scope", scopeProblem)]);
            await users.UpdateAsync(id, AccountInput(input), (await Me(context)).Email, ct);
            return Results.Redirect($"/users/{id}?saved=1");
        }
        catch (Accounts.AccountException e)
        {
            return await Edit(context, users, subject, input, e.ByField, null, ct, e.IsConflict ? 409 : 422);
        }
    }

    static async Task<IResult> MakeLink(long id, IFormCollection form, HttpContext context, UserAdmin users, CancellationToken ct)
    {
        var me = await Me(context);
        if (await users.UserAsync(id, ct) is not { } subject) return NoUser(me, id);
        try
        {
            var link = await users.LinkAsync(subject, form["purpose"].ToString(), form["sendEmail"].Contains("true"), me.Email, ct);
            return PortalView.Page<UserLinkPage>(new { User = me, Link = link });
        }
        catch (Accounts.AccountException e)
        {
            return await Edit(context, users, subject, Input(subject), new Dictionary<string, string[]> { ["account"] = [.. e.Problems] }, null, ct, 422);
        }
    }

    static async Task<IResult> Delete(long id, HttpContext context, UserAdmin users, CancellationToken ct)
    {
        var me = await Me(context);
        if (await users.UserAsync(id, ct) is not { } subject) return NoUser(me, id);
        try
        {
            await users.DeleteAsync(id, me, ct);
            return Results.Redirect($"/users?deleted={Uri.EscapeDataString(subject.Email)}");
        }
        catch (Accounts.AccountException e)
        {
            return await Edit(context, users, subject, Input(subject), e.ByField, null, ct, 409);
        }
    }

    static async Task<IResult> Edit(HttpContext context, UserAdmin users, UserAccount subject, FormInput input, IDictionary<string, string[]>? errors,
        string? done, CancellationToken ct, int status = 200) =>
        PortalView.Page<UserFormPage>(new
        {
            User = await Me(context), Subject = subject, input.Name, input.Role, input.Scope, input.Disabled, Errors = errors, Done = done,
            Values = await users.ScopeValuesAsync(ct), users.CanEmail, Tokens = await users.TokensAsync(subject.UserId, ct),
        }, status);

    static IResult NoUser(UserAccount me, long id) =>
        PortalView.Page<UserMissingPage>(new { User = me, Id = id }, 404);

    static async Task<IResult> Audit(string? action, int? offset, HttpContext context, ReportCatalog catalog, CancellationToken ct)
    {
        var filter = string.IsNullOrWhiteSpace(action) ? null : action.Trim();
        var total = await catalog.CountAuditAsync(filter, ct);
        var from = Math.Clamp(offset ?? 0, 0, Math.Max(0, total - 1));
        return PortalView.Page<AuditPage>(new
        {
            User = await Me(context), Entries = await catalog.AuditLogAsync(filter, PageSize, from, ct), Actions = await catalog.AuditActionsAsync(ct),
            Action = filter, Offset = from, Limit = PageSize, Total = total,
        });
    }
}
