using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using JourneyReports.Catalog;
using JourneyReports.Journeys;
using Microsoft.AspNetCore.Identity;

namespace JourneyReports.Server;

/// <summary>
/// Accounts: making them (with a role and a data scope), passwords (ASP.NET Core's hasher, lock-out after repeated
/// failures), one-time sign-in links, personal API tokens. The portal, the API and the user verb all go through here.
/// Secrets (passwords, links, tokens) are never stored or logged: only their hashes are kept.
/// </summary>
public sealed class Accounts(ReportCatalog catalog, AccountOptions options, JourneyReportsOptions server, TimeProvider clock, ILogger<Accounts> log)
{
    readonly PasswordHasher<UserAccount> hasher = new();

    public const string TokenPrefix = "jr_";

    public AccountOptions Options => options;

    /// <summary>What a new or changed account says; every problem is named.</summary>
    public sealed record AccountInput(string Email, string Name, string Role, string? Scope, string? Password = null, bool Disabled = false);

    public sealed class AccountException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
    {
        public IReadOnlyList<string> Problems { get; } = problems;
    }

    public async Task<UserAccount> AddAsync(AccountInput input, string actor, CancellationToken ct)
    {
        var (email, scope, problems) = Check(input);
        if (problems.Count == 0 && await catalog.FindUserAsync(email, ct) is not null) problems.Add($"there is already an account for {email}");
        if (problems.Count > 0) throw new AccountException(problems);
        var user = await catalog.AddUserAsync(email, input.Name.Trim() is { Length: > 0 } n ? n : email, input.Role, scope!.ToJson(),
            input.Password is { Length: > 0 } p ? hasher.HashPassword(null!, p) : null, clock.GetUtcNow(), ct);
        await catalog.AuditAsync(actor, "user-added", email, $"role {input.Role}, scope {scope}", clock.GetUtcNow(), ct);
        log.LogInformation("Account {User} added as {Role} with scope {Scope} by {Actor}", email, input.Role, scope.ToString(), actor);
        return user;
    }

    public async Task<UserAccount> UpdateAsync(long id, AccountInput input, string actor, CancellationToken ct)
    {
        var user = await catalog.GetUserAsync(id, ct) ?? throw new KeyNotFoundException($"there is no account {id}");
        var (_, scope, problems) = Check(input with { Email = user.Email, Password = null });
        if (problems.Count == 0 && user.Role == Roles.Admin && (input.Role != Roles.Admin || input.Disabled) && (await catalog.CountUsersAsync(ct)).Admins <= 1)
            problems.Add("this is the last admin who can sign in; make another admin first");
        if (problems.Count > 0) throw new AccountException(problems);
        await catalog.UpdateUserAsync(id, input.Name.Trim() is { Length: > 0 } n ? n : user.Name, input.Role, scope!.ToJson(), input.Disabled, clock.GetUtcNow(), ct);
        await catalog.AuditAsync(actor, "user-changed", user.Email, $"role {input.Role}, scope {scope}{(input.Disabled ? ", disabled" : "")}", clock.GetUtcNow(), ct);
        return (await catalog.GetUserAsync(id, ct))!;
    }

    (string Email, DataScope? Scope, List<string> Problems) Check(AccountInput input)
    {
        var problems = new List<string>();
        var email = input.Email?.Trim() ?? "";
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            problems.Add($"'{email}' is not an email address");
        if (!Roles.All.Contains(input.Role))
            problems.Add($"role '{input.Role}' is not one of {string.Join(", ", Roles.All)}");
        var (scope, scopeErrors) = DataScope.Parse(input.Scope);
        problems.AddRange(scopeErrors.Select(e => $"scope: {e}"));
        // A viewer with no scope would see every department: it must be asked for in so many words.
        if (input.Role == Roles.Viewer && string.IsNullOrWhiteSpace(input.Scope))
            problems.Add("a viewer needs a data scope (e.g. department=Electronics), or 'all' to see all data");
        if (input.Password is { Length: > 0 } password && PasswordProblem(password) is { } weak) problems.Add(weak);
        return (email, scope, problems);
    }

    public string? PasswordProblem(string password) =>
        password.Length < options.MinPasswordLength ? $"a password needs at least {options.MinPasswordLength} characters" : null;

    public async Task SetPasswordAsync(UserAccount user, string password, CancellationToken ct)
    {
        if (PasswordProblem(password) is { } weak) throw new AccountException([weak]);
        await catalog.SetPasswordAsync(user.UserId, hasher.HashPassword(user, password), clock.GetUtcNow(), ct);
        await catalog.AuditAsync(user.Email, "password-set", user.Email, null, clock.GetUtcNow(), ct);
    }

    public enum SignInOutcome { SignedIn, Wrong, Locked, Disabled }

