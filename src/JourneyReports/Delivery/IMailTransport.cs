using MimeKit;

namespace JourneyReports.Delivery;

/// <summary>Where report emails go: an SMTP server, or an outbox folder of .eml files.</summary>
public interface IMailTransport
{
    string Name { get; }

    /// <summary>
    /// Makes one attempt to hand the message over and says what became of it (see <see cref="DeliveryOutcome"/>).
    /// Failures of the mail system — SMTP replies, the network, the outbox folder — are outcomes, not exceptions; a
    /// programming error (a message without sender or recipient, say) still throws, and so does cancellation.
    /// Send one message per recipient: a server that refuses one recipient of several refuses the message.
    /// </summary>
    Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken ct);

    /// <param name="resolvePath">Turns the outbox folder's name into a path under the data folder.</param>
    public static IMailTransport From(MailOptions mail, Func<string, string> resolvePath) => mail.Transport.ToLowerInvariant() switch
    {
        "outbox" => new OutboxMailTransport(resolvePath(mail.OutboxPath)),
        "smtp" => new SmtpMailTransport(mail.Smtp),
        var other => throw new InvalidOperationException($"JourneyReports:Mail:Transport '{other}' is unknown; use 'outbox' or 'smtp'."),
    };
}
