using JourneyReports.Catalog;
using Microsoft.AspNetCore.Mvc;
using static JourneyReports.Server.Html;

namespace JourneyReports.Server;

/// <summary>One's own account: role and data scope, a password, personal API tokens (made, shown once, revoked).</summary>
public static class AccountPages
{
    public static void MapAccountPages(this WebApplication app)
    {
        app.MapGet("/account", (HttpContext context, string? welcome, ReportCatalog catalog, CancellationToken ct) => Show(context, catalog, welcome is not null, null, null, ct));
        app.MapPost("/account/password", SetPassword);
        app.MapPost("/account/tokens", CreateToken);
        app.MapPost("/account/tokens/{id:long}/revoke", async (long id, HttpContext context, ReportCatalog catalog, TimeProvider clock, CancellationToken ct) =>
        {
            var user = (await context.AccountAsync())!;
            var revoked = await catalog.RevokeTokenAsync(id, user.UserId, clock.GetUtcNow(), ct);
            if (revoked) await catalog.AuditAsync(user.Email, "token-revoked", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, clock.GetUtcNow(), ct);
            return Results.Redirect("/account");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    static async Task<IResult> SetPassword(HttpContext context, [FromForm] string? password, [FromForm] string? confirm, Accounts accounts, ReportCatalog catalog, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        if (password != confirm) return await Show(context, catalog, false, "The two passwords differ.", null, ct, 400);
        try { await accounts.SetPasswordAsync(user, password ?? "", ct); }
        catch (Accounts.AccountException e) { return await Show(context, catalog, false, e.Message, null, ct, 400); }
        return await Show(context, catalog, false, null, "Your password is set.", ct);
    }

    static async Task<IResult> CreateToken(HttpContext context, [FromForm] string? name, [FromForm] int? days, Accounts accounts, ReportCatalog catalog, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        try
        {
            var (token, _, expires) = await accounts.CreateTokenAsync(user, name ?? "", days, ct);
            return await Show(context, catalog, false, null,
                $"Your new token (copy it now: it is not shown again; it works until {expires:yyyy-MM-dd}): <code id=\"new-token\">{E(token)}</code>", ct, raw: true);
        }
        catch (Accounts.AccountException e) { return await Show(context, catalog, false, e.Message, null, ct, 400); }
    }

    static async Task<IResult> Show(HttpContext context, ReportCatalog catalog, bool welcome, string? problem, string? done, CancellationToken ct, int status = 200, bool raw = false)
    {
        var user = (await context.AccountAsync())!;
        var tokens = await catalog.TokensAsync(user.UserId, ct);
        var rows = string.Concat(tokens.Select(t => $"""
            <tr><td>{E(t.Name)}</td><td><code>{E(t.Prefix)}…</code></td><td>{E(t.CreatedAt)}</td><td>{E(t.ExpiresAt)}</td><td>{E(t.LastUsedAt ?? "never")}</td>
            <td>{(t.RevokedAt is null ? $"<form method=\"post\" action=\"/account/tokens/{t.TokenId}/revoke\">{AntiforgeryField(context)}<button>Revoke</button></form>" : $"revoked {E(t.RevokedAt)}")}</td></tr>
            """));
        var body = $"""
            <h1>{E(user.Name)}</h1>
            <p>{E(user.Email)} · role <b>{E(user.Role)}</b> · data: <b>{E(user.DataScope.ToString())}</b></p>
            {(welcome ? "<p class=\"good\">You are signed in. Set a password to sign in next time.</p>" : "")}
            {(problem is null ? "" : $"<p class=\"bad\" role=\"alert\">{E(problem)}</p>")}
            {(done is null ? "" : $"<p class=\"good\" role=\"status\">{(raw ? done : E(done))}</p>")}
            <h2>Password</h2>
            <form method="post" action="/account/password" class="stack">{AntiforgeryField(context)}
              <label>New password <input name="password" type="password" autocomplete="new-password" required></label>
              <label>Again <input name="confirm" type="password" autocomplete="new-password" required></label>
              <button type="submit">Set password</button>
            </form>
            <h2>API tokens</h2>
            <p class="muted">For scripts: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you, with your role and data scope.</p>
            <table><tr><th>Name</th><th>Token</th><th>Made</th><th>Expires</th><th>Last used</th><th></th></tr>{rows}</table>
            <form method="post" action="/account/tokens" class="stack">{AntiforgeryField(context)}
              <label>What it is for <input name="name" required></label>
              <label>Days <input name="days" type="number" min="1" value="90"></label>
              <button type="submit">Make a token</button>
            </form>
            <form method="post" action="/signout">{AntiforgeryField(context)}<button type="submit">Sign out</button></form>
            """;
        return status == 200 ? Page("Your account", body) : StatusPage(status, "Your account", body);
    }
}
