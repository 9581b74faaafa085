using System.Net.Mail;
using JourneyReports.Catalog;
using JourneyReports.Journeys;
using Microsoft.AspNetCore.Identity;

namespace JourneyReports.Server;

/// <summary>
/// Accounts: making them (with a role and a data scope), passwords (ASP.NET Core's hasher, lock-out after repeated
/// failures), one-time sign-in links, personal API tokens. The portal, the API and the user verb all go through here.
/// Secrets (passwords, links, tokens) are never stored or logged: only their hashes are kept.
/// </summary>
public sealed partial class Accounts(ReportCatalog catalog, AccountOptions options, JourneyReportsOptions server, TimeProvider clock, ILogger<Accounts> log)
{
    readonly PasswordHasher<UserAccount> hasher = new();

    public const string TokenPrefix = "jr_";

    public AccountOptions Options => options;

    /// <summary>What a new or changed account says; every problem is named.</summary>
    public sealed record AccountInput(string Email, string Name, string Role, string? Scope, string? Password = null, bool Disabled = false);

    public async Task<UserAccount> AddAsync(AccountInput input, string actor, CancellationToken ct)
    {
        var (email, scope, problems) = Check(input);
        if (problems.Count > 0) throw AccountException.Of(problems);
        if (await catalog.FindUserAsync(email, ct) is not null) throw AccountException.Of([("email", $"there is already an account for {email}")], conflict: true);
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
        if (problems.Count > 0) throw AccountException.Of(problems);
        if (user.Role == Roles.Admin && !user.IsDisabled && (input.Role != Roles.Admin || input.Disabled) && (await catalog.CountUsersAsync(ct)).Admins <= 1)
            throw AccountException.Of([(input.Disabled ? "disabled" : "role", "this is the last admin who can sign in; make another admin first")], conflict: true);
        await catalog.UpdateUserAsync(id, input.Name.Trim() is { Length: > 0 } n ? n : user.Name, input.Role, scope!.ToJson(), input.Disabled, clock.GetUtcNow(), ct);
        await catalog.AuditAsync(actor, "user-changed", user.Email, $"role {input.Role}, scope {scope}{(input.Disabled ? ", disabled" : "")}", clock.GetUtcNow(), ct);
        return (await catalog.GetUserAsync(id, ct))!;
    }

    /// <summary>Every problem with the values of <paramref name="input"/> (not whether its email is taken); null when there is none.</summary>
    public AccountException? ProblemsOf(AccountInput input) => Check(input).Problems is { Count: > 0 } problems ? AccountException.Of(problems) : null;

    (string Email, DataScope? Scope, List<(string Field, string Problem)> Problems) Check(AccountInput input)
    {
        var problems = new List<(string, string)>();
        var email = input.Email?.Trim() ?? "";
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            problems.Add(("email", $"'{email}' is not an email address"));
        if (!Roles.All.Contains(input.Role))
            problems.Add(("role", $"role '{input.Role}' is not one of {string.Join(", ", Roles.All)}"));
        var (scope, scopeErrors) = DataScope.Parse(input.Scope);
        problems.AddRange(scopeErrors.Select(e => ("scope", $"scope: {e}")));
        // A viewer with no scope would see every department: it must be asked for in so many words.
        if (input.Role == Roles.Viewer && string.IsNullOrWhiteSpace(input.Scope))
            problems.Add(("scope", "a viewer needs a data scope (e.g. department=Electronics), or 'all' to see all data"));
        if (input.Password is { Length: > 0 } password && PasswordProblem(password) is { } weak) problems.Add(("password", weak));
        return (email, scope, problems);
    }

    /// <summary>
    /// Deletes an account with its tokens and links. Nobody deletes their own account (an admin locking themselves out
    /// by a slip), nor the last admin who can sign in.
    /// </summary>
    public async Task<bool> DeleteAsync(long id, UserAccount actor, CancellationToken ct)
    {
        if (await catalog.GetUserAsync(id, ct) is not { } user) return false;
        if (user.UserId == actor.UserId) throw AccountException.Of([("account", "you cannot delete your own account; another admin can")], conflict: true);
        if (user.Role == Roles.Admin && !user.IsDisabled && (await catalog.CountUsersAsync(ct)).Admins <= 1)
            throw AccountException.Of([("account", "this is the last admin who can sign in; make another admin first")], conflict: true);
        await catalog.DeleteUserAsync(id, ct);
        await catalog.AuditAsync(actor.Email, "user-deleted", user.Email, $"role {user.Role}", clock.GetUtcNow(), ct);
        log.LogInformation("Account {User} deleted by {Actor}", user.Email, actor.Email);
        return true;
    }

    public string? PasswordProblem(string password) =>
        password.Length < options.MinPasswordLength ? $"a password needs at least {options.MinPasswordLength} characters" : null;

    public async Task SetPasswordAsync(UserAccount user, string password, CancellationToken ct)
    {
        if (PasswordProblem(password) is { } weak) throw AccountException.Of([("password", weak)]);
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

    /// <summary>
    /// On a fresh start: with no accounts, the first admin is made (with the configured password, if any); while no
    /// admin has a password and none has signed in, a one-time sign-in link is logged, as Jupyter prints its token URL.
    /// </summary>
    public async Task BootstrapAsync(CancellationToken ct)
    {
        if ((await catalog.CountUsersAsync(ct)).Users == 0)
        {
            var first = options.FirstAdmin;
            try
            {
                await AddAsync(new AccountInput(first.Email, first.Name, Roles.Admin, "all", first.Password), "system", ct);
                log.LogInformation("First admin account {User} made{WithPassword}", first.Email, first.Password is { Length: > 0 } ? " with the configured password" : "");
            }
            catch (Exception e) when (e is AccountException || CatalogDatabase.IsDuplicate(e))
            {
                // Another instance starting on the same catalog made it a moment before.
                log.LogInformation("First admin account {User} was made by another instance", first.Email);
            }
        }
        var admins = (await catalog.UsersAsync(ct)).Where(u => u.Role == Roles.Admin && !u.IsDisabled).ToList();
        if (admins.Count > 0 && admins.All(a => a.PasswordHash is null && a.LastSignInAt is null))
        {
            var link = await LinkAsync(admins[0], SignInLinkPurpose.FirstAdmin, "system", ct);
            log.LogWarning("First sign-in: open {SignInLink} to sign in as {User} (works once, for {Minutes} minutes; then set a password). " +
                "A new link: 'user link {User}' or restart.", link, admins[0].Email, options.SignInLinkMinutes, admins[0].Email);
        }
    }
}
