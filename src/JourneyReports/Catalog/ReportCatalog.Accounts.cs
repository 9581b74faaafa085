using Dapper;

namespace JourneyReports.Catalog;

public sealed partial class ReportCatalog
{
    public async Task<UserAccount> AddUserAsync(string email, string name, string role, string scopeJson, string? passwordHash, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(Command("user_add",
            new { Email = email, Name = name, Role = role, Scope = scopeJson, PasswordHash = passwordHash, At = Iso(at) }, ct));
        return (await GetUserAsync(id, ct))!;
    }

    public async Task<UserAccount?> GetUserAsync(long id, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<UserAccount>(Command("user_get", new { Id = (long?)id, Email = (string?)null }, ct));
    }

    public async Task<UserAccount?> FindUserAsync(string email, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<UserAccount>(Command("user_get", new { Id = (long?)null, Email = email.Trim() }, ct));
    }

    public async Task<IReadOnlyList<UserAccount>> UsersAsync(CancellationToken ct, int limit = 1000, int offset = 0)
    {
        await using var c = await OpenAsync(ct);
        return [.. await c.QueryAsync<UserAccount>(Command("users_all", new { Limit = limit, Offset = offset }, ct))];
    }

    /// <summary>How many accounts there are, and how many admins can sign in.</summary>
    public async Task<UserCounts> CountUsersAsync(CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.QuerySingleAsync<UserCounts>(Command("users_count", null, ct));
    }

    public async Task UpdateUserAsync(long id, string name, string role, string scopeJson, bool disabled, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(Command("user_update", new { Id = id, Name = name, Role = role, Scope = scopeJson, Disabled = disabled ? 1 : 0, At = Iso(at) }, ct));
    }

    public async Task SetPasswordAsync(long id, string passwordHash, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(Command("user_set_password", new { Id = id, PasswordHash = passwordHash, At = Iso(at) }, ct));
    }

    /// <summary>Counts a failed sign-in; returns when the account is locked until, if this failure locked it.</summary>
    public async Task<string?> SignInFailedAsync(long id, int limit, DateTimeOffset lockedUntil, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteScalarAsync<string?>(Command("user_sign_in_failed", new { Id = id, Limit = limit, LockedUntil = Iso(lockedUntil) }, ct));
    }

    public async Task SignedInAsync(long id, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(Command("user_signed_in", new { Id = id, At = Iso(at) }, ct));
    }

    public async Task<bool> DeleteUserAsync(long id, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteAsync(Command("user_delete", new { Id = id }, ct)) > 0;
    }

    public async Task<long> AddTokenAsync(long userId, string name, string tokenHash, string prefix, DateTimeOffset at, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(Command("token_add",
            new { UserId = userId, Name = name, TokenHash = tokenHash, Prefix = prefix, At = Iso(at), ExpiresAt = Iso(expiresAt) }, ct));
    }

    /// <summary>The user a valid token belongs to (marking the token used), or null for an unknown, expired or revoked one.</summary>
    /// <remarks>
    /// "Last used" is written at most once a minute per token: a script making many requests would otherwise make
    /// every one of them a write to the catalog, and writes take turns.
    /// </remarks>
    public async Task<long?> UseTokenAsync(string tokenHash, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        var token = await c.QuerySingleOrDefaultAsync<TokenUse>(Command("token_find", new { TokenHash = tokenHash, At = Iso(at) }, ct));
        if (token is null) return null;
        if (token.LastUsedAt is null || string.CompareOrdinal(token.LastUsedAt, Iso(at.AddMinutes(-1))) < 0)
            await c.ExecuteAsync(Command("token_used", new { token.TokenId, At = Iso(at) }, ct));
        return token.UserId;
    }

    sealed record TokenUse(long TokenId, long UserId, string? LastUsedAt);

    /// <summary>Every token of a user (null: of everyone), newest first.</summary>
    public async Task<IReadOnlyList<ApiTokenRecord>> TokensAsync(long? userId, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return [.. await c.QueryAsync<ApiTokenRecord>(Command("tokens_of_user", new { UserId = userId }, ct))];
    }

    /// <summary>Revokes a token (of that user only, unless null); false when there is no such live token.</summary>
    public async Task<bool> RevokeTokenAsync(long tokenId, long? userId, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.ExecuteAsync(Command("token_revoke", new { Id = tokenId, UserId = userId, At = Iso(at) }, ct)) > 0;
    }

    public async Task AddSignInLinkAsync(string linkHash, long userId, string purpose, DateTimeOffset at, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(Command("link_add", new { LinkHash = linkHash, UserId = userId, Purpose = purpose, At = Iso(at), ExpiresAt = Iso(expiresAt) }, ct));
    }

    /// <summary>Uses a one-time link: its user and purpose the first time, before it expires; null ever after.</summary>
    public async Task<SignInLinkUse?> UseSignInLinkAsync(string linkHash, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<SignInLinkUse>(Command("link_use", new { LinkHash = linkHash, At = Iso(at) }, ct));
    }

    public async Task AuditAsync(string actor, string action, string? target, string? detail, DateTimeOffset at, CancellationToken ct, string? address = null)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(Command("audit_add", new { At = Iso(at), Actor = actor, Action = action, Target = target, Detail = detail, Address = address }, ct));
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditLogAsync(string? action, int limit, int offset, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return [.. await c.QueryAsync<AuditEntry>(Command("audit_recent", new { Action = action, Limit = limit, Offset = offset }, ct))];
    }
}
