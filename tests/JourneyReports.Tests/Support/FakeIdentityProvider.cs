using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyReports.Tests;

/// <summary>
/// A minimal OpenID Connect provider on a loopback port (Kestrel), enough for the authorization code flow with PKCE:
/// discovery, a JWKS with one RSA key, /authorize that signs in <see cref="NextEmail"/> at once (no login page) and
/// answers as the client asked (form_post or query), /token that checks the client's secret and the PKCE verifier and
/// returns an id_token signed with that key. What a real provider (Entra ID, Keycloak) does, minus the people.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "journeyreports", ClientSecret = "test-client-secret";

    readonly WebApplication app;
    readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-key" };
    readonly ConcurrentDictionary<string, Grant> grants = new();

    sealed record Grant(string Email, string Nonce, string RedirectUri, string? CodeChallenge);

    /// <summary>Who the next /authorize signs in.</summary>
    public string NextEmail { get; set; } = "someone@example.com";

    public string Issuer { get; }

    /// <summary>How many codes were redeemed at /token (so a test can tell the server really called it).</summary>
    public int TokensIssued;

    public FakeIdentityProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer!, ["authorization_endpoint"] = $"{Issuer}/authorize", ["token_endpoint"] = $"{Issuer}/token", ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" }, ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" }, ["scopes_supported"] = new[] { "openid", "profile", "email" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var p = key.Rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", Token);
        app.StartAsync().GetAwaiter().GetResult();
        Issuer = app.Urls.Single().TrimEnd('/');
    }

    IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code") return Results.BadRequest("unknown client or response type");
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        grants[code] = new Grant(NextEmail, q["nonce"].ToString(), q["redirect_uri"].ToString(), q["code_challenge"].ToString() is { Length: > 0 } c ? c : null);
        var redirect = q["redirect_uri"].ToString();
        if (q["response_mode"] == "form_post")
            return Results.Content($"""
                <html><body onload="document.forms[0].submit()"><form method="post" action="{redirect}">
                <input type="hidden" name="code" value="{code}"><input type="hidden" name="state" value="{q["state"]}">
                </form></body></html>
                """, "text/html");
        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (client, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
        if (request.Headers.Authorization.ToString() is { Length: > 6 } basic && basic.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2);
            (client, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }
        if (client != ClientId || secret != ClientSecret) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        if (!grants.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"])
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        if (grant.CodeChallenge is not null
            && Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
            return Results.Json(new { error = "invalid_grant", error_description = "PKCE verifier does not match" }, statusCode: 400);
        var accessToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = ClientId, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("sub", grant.Email), new Claim("email", grant.Email), new Claim("nonce", grant.Nonce),
                new Claim("at_hash", Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]))]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        Interlocked.Increment(ref TokensIssued);
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
