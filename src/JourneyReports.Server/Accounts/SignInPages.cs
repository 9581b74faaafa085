using JourneyReports.Catalog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using static JourneyReports.Server.Html;

namespace JourneyReports.Server;

/// <summary>Signing in and out (password, one-time link, OpenID Connect) and one's own account: password and API tokens.</summary>
public static class SignInPages
{
    public static void MapSignIn(this WebApplication app)
    {
        app.MapGet("/signin", (HttpContext context, string? returnUrl, AccountOptions options) => SignInForm(context, returnUrl, options, null)).AllowAnonymous();
        app.MapPost("/signin", SignIn).AllowAnonymous();
        app.MapGet("/signin/link", UseLink).AllowAnonymous();
        app.MapGet("/signin/oidc", (string? returnUrl, AccountOptions options) => options.OpenIdConnect.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [AccountSetup.OidcScheme])
            : ErrorPage(404, "Not configured", "Single sign-on is not configured on this server.")).AllowAnonymous();
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(AccountSetup.CookieScheme);
            return Results.Redirect("/signin");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
        app.MapGet("/forbidden", async (HttpContext context) => PortalView.Page<Portal.Components.ForbiddenPage>(new { User = await context.AccountAsync() }, 403));
    }

    static IResult SignInForm(HttpContext context, string? returnUrl, AccountOptions options, string? problem, int status = 200)
    {
        var sso = options.OpenIdConnect.Enabled
            ? $"<p><a class=\"button\" href=\"/signin/oidc?returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}\">Sign in with {E(options.OpenIdConnect.DisplayName)}</a></p>" : "";
        var body = $"""
            <h1>Sign in</h1>
            {(problem is null ? "" : $"<p class=\"bad\" role=\"alert\">{E(problem)}</p>")}
            <form method="post" action="/signin" class="stack">
              {AntiforgeryField(context)}
              <input type="hidden" name="returnUrl" value="{E(LocalOrHome(returnUrl))}">
              <label>Email <input name="email" type="email" autocomplete="username" required autofocus></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form>
            {sso}
            """;
        return status == 200 ? Page("Sign in", body) : StatusPage(status, "Sign in", body);
    }

    static async Task<IResult> SignIn(HttpContext context, [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        Accounts accounts, AccountOptions options, CancellationToken ct)
    {
        var (outcome, user) = await accounts.SignInAsync(email, password, context.Connection.RemoteIpAddress?.ToString(), ct);
        switch (outcome)
        {
            case Accounts.SignInOutcome.SignedIn:
                await context.SignInAsync(AccountSetup.CookieScheme, AccountSetup.Principal(user!, AccountSetup.CookieScheme));
                return Results.LocalRedirect(LocalOrHome(returnUrl));
            case Accounts.SignInOutcome.Locked:
                return SignInForm(context, returnUrl, options,
                    $"This account is locked after {options.LockoutAttempts} failed sign-ins; try again in {options.LockoutMinutes} minutes or ask an admin for a reset link.", 423);
            default:
                return SignInForm(context, returnUrl, options, "The email or password is not right.", 401);
        }
    }

    static async Task<IResult> UseLink(HttpContext context, string? token, Accounts accounts, CancellationToken ct)
    {
        if (await accounts.UseLinkAsync(token, context.Connection.RemoteIpAddress?.ToString(), ct) is not { } use)
            return ErrorPage(400, "This sign-in link does not work",
                "It was used already, it expired, or it was copied incompletely. Ask an admin for a new one (the <code>user link</code> verb makes one).");
        await context.SignInAsync(AccountSetup.CookieScheme, AccountSetup.Principal(use.User, AccountSetup.CookieScheme));
        // Someone who came in by a link usually has no password yet: their account page asks for one.
        return Results.Redirect(use.User.PasswordHash is null ? "/account?welcome=1" : "/");
    }

    /// <summary>Only a path on this site: an absolute or protocol-relative address would make sign-in an open redirect.</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
