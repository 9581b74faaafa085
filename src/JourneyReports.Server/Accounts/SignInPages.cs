using JourneyReports.Server.Portal.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace JourneyReports.Server;

/// <summary>Signing in and out: by password, by one-time link, or at the OpenID Connect provider when one is configured.</summary>
public static class SignInPages
{
    public static void MapSignIn(this WebApplication app)
    {
        app.MapGet("/signin", (string? returnUrl, AccountOptions options) => Form(returnUrl, options, null)).AllowAnonymous();
        app.MapPost("/signin", SignIn).AllowAnonymous();
        app.MapGet("/signin/link", UseLink).AllowAnonymous();
        app.MapGet("/signin/oidc", (string? returnUrl, AccountOptions options) => options.OpenIdConnect.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [AccountSetup.OidcScheme])
            : Form(returnUrl, options, "Single sign-on is not configured on this server.", 404)).AllowAnonymous();
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(AccountSetup.CookieScheme);
            return Results.Redirect("/signin");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
        // A CancellationToken too, so the lambda is not taken for a RequestDelegate (whose result would be dropped).
        app.MapGet("/forbidden", async (HttpContext context, CancellationToken _) => PortalView.Page<ForbiddenPage>(new { User = await context.AccountAsync() }, 403));
    }

    /// <summary>The sign-in page, with a problem to show (and its status) when there is one.</summary>
    public static IResult Form(string? returnUrl, AccountOptions options, string? problem, int status = 200, string? email = null) =>
        PortalView.Page<SignInPage>(new
        {
            ReturnUrl = LocalOrHome(returnUrl),
            Problem = problem,
            Email = email,
            SingleSignOn = options.OpenIdConnect.Enabled ? options.OpenIdConnect.DisplayName : null,
        }, status);

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
                return Form(returnUrl, options,
                    $"This account is locked after {options.LockoutAttempts} failed sign-ins; try again in {options.LockoutMinutes} minutes or ask an admin for a reset link.", 423, email);
            default:
                return Form(returnUrl, options, "The email or password is not right.", 401, email);
        }
    }

    static async Task<IResult> UseLink(HttpContext context, string? token, Accounts accounts, AccountOptions options, CancellationToken ct)
    {
        if (await accounts.UseLinkAsync(token, context.Connection.RemoteIpAddress?.ToString(), ct) is not { } use)
            return Form("/", options, "This sign-in link does not work: it was used already, it expired, or it was copied incompletely. " +
                "Ask an admin for a new one (the 'user link' verb makes one).", 400);
        await context.SignInAsync(AccountSetup.CookieScheme, AccountSetup.Principal(use.User, AccountSetup.CookieScheme));
        // Someone who came in by a link usually has no password yet: their account page asks for one.
        return Results.Redirect(use.User.PasswordHash is null ? "/account?welcome=1" : "/");
    }

    /// <summary>Only a path on this site: an absolute or protocol-relative address would make sign-in an open redirect.</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
