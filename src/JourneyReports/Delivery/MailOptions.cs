using System.Globalization;
using MailKit.Security;
using MimeKit;

namespace JourneyReports.Delivery;

/// <summary>The "Mail" section: which transport carries report emails, and the SMTP server's settings.</summary>
public sealed class MailOptions
{
    /// <summary>Default <see cref="MaxMessageBytes"/>: 20 MiB encoded, under the 25–35 MB limits common mail services set.</summary>
    public const long DefaultMaxMessageBytes = 20L * 1024 * 1024;

    /// <summary>"outbox" writes each message as an .eml file; "smtp" sends it through the SMTP server below.</summary>
    public string Transport { get; set; } = "outbox";

    /// <summary>Folder of the outbox transport.</summary>
    public string OutboxPath { get; set; } = "outbox";

    public string From { get; set; } = "JourneyReports <reports@journeyreports.local>";

    /// <summary>
    /// The largest message to send, in bytes as encoded for the wire (attachments in base64 grow by a third). A
    /// message that would be larger has its attachments replaced by download links (<see cref="ReportEmail.WithinLimit"/>).
    /// </summary>
    public long MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

    /// <summary>
    /// The only recipient domains reports may go to: "example.com" allows that domain, "*.example.com" its subdomains
    /// (list both for both). Empty: any. Checked with <see cref="Allows"/>.
    /// </summary>
    public List<string> AllowedDomains { get; set; } = [];

    /// <summary>Retrying transient failures (see <see cref="DeliveryRetries"/>).</summary>
    public RetryOptions Retry { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Whether <paramref name="address"/> (a bare address or "Name &lt;address&gt;") is in <see cref="AllowedDomains"/>.</summary>
    public bool Allows(string address)
    {
        if (!MailboxAddress.TryParse(address, out var mailbox) || mailbox.Address.LastIndexOf('@') is var at && at < 1) return false;
        if (AllowedDomains.Count == 0) return true;
        var domain = Domain(mailbox.Address[(at + 1)..]);
        return AllowedDomains.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? domain.EndsWith(Domain(allowed)[1..], StringComparison.Ordinal) // "*.example.com" → ".example.com"
            : domain == Domain(allowed));
    }

    /// <summary>Lower case, IDN as ASCII, so "Example.COM" and "bücher.example" compare as mail servers do.</summary>
    static string Domain(string d)
    {
        try { return new IdnMapping().GetAscii(d.Trim().TrimEnd('.')).ToLowerInvariant(); }
        catch (ArgumentException) { return d.Trim().ToLowerInvariant(); }
    }

    /// <summary>Every problem with this section, each naming its setting; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        const string at = "JourneyReports:Mail";
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }

        Check(Transport is "outbox" or "smtp", $"{at}:Transport '{Transport}' is unknown; use 'outbox' or 'smtp'.");
        Check(MailboxAddress.TryParse(From, out var from) && from.Address.Contains('@'), $"{at}:From '{From}' is not an email address.");
        Check(MaxMessageBytes >= 64 * 1024, $"{at}:MaxMessageBytes must be at least 65536 (64 KiB) (was {MaxMessageBytes}).");
        foreach (var d in AllowedDomains.Where(d => string.IsNullOrWhiteSpace(d) || d.Contains('@') || d.Any(char.IsWhiteSpace) || d.TrimStart('*', '.').Length == 0
                     || (d.Contains('*') && !(d.StartsWith("*.", StringComparison.Ordinal) && d.LastIndexOf('*') == 0))))
            errors.Add($"{at}:AllowedDomains '{d}' is not a domain (write e.g. 'example.com' or '*.example.com').");
        errors.AddRange(Retry.Problems($"{at}:Retry"));
        errors.AddRange(Smtp.Problems($"{at}:Smtp"));
        return errors;
    }
}

/// <summary>How often and how long apart a transiently failed message is tried again (see <see cref="DeliveryRetries"/>).</summary>
public sealed class RetryOptions
{
    /// <summary>Attempts in all, the first included; 1 means never retry.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the second attempt; each later wait is four times the one before (1, 4, 16 minutes by default).</summary>
    public int FirstDelaySeconds { get; set; } = 60;

    /// <summary>No wait is longer than this.</summary>
    public int MaxDelaySeconds { get; set; } = 30 * 60;

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 for the first retry), or null when there is to be no such attempt.</summary>
    public TimeSpan? DelayBefore(int attempt)
    {
        if (attempt < 2 || attempt > MaxAttempts) return null;
        var seconds = FirstDelaySeconds * Math.Pow(4, attempt - 2);
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelaySeconds));
    }

    internal IEnumerable<string> Problems(string at)
    {
        if (MaxAttempts is < 1 or > 20) yield return $"{at}:MaxAttempts must be 1 to 20 (was {MaxAttempts}).";
        if (FirstDelaySeconds is < 0 or > 24 * 3600) yield return $"{at}:FirstDelaySeconds must be 0 to 86400 (was {FirstDelaySeconds}).";
        if (MaxDelaySeconds < FirstDelaySeconds || MaxDelaySeconds > 24 * 3600)
            yield return $"{at}:MaxDelaySeconds must be at least FirstDelaySeconds and at most 86400 (was {MaxDelaySeconds}).";
    }
}

