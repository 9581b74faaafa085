using JourneyReports.Server.Portal.Components;
using Microsoft.AspNetCore.Mvc;

namespace JourneyReports.Server;

/// <summary>One's own account: role and data scope, a password, personal API tokens (made, shown once, revoked).</summary>
public static class AccountPages
{
    public static void MapAccountPages(this WebApplication app)
    {
        app.MapGet("/account", async (HttpContext context, string? welcome, string? done, UserAdmin admin, CancellationToken ct) =>
            await Show(context, admin, new { Welcome = welcome is not null, Done = Done(done) }, ct));
        app.MapPost("/account/password", SetPassword);
        app.MapPost("/account/tokens", CreateToken);
        app.MapPost("/account/tokens/{id:long}/revoke", async (long id, HttpContext context, UserAdmin admin, CancellationToken ct) =>
        {
            var user = (await context.AccountAsync())!;
            // Only one's own here, admins included: everyone's tokens are on the users pages.
            await admin.RevokeTokenAsync(id, user, ownOnly: true, ct);
            return Results.Redirect("/account?done=revoked");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    // What a redirect after a change says; a fixed list, so a link cannot make the page say anything else.
    static string? Done(string? done) => done switch
    {
        "password" => "Your password is set.",
        "revoked" => "The token is revoked: it no longer works.",
        _ => null,
    };

    static async Task<IResult> SetPassword(HttpContext context, [FromForm] string? password, [FromForm] string? confirm, Accounts accounts,
        UserAdmin admin, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        if (password != confirm) return await Show(context, admin, new { Errors = Problem("password", "The two passwords differ.") }, ct, 422);
        try { await accounts.SetPasswordAsync(user, password ?? "", ct); }
        catch (Accounts.AccountException e) { return await Show(context, admin, new { Errors = e.ByField }, ct, 422); }
        return Results.Redirect("/account?done=password");
    }

    // The token is shown in the answer to the POST, not after a redirect: it exists nowhere else to be shown from.
    static async Task<IResult> CreateToken(HttpContext context, [FromForm] string? name, [FromForm] int? days, Accounts accounts, UserAdmin admin, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        try
        {
            var (token, _, expires) = await accounts.CreateTokenAsync(user, name ?? "", days, ct);
            return await Show(context, admin, new { NewToken = token, NewTokenExpires = (DateTimeOffset?)expires }, ct);
        }
        catch (Accounts.AccountException e)
        {
            return await Show(context, admin, new { Errors = e.ByField, TokenName = name, TokenDays = days ?? accounts.Options.TokenDays }, ct, 422);
        }
    }

    static IDictionary<string, string[]> Problem(string field, string problem) => new Dictionary<string, string[]> { [field] = [problem] };

    static async Task<IResult> Show(HttpContext context, UserAdmin admin, object state, CancellationToken ct, int status = 200)
    {
        var user = (await context.AccountAsync())!;
        var options = context.RequestServices.GetRequiredService<AccountOptions>();
        var parameters = new Dictionary<string, object?>
        {
            ["User"] = user,
            ["Tokens"] = await admin.TokensAsync(user.UserId, ct),
            ["TokenDays"] = options.TokenDays,
            ["MaxTokenDays"] = options.MaxTokenDays,
            ["MinPasswordLength"] = options.MinPasswordLength,
        };
        foreach (var p in state.GetType().GetProperties()) parameters[p.Name] = p.GetValue(state);
        return PortalView.Page<AccountPage>(parameters, status);
    }
}
