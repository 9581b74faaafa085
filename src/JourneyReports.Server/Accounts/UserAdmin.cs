using JourneyReports.Catalog;
using JourneyReports.Delivery;
using JourneyReports.Warehouse;
using MimeKit;

namespace JourneyReports.Server;

/// <summary>
/// What admins do to accounts, for the portal's pages, the API and the user verb alike: invite (an account and a
/// one-time link to hand over or email), change role, scope or access, delete, make sign-in links, see and revoke
/// everyone's tokens. Expected failures are <see cref="Accounts.AccountException"/>s naming each problem.
/// </summary>
public sealed class UserAdmin(Accounts accounts, ReportCatalog catalog, FilterChoices filters, IMailTransport mail, JourneyReportsOptions server,
    TimeProvider clock, ILogger<UserAdmin> log)
{
    /// <summary>A one-time link as issued: shown once; <see cref="Emailed"/> says what became of emailing it, when asked.</summary>
    public sealed record IssuedLink(UserAccount User, string Url, string Purpose, DateTimeOffset ExpiresAt, DeliveryOutcome? Emailed);

    /// <summary>A token as listed, with its owner's email when several people's are listed.</summary>
    public sealed record TokenView(long Id, string Name, string Prefix, string CreatedAt, string ExpiresAt, string? RevokedAt, string? LastUsedAt, string? User)
    {
        public bool Live(DateTimeOffset now) => RevokedAt is null && DateTimeOffset.Parse(ExpiresAt, System.Globalization.CultureInfo.InvariantCulture) > now;
    }

    /// <summary>
    /// Links go by email only through a real mail server: the default outbox transport writes files on this machine,
    /// which would not reach the person.
    /// </summary>
    public bool CanEmail => server.Mail.Transport.Equals("smtp", StringComparison.OrdinalIgnoreCase);

    public Task<IReadOnlyList<UserAccount>> UsersAsync(CancellationToken ct) => catalog.UsersAsync(ct, limit: int.MaxValue);

    public Task<UserAccount?> UserAsync(long id, CancellationToken ct) => catalog.GetUserAsync(id, ct);

    /// <summary>The values each filter has in the warehouse, for the scope pickers; null while the warehouse is busy.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlySet<string>>?> ScopeValuesAsync(CancellationToken ct) => filters.ValuesAsync(ct);

    public async Task<UserAccount> AddAsync(Accounts.AccountInput input, string actor, CancellationToken ct)
    {
        await CheckScopeValuesAsync(input, ct);
        return await accounts.AddAsync(input, actor, ct);
    }

    public async Task<UserAccount> UpdateAsync(long id, Accounts.AccountInput input, string actor, CancellationToken ct)
    {
        await CheckScopeValuesAsync(input, ct);
        return await accounts.UpdateAsync(id, input, actor, ct);
    }

    /// <summary>Every problem with the values of an account (not yet whether its email is taken, nor its scope's values); null when none.</summary>
    public Accounts.AccountException? ProblemsOf(Accounts.AccountInput input) => accounts.ProblemsOf(input);

    public Task<bool> DeleteAsync(long id, UserAccount actor, CancellationToken ct) => accounts.DeleteAsync(id, actor, ct);

    async Task CheckScopeValuesAsync(Accounts.AccountInput input, CancellationToken ct)
    {
        var unknown = ScopeChoices.UnknownValues(input.Scope, await ScopeValuesAsync(ct));
        if (unknown.Count == 0) return;
        var others = accounts.ProblemsOf(input) ?? new Accounts.AccountException([]);
        throw others.With(unknown);
    }

    /// <summary>
    /// A one-time sign-in link for <paramref name="user"/>: an invitation (days) or a password reset (minutes); with
    /// <paramref name="email"/>, also sent to them. The link is returned either way, so a failed email loses nothing.
    /// </summary>
    public async Task<IssuedLink> LinkAsync(UserAccount user, string purpose, bool email, string actor, CancellationToken ct)
    {
        if (purpose is not (SignInLinkPurpose.Invitation or SignInLinkPurpose.Reset))
            throw Accounts.AccountException.Of([("purpose", $"a link is an '{SignInLinkPurpose.Invitation}' or a '{SignInLinkPurpose.Reset}', not '{purpose}'")]);
        if (email && EmailProblem(user.Email) is { } problem) throw Accounts.AccountException.Of([("email", problem)]);
        var url = await accounts.LinkAsync(user, purpose, actor, ct);
        var expires = clock.GetUtcNow() + accounts.LinkLifetime(purpose);
        var emailed = email ? await EmailLinkAsync(user, url, purpose, expires, actor, ct) : null;
        return new IssuedLink(user, url, purpose, expires, emailed);
    }

    /// <summary>Why a link cannot be emailed to <paramref name="address"/>, or null when it can.</summary>
    public string? EmailProblem(string address) =>
        !CanEmail ? "mail is not configured on this server (JourneyReports:Mail:Transport is not smtp): hand the link over yourself"
        : !server.Mail.Allows(address) ? $"{address} is outside the domains mail may go to (JourneyReports:Mail:AllowedDomains): hand the link over yourself"
        : null;

    async Task<DeliveryOutcome> EmailLinkAsync(UserAccount user, string url, string purpose, DateTimeOffset expires, string actor, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(server.Mail.From));
        message.To.Add(new MailboxAddress(user.Name, user.Email));
        var invitation = purpose == SignInLinkPurpose.Invitation;
        message.Subject = invitation ? "Your JourneyReports account" : "Sign in to JourneyReports and set a new password";
        message.Body = new TextPart("plain")
        {
            Text = (invitation ? $"{actor} made you a JourneyReports account ({user.Role}).\n\n" : "You asked for a new password (or an admin made you this link).\n\n") +
                   $"Open this link to sign in, then set a password:\n{url}\n\n" +
                   $"It works once, until {expires:yyyy-MM-dd HH:mm} UTC. If you did not expect it, ignore this email.\n",
        };
        var outcome = await mail.SendAsync(message, ct);
        await catalog.AuditAsync(actor, "sign-in-link-emailed", user.Email, $"{purpose}: {outcome.Status} {outcome.Detail}", clock.GetUtcNow(), ct);
        log.LogInformation("Sign-in link ({Purpose}) for {User} emailed: {Status} {Detail}", purpose, user.Email, outcome.Status, outcome.Detail);
        return outcome;
    }

    /// <summary>The tokens of one person, or everyone's (null) with each owner's email, newest first.</summary>
    public async Task<IReadOnlyList<TokenView>> TokensAsync(long? userId, CancellationToken ct)
    {
        var tokens = await catalog.TokensAsync(userId, ct);
        var owners = userId is null ? (await UsersAsync(ct)).ToDictionary(u => u.UserId, u => u.Email) : null;
        return [.. tokens.Select(t => new TokenView(t.TokenId, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt,
            owners?.GetValueOrDefault(t.UserId)))];
    }

    public enum Revoked { Done, NotFound, Already }

    /// <summary>
    /// Revokes a token of <paramref name="actor"/>'s, or (unless <paramref name="ownOnly"/>) anyone's for an admin;
    /// someone else's is "not found" to anyone else.
    /// </summary>
    public async Task<Revoked> RevokeTokenAsync(long tokenId, UserAccount actor, bool ownOnly, CancellationToken ct)
    {
        var owner = actor.Role == Roles.Admin && !ownOnly ? (long?)null : actor.UserId;
        var token = (await catalog.TokensAsync(owner, ct)).FirstOrDefault(t => t.TokenId == tokenId);
        if (token is null) return Revoked.NotFound;
        if (token.RevokedAt is not null) return Revoked.Already;
        return await accounts.RevokeTokenAsync(tokenId, owner, actor.Email, ct) ? Revoked.Done : Revoked.Already;
    }
}
