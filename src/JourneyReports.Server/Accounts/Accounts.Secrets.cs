using System.Security.Cryptography;
using System.Text;
using JourneyReports.Catalog;

namespace JourneyReports.Server;

/// <summary>Accounts' secrets: one-time sign-in links and personal API tokens, kept only as SHA-256 hashes.</summary>
public sealed partial class Accounts
{
    /// <summary>A one-time sign-in link (the first admin's, an invitation, a reset); the secret is in the link only.</summary>
    public async Task<string> LinkAsync(UserAccount user, string purpose, string actor, CancellationToken ct)
    {
        var secret = Secret();
        var now = clock.GetUtcNow();
        await catalog.AddSignInLinkAsync(Hash(secret), user.UserId, purpose, now, now + LinkLifetime(purpose), ct);
        await catalog.AuditAsync(actor, "sign-in-link", user.Email, purpose, now, ct);
        return $"{server.PublicUrl.TrimEnd('/')}/signin/link?token={secret}";
    }

    /// <summary>An invitation waits days for its person; the first admin's link and a reset are for now, and work minutes.</summary>
    public TimeSpan LinkLifetime(string purpose) =>
        purpose == SignInLinkPurpose.Invitation ? TimeSpan.FromDays(options.InvitationDays) : TimeSpan.FromMinutes(options.SignInLinkMinutes);

    /// <summary>The account a link signs in, the first time it is used before it expires; null otherwise.</summary>
    public async Task<(UserAccount User, string Purpose)?> UseLinkAsync(string? secret, string? address, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || await catalog.UseSignInLinkAsync(Hash(secret), clock.GetUtcNow(), ct) is not { } use) return null;
        var user = await catalog.GetUserAsync(use.UserId, ct);
        if (user is null) return null;
        await SignedInAsync(user, $"one-time link ({use.Purpose})", address, ct);
        return (user, use.Purpose);
    }

    /// <summary>A personal API token: returned once, kept as a hash, for <paramref name="days"/> (the default when null).</summary>
    public async Task<(string Token, long TokenId, DateTimeOffset ExpiresAt)> CreateTokenAsync(UserAccount user, string name, int? days, CancellationToken ct)
    {
        var life = days ?? options.TokenDays;
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(name)) problems.Add(("name", "a token needs a name (what it is for)"));
        if (life < 1 || life > options.MaxTokenDays) problems.Add(("days", $"a token lives 1 to {options.MaxTokenDays} days, not {life}"));
        if (problems.Count > 0) throw AccountException.Of(problems);
        var token = TokenPrefix + Secret();
        var now = clock.GetUtcNow();
        var expires = now.AddDays(life);
        var id = await catalog.AddTokenAsync(user.UserId, name.Trim(), Hash(token), token[..10], now, expires, ct);
        await catalog.AuditAsync(user.Email, "token-created", name.Trim(), $"expires {expires:yyyy-MM-dd}", now, ct);
        return (token, id, expires);
    }

    /// <summary>The account a token belongs to, if the token is valid now.</summary>
    public async Task<UserAccount?> UserOfTokenAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200) return null;
        return await catalog.UseTokenAsync(Hash(token), clock.GetUtcNow(), ct) is { } id ? await catalog.GetUserAsync(id, ct) : null;
    }

    /// <summary>Revokes a live token of <paramref name="owner"/> (of anyone's when null, for admins); false when there is no such live token.</summary>
    public async Task<bool> RevokeTokenAsync(long tokenId, long? owner, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await catalog.RevokeTokenAsync(tokenId, owner, now, ct)) return false;
        await catalog.AuditAsync(actor, "token-revoked", tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, now, ct);
        return true;
    }

    static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
