using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Identity.Client;
using MimeKit;
using MimeKit.Utils;

namespace JourneyReports.Delivery;

/// <summary>
/// Sends through an SMTP server with MailKit, one connection per message so a failure stays with its message, and
/// says what became of each (<see cref="DeliveryOutcome"/>): a reply decides by its code (4xx transient, 5xx
/// permanent); no reply is transient while the message was not yet wholly transmitted, and uncertain after.
/// </summary>
/// <param name="accessToken">Where OAuth2 tokens come from when <see cref="SmtpOptions.OAuth2"/> is set; null: Microsoft Entra ID (<see cref="OAuth2Tokens.ClientCredentials"/>).</param>
/// <param name="pacing">The per-sender rate limit to honour; null: one of this transport's own from <see cref="SmtpOptions.MessagesPerMinute"/>.</param>
public sealed class SmtpMailTransport(SmtpOptions options, AccessTokenSource? accessToken = null, SenderPacing? pacing = null) : IMailTransport
{
    /// <summary>How long to wait for the server's goodbye after it accepted the message; it has nothing more to say that matters.</summary>
    static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(5);

    readonly AccessTokenSource? tokens = options.OAuth2 is { } oauth ? accessToken ?? OAuth2Tokens.ClientCredentials(oauth) : null;
    readonly SenderPacing pacing = pacing ?? new SenderPacing(options.MessagesPerMinute);

    public string Name => "smtp";

    string Where => $"smtp://{options.Host}:{options.Port}";

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken ct)
    {
        var sender = message.Sender ?? message.From.Mailboxes.FirstOrDefault()
            ?? throw new InvalidOperationException("The message has no sender (From or Sender).");
        // The same id on every attempt lets a receiver (and the run history) recognise a resend.
        if (string.IsNullOrEmpty(message.MessageId)) message.MessageId = MimeUtils.GenerateMessageId(Domain(sender.Address));
        await pacing.WaitTurnAsync(sender.Address, ct);

        var transmission = new Transmission();
        var step = "connecting";
        using var client = new SmtpClient { Timeout = checked(options.TimeoutSeconds * 1000) };
        try
        {
            await client.ConnectAsync(options.Host, options.Port, options.SecureSocket, ct);
            step = "signing in";
            await SignInAsync(client, ct);
            step = "sending";
            var reply = await client.SendAsync(message, ct, transmission);
            step = "quitting";
            await QuitQuietlyAsync(client);
            return DeliveryOutcome.Sent(Where, reply, message.MessageId, 250);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (Outcome(e, step, transmission.Complete, message.MessageId) is { } outcome)
        {
            return outcome;
        }
    }

    async Task SignInAsync(SmtpClient client, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.UserName)) return;
        if (tokens is not null)
            await client.AuthenticateAsync(new SaslMechanismOAuth2(options.UserName, await tokens(ct)), ct);
        else
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
    }

    /// <summary>Says goodbye after the server accepted the message; nothing that happens now changes that it was sent.</summary>
    static async Task QuitQuietlyAsync(SmtpClient client)
    {
        using var quit = new CancellationTokenSource(QuitTimeout);
        try { await client.DisconnectAsync(quit: true, quit.Token); }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or TimeoutException or SmtpProtocolException or SmtpCommandException) { }
    }

    /// <summary>What a failure means for the message, or null for an exception that is a bug and must surface.</summary>
    DeliveryOutcome? Outcome(Exception e, string step, bool wholeMessageSent, string messageId)
    {
        switch (e)
        {
            case SmtpCommandException c:
                // The server answered: its code decides, whatever the step.
                var code = (int)c.StatusCode;
                var what = c.ErrorCode switch
                {
                    SmtpErrorCode.RecipientNotAccepted => $"recipient {c.Mailbox?.Address} refused",
                    SmtpErrorCode.SenderNotAccepted => $"sender {c.Mailbox?.Address} refused",
                    SmtpErrorCode.MessageNotAccepted => "message refused",
                    _ => $"{step}: unexpected reply",
                };
                var reason = $"{what}: {code} {c.Message}";
                return code is >= 400 and < 500
                    ? DeliveryOutcome.Transient(Where, reason, messageId, code)
                    : DeliveryOutcome.Permanent(Where, reason, messageId, code);
            case ServiceNotAuthenticatedException:
                return DeliveryOutcome.Permanent(Where, $"the server requires signing in ({e.Message}); set Mail:Smtp:UserName with a Password or OAuth2", messageId);
            case AuthenticationException:
                return DeliveryOutcome.Permanent(Where,
                    $"the server refused the {(tokens is null ? "user name and password" : "OAuth2 token")} for {options.UserName}: {e.Message}", messageId);
            case NotSupportedException when step == "signing in":
                return DeliveryOutcome.Permanent(Where, $"cannot sign in as {options.UserName}: {e.Message}", messageId);
            case NotSupportedException when step == "connecting":
                return DeliveryOutcome.Permanent(Where, $"cannot connect with Security {options.Security}: {e.Message}", messageId);
            case SslHandshakeException:
                return DeliveryOutcome.Permanent(Where, $"TLS failed: {FirstLine(e.Message)}", messageId);
            case MsalException m:
                return m.IsRetryable
                    ? DeliveryOutcome.Transient(Where, $"no OAuth2 token yet: {m.ErrorCode}: {FirstLine(m.Message)}", messageId)
                    : DeliveryOutcome.Permanent(Where, $"no OAuth2 token: {m.ErrorCode}: {FirstLine(m.Message)}", messageId);
            case HttpRequestException when step == "signing in":
                return DeliveryOutcome.Transient(Where, $"no OAuth2 token yet: {e.Message}", messageId);
            case SocketException s when step == "connecting":
                return DeliveryOutcome.Transient(Where, $"could not connect: {s.SocketErrorCode} ({s.Message})", messageId);
            case SocketException or IOException or SmtpProtocolException or TimeoutException or OperationCanceledException:
                // No reply decided it. Only once every byte of the message went out could the server have accepted it.
                var failure = e is OperationCanceledException or TimeoutException || e.InnerException is TimeoutException
                    ? $"no reply within {options.TimeoutSeconds} s" : $"connection lost ({FirstLine(e.Message)})";
                return wholeMessageSent
                    ? DeliveryOutcome.Uncertain(Where, $"{failure} after the whole message was transmitted: the server may have accepted it, so it is not resent", messageId)
                    : DeliveryOutcome.Transient(Where, $"{failure} while {step}", messageId);
            default:
                return null;
        }
    }

    static string Domain(string address) => address.LastIndexOf('@') is var at and > 0 ? address[(at + 1)..] : "journeyreports.local";

    static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>
    /// Follows the message's bytes as MailKit writes them after DATA (it measures the message first and reports the
    /// total): once all of them are written, the server may have the message, and a missing reply no longer means it
    /// was not delivered. Without a total, any byte written counts as possibly all of them.
    /// </summary>
    sealed class Transmission : ITransferProgress
    {
        long transferred, total = -1;

        public bool Complete => Interlocked.Read(ref total) is >= 0 and var t ? Interlocked.Read(ref transferred) >= t : Interlocked.Read(ref transferred) > 0;

        public void Report(long bytesTransferred, long totalSize)
        {
            Interlocked.Exchange(ref total, totalSize);
            Interlocked.Exchange(ref transferred, bytesTransferred);
        }

        public void Report(long bytesTransferred) => Interlocked.Exchange(ref transferred, bytesTransferred);
    }
}
