using System.Security.Claims;
using JourneyReports.Catalog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace JourneyReports.Server;

/// <summary>
/// An OpenID Connect sign-in becomes the account with the same email. Nobody gets an account by signing in at the
/// provider: an admin makes the account (and so its role and scope) first, as for a password account.
/// </summary>
public static class OpenIdSignIn
{
    public static async Task MapToAccountAsync(TokenValidatedContext context)
    {
        var email = EmailOf(context.Principal);
        var catalog = context.HttpContext.RequestServices.GetRequiredService<ReportCatalog>();
        var user = email is null ? null : await catalog.FindUserAsync(email, context.HttpContext.RequestAborted);
        if (user is null || user.IsDisabled)
        {
            await catalog.AuditAsync(email ?? "(no email claim)", "sign-in-failed", email, "OpenID Connect: no account here",
                DateTimeOffset.UtcNow, context.HttpContext.RequestAborted, context.HttpContext.Connection.RemoteIpAddress?.ToString());
            context.Fail($"{email ?? "This sign-in"} has no JourneyReports account; ask an admin to add one.");
            return;
        }
        await context.HttpContext.RequestServices.GetRequiredService<Accounts>()
            .SignedInAsync(user, "OpenID Connect", context.HttpContext.Connection.RemoteIpAddress?.ToString(), context.HttpContext.RequestAborted);
        context.Principal = AccountSetup.Principal(user, AccountSetup.CookieScheme);
    }

    /// <summary>
    /// A sign-in the provider or this server refused (no account for the email, a stale or forged callback) is shown
    /// on the sign-in page with the reason, not as a server error.
    /// </summary>
    public static async Task ShowFailureAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdSignIn))
            .LogWarning("OpenID Connect sign-in refused: {Reason}", context.Failure?.Message);
        var options = context.HttpContext.RequestServices.GetRequiredService<AccountOptions>();
        await SignInPages.Form(null, options, $"Single sign-on did not sign you in. {context.Failure?.Message}", 403).ExecuteAsync(context.HttpContext);
    }

    /// <summary>The email a provider gives: email, else the user principal name Entra ID uses, else preferred_username when it is one.</summary>
    public static string? EmailOf(ClaimsPrincipal? principal) =>
        new[] { ClaimTypes.Email, "email", ClaimTypes.Upn, "upn", "preferred_username" }
            .Select(t => principal?.FindFirst(t)?.Value)
            .FirstOrDefault(v => v is not null && v.Contains('@'));
}
