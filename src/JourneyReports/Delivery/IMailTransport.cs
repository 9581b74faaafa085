using MimeKit;

namespace JourneyReports;

/// <summary>Where report emails go: an SMTP server, or an outbox folder of .eml files.</summary>
public interface IMailTransport
{
    string Name { get; }

    /// <summary>Sends one message; returns where it went (a file path, or the server), for the run history.</summary>
    Task<string> SendAsync(MimeMessage message, CancellationToken ct);

    public static IMailTransport From(JourneyReportsOptions options) => options.Mail.Transport.ToLowerInvariant() switch
    {
        "outbox" => new OutboxMailTransport(options.ResolvePath(options.Mail.OutboxPath)),
        "smtp" => new SmtpMailTransport(options.Mail.Smtp),
        var other => throw new InvalidOperationException($"JourneyReports:Mail:Transport '{other}' is unknown; use 'outbox' or 'smtp'."),
    };
}
