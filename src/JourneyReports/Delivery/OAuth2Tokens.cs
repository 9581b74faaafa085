using Microsoft.Identity.Client;

namespace JourneyReports.Delivery;

/// <summary>Gives an OAuth2 access token for SMTP sign-in (XOAUTH2). It may throw <see cref="MsalException"/> or <see cref="HttpRequestException"/>.</summary>
public delegate Task<string> AccessTokenSource(CancellationToken ct);

/// <summary>Access tokens from Microsoft Entra ID by the client-credentials flow (an app registration and its secret).</summary>
public static class OAuth2Tokens
{
    /// <summary>
    /// A token source for <paramref name="options"/>: one confidential client whose token cache keeps a token until
    /// shortly before it expires, so each message does not ask Entra ID again.
    /// </summary>
    public static AccessTokenSource ClientCredentials(SmtpOAuth2Options options)
    {
        var app = ConfidentialClientApplicationBuilder.Create(options.ClientId)
            .WithClientSecret(options.ClientSecret)
            .WithAuthority(options.AuthorityUrl)
            .Build();
        string[] scopes = [options.Scope];
        return async ct => (await app.AcquireTokenForClient(scopes).ExecuteAsync(ct)).AccessToken;
    }
}