/// <summary>The SMTP server report emails go through (with Mail:Transport "smtp").</summary>
public sealed class SmtpOptions
{
    /// <summary>
    /// Default <see cref="TimeoutSeconds"/>: 10 minutes, what RFC 5321 (4.5.3.2.6) asks a client to wait for the reply
    /// to the end of the message, which a server may only give after scanning it. A shorter wait turns a slow accept
    /// into an uncertain delivery that someone has to look at; a dead server is noticed sooner anyway, since a refused
    /// connection fails at once.
    /// </summary>
    public const int DefaultTimeoutSeconds = 600;

    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect, StartTlsWhenAvailable or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "None";

    /// <summary>
    /// The account to sign in as: with <see cref="Password"/> for user/password sign-in, or with <see cref="OAuth2"/>
    /// the mailbox the OAuth2 token sends as. Empty: no sign-in.
    /// </summary>
    public string? UserName { get; set; }

    /// <summary>Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// How long to wait for any one step — connecting, each command's reply, the reply to the whole message — before
    /// giving up. A time-out after the whole message went out is an uncertain delivery, never resent. 1 to 3600.
    /// </summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>
    /// The most messages to send a minute from one sender address (30 is Exchange Online's limit), spread evenly so a
    /// big batch waits its turn instead of being refused. 0: no limit.
    /// </summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>Sign in with an OAuth2 token (XOAUTH2, e.g. Exchange Online) instead of <see cref="Password"/>; absent: not used.</summary>
    public SmtpOAuth2Options? OAuth2 { get; set; }

    internal SecureSocketOptions SecureSocket =>
        Enum.TryParse<SecureSocketOptions>(Security, ignoreCase: true, out var s) ? s : throw new InvalidOperationException($"Mail:Smtp:Security '{Security}' is unknown.");

    internal IEnumerable<string> Problems(string at)
    {
        if (string.IsNullOrWhiteSpace(Host)) yield return $"{at}:Host is empty.";
        if (Port is <= 0 or >= 65536) yield return $"{at}:Port {Port} is not a port number.";
        if (!Enum.TryParse<SecureSocketOptions>(Security, ignoreCase: true, out _) || int.TryParse(Security, out _))
            yield return $"{at}:Security '{Security}' is unknown; use None, StartTls, SslOnConnect, StartTlsWhenAvailable or Auto.";
        if (TimeoutSeconds is < 1 or > 3600) yield return $"{at}:TimeoutSeconds must be 1 to 3600 (was {TimeoutSeconds}).";
        if (MessagesPerMinute is < 0 or > 6000) yield return $"{at}:MessagesPerMinute must be 0 (no limit) to 6000 (was {MessagesPerMinute}).";
        if (OAuth2 is { } oauth)
        {
            if (string.IsNullOrWhiteSpace(UserName)) yield return $"{at}:UserName is empty; with OAuth2 it is the mailbox the token sends as.";
            if (!string.IsNullOrEmpty(Password)) yield return $"{at}:Password and {at}:OAuth2 are both set; sign in with one of them.";
            foreach (var problem in oauth.Problems($"{at}:OAuth2")) yield return problem;
        }
        else if (!string.IsNullOrEmpty(Password) && string.IsNullOrWhiteSpace(UserName))
            yield return $"{at}:Password is set but UserName is empty.";
    }
}

/// <summary>
/// OAuth2 sign-in for SMTP (SASL XOAUTH2) with a token of the client-credentials flow, as Exchange Online accepts from an
/// app registration granted SMTP.SendAsApp and the mailbox's permission.
/// </summary>
public sealed class SmtpOAuth2Options
{
    public const string ExchangeOnlineScope = "https://outlook.office365.com/.default";

    /// <summary>The Microsoft Entra tenant (directory id or a verified domain); the authority is then https://login.microsoftonline.com/{TenantId}.</summary>
    public string? TenantId { get; set; }

    /// <summary>The full authority instead of <see cref="TenantId"/>, e.g. for a national cloud (https://login.microsoftonline.us/{tenant}).</summary>
    public string? Authority { get; set; }

    /// <summary>The application (client) id of the app registration.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The app registration's client secret. Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scope the token is for.</summary>
    public string Scope { get; set; } = ExchangeOnlineScope;

    /// <summary>The authority to ask for tokens.</summary>
    public string AuthorityUrl => string.IsNullOrWhiteSpace(Authority) ? $"https://login.microsoftonline.com/{TenantId}" : Authority;

    /// <summary>Says which settings are set, never the secret.</summary>
    public override string ToString() => $"OAuth2 client {ClientId} at {AuthorityUrl} for {Scope} (secret {(string.IsNullOrEmpty(ClientSecret) ? "missing" : "set")})";

    internal IEnumerable<string> Problems(string at)
    {
        if (string.IsNullOrWhiteSpace(TenantId) && string.IsNullOrWhiteSpace(Authority)) yield return $"{at}:TenantId is empty (or give {at}:Authority).";
        if (!string.IsNullOrWhiteSpace(Authority) && !(Uri.TryCreate(Authority, UriKind.Absolute, out var a) && a.Scheme == Uri.UriSchemeHttps))
            yield return $"{at}:Authority '{Authority}' is not an https URL.";
        if (string.IsNullOrWhiteSpace(ClientId)) yield return $"{at}:ClientId is empty.";
        if (string.IsNullOrEmpty(ClientSecret)) yield return $"{at}:ClientSecret is empty.";
        if (string.IsNullOrWhiteSpace(Scope)) yield return $"{at}:Scope is empty.";
    }
}
