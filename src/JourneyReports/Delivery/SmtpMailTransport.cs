using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace JourneyReports.Delivery;

/// <summary>Sends through an SMTP server with MailKit. One connection per message keeps a failure to one recipient.</summary>
public sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    public string Name => "smtp";

    public async Task<string> SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(options.Host, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName))
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        var response = await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        return $"smtp://{options.Host}:{options.Port} ({response})";
    }
}
