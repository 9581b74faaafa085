using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace JourneyReports.Server;

/// <summary>Authorization: Bearer jr_... — a personal API token, valid until it expires or is revoked.</summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Accounts accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var user = await accounts.UserOfTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (user is null || user.IsDisabled) return AuthenticateResult.Fail("the API token is unknown, expired or revoked");
        Context.Items[typeof(Catalog.UserAccount)] = user;
        return AuthenticateResult.Success(new AuthenticationTicket(AccountSetup.Principal(user, Scheme.Name), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"JourneyReports\"";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await AccountSetup.Problem(Context, 401, "Not signed in", failure ?? "Send Authorization: Bearer <token>.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccountSetup.Forbidden(Context);
}
