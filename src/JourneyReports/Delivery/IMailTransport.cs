using MimeKit;

namespace JourneyReports.Delivery;

/// <summary>Where report emails go: an SMTP server, or an outbox folder of .eml files.</summary>
public interface IMailTransport
{
    string Name { get; }

    /// <summary>Sends one message; returns where it went (a file path, or the server), for the run history.</summary>
    Task<string> SendAsync(MimeMessage message, CancellationToken ct);

    /// <param name="resolvePath">Turns the outbox folder's name into a path under the data folder.</param>
    public static IMailTransport From(MailOptions mail, Func<string, string> resolvePath) => mail.Transport.ToLowerInvariant() switch
    {
        "outbox" => new OutboxMailTransport(resolvePath(mail.OutboxPath)),
        "smtp" => new SmtpMailTransport(mail.Smtp),
        var other => throw new InvalidOperationException($"JourneyReports:Mail:Transport '{other}' is unknown; use 'outbox' or 'smtp'."),
    };
}