    /// <summary>
    /// Checks a password. An unknown email, a wrong password and an account without one are the same answer (Wrong);
    /// a locked account stays locked whatever is typed until its time is up.
    /// </summary>
    public async Task<(SignInOutcome Outcome, UserAccount? User)> SignInAsync(string? email, string? password, string? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = string.IsNullOrWhiteSpace(email) ? null : await catalog.FindUserAsync(email, ct);
        if (user is null || user.PasswordHash is null || string.IsNullOrEmpty(password))
        {
            await catalog.AuditAsync(email?.Trim() ?? "", "sign-in-failed", email, user is null ? "no such account" : "no password", now, ct, address);
            if (user is null) hasher.HashPassword(null!, password ?? ""); // as long as a real check, so timing does not tell which emails exist
            return (SignInOutcome.Wrong, null);
        }
        if (user.IsDisabled)
        {
            await catalog.AuditAsync(user.Email, "sign-in-failed", user.Email, "disabled", now, ct, address);
            return (SignInOutcome.Disabled, null);
        }
        if (user.LockedUntil is { } until && DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture) > now)
        {
            await catalog.AuditAsync(user.Email, "sign-in-failed", user.Email, "locked", now, ct, address);
            return (SignInOutcome.Locked, user);
        }
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = await catalog.SignInFailedAsync(user.UserId, options.LockoutAttempts, now.AddMinutes(options.LockoutMinutes), ct);
            await catalog.AuditAsync(user.Email, "sign-in-failed", user.Email, locked is null ? "wrong password" : $"wrong password; locked until {locked}", now, ct, address);
            if (locked is not null) log.LogWarning("Account {User} locked until {Until} after {Attempts} failed sign-ins", user.Email, locked, options.LockoutAttempts);
            return (locked is null ? SignInOutcome.Wrong : SignInOutcome.Locked, null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await catalog.SetPasswordAsync(user.UserId, hasher.HashPassword(user, password), now, ct);
        await SignedInAsync(user, "password", address, ct);
        return (SignInOutcome.SignedIn, user);
    }

    public async Task SignedInAsync(UserAccount user, string how, string? address, CancellationToken ct)
    {
        await catalog.SignedInAsync(user.UserId, clock.GetUtcNow(), ct);
        await catalog.AuditAsync(user.Email, "sign-in", user.Email, how, clock.GetUtcNow(), ct, address);
        log.LogInformation("{User} signed in ({How})", user.Email, how);
    }

    /// <summary>A one-time sign-in link (the first admin's, an invitation, a reset); the secret is in the link only.</summary>
    public async Task<string> LinkAsync(UserAccount user, string purpose, string actor, CancellationToken ct)
    {
        var secret = Secret();
        var now = clock.GetUtcNow();
        var lifetime = purpose == SignInLinkPurpose.Invitation ? TimeSpan.FromDays(options.InvitationDays) : TimeSpan.FromMinutes(options.SignInLinkMinutes);
        await catalog.AddSignInLinkAsync(Hash(secret), user.UserId, purpose, now, now + lifetime, ct);
        await catalog.AuditAsync(actor, "sign-in-link", user.Email, purpose, now, ct);
        return $"{server.PublicUrl.TrimEnd('/')}/signin/link?token={secret}";
    }

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
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(name)) problems.Add("a token needs a name (what it is for)");
        if (life < 1 || life > options.MaxTokenDays) problems.Add($"a token lives 1 to {options.MaxTokenDays} days, not {life}");
        if (problems.Count > 0) throw new AccountException(problems);
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

    /// <summary>
    /// On a fresh start: with no accounts, the first admin is made (with the configured password, if any); while no
    /// admin has a password and none has signed in, a one-time sign-in link is logged, as Jupyter prints its token URL.
    /// </summary>
    public async Task BootstrapAsync(CancellationToken ct)
    {
        if ((await catalog.CountUsersAsync(ct)).Users == 0)
        {
            var first = options.FirstAdmin;
            await AddAsync(new AccountInput(first.Email, first.Name, Roles.Admin, "all", first.Password), "system", ct);
            log.LogInformation("First admin account {User} made{WithPassword}", first.Email, first.Password is { Length: > 0 } ? " with the configured password" : "");
        }
        var admins = (await catalog.UsersAsync(ct)).Where(u => u.Role == Roles.Admin && !u.IsDisabled).ToList();
        if (admins.Count > 0 && admins.All(a => a.PasswordHash is null && a.LastSignInAt is null))
        {
            var link = await LinkAsync(admins[0], SignInLinkPurpose.FirstAdmin, "system", ct);
            log.LogWarning("First sign-in: open {SignInLink} to sign in as {User} (works once, for {Minutes} minutes; then set a password). " +
                "A new link: 'user link {User}' or restart.", link, admins[0].Email, options.SignInLinkMinutes, admins[0].Email);
        }
    }

    static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
