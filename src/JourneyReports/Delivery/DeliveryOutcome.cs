namespace JourneyReports.Delivery;

/// <summary>What became of one attempt to hand a message over, and so what the caller may do next.</summary>
public enum DeliveryStatus
{
    /// <summary>The server (or the outbox) accepted the message.</summary>
    Sent,

    /// <summary>Not delivered, and worth another try later: a 4xx reply, no connection, a time-out or a broken connection before the whole message was transmitted.</summary>
    Transient,

    /// <summary>Not delivered, and another try would fail the same way: a 5xx reply (unknown recipient, message too big, ...), refused credentials, a broken TLS set-up.</summary>
    Permanent,

    /// <summary>
    /// The whole message was transmitted but no final reply came (time-out or broken connection while waiting for it):
    /// the server may well have accepted it. Never resent automatically, since a resend could deliver it twice.
    /// </summary>
    Uncertain,
}

/// <summary>
/// The outcome of one attempt to send one message: its status, where it went (<c>smtp://host:port</c> or the outbox
/// file), one line for the run history (the server's reply, or the reason it failed) and, for SMTP replies, the code.
/// </summary>
/// <param name="Status">What became of it; see <see cref="DeliveryStatus"/>.</param>
/// <param name="Where">The server (<c>smtp://host:port</c>) or the outbox file.</param>
/// <param name="Detail">The server's reply when sent; otherwise why not, with the server's words when it gave any.</param>
/// <param name="MessageId">The Message-Id of the message (the same on every attempt, so a receiver can tell a resend).</param>
/// <param name="SmtpCode">The SMTP reply code that decided the outcome, when a reply did (e.g. 250, 451, 550).</param>
public sealed record DeliveryOutcome(DeliveryStatus Status, string Where, string Detail, string? MessageId = null, int? SmtpCode = null)
{
    public static DeliveryOutcome Sent(string where, string reply, string? messageId, int? smtpCode = null) =>
        new(DeliveryStatus.Sent, where, reply, messageId, smtpCode);

    public static DeliveryOutcome Transient(string where, string reason, string? messageId, int? smtpCode = null) =>
        new(DeliveryStatus.Transient, where, reason, messageId, smtpCode);

    public static DeliveryOutcome Permanent(string where, string reason, string? messageId, int? smtpCode = null) =>
        new(DeliveryStatus.Permanent, where, reason, messageId, smtpCode);

    public static DeliveryOutcome Uncertain(string where, string reason, string? messageId) =>
        new(DeliveryStatus.Uncertain, where, reason, messageId);

    public bool IsSent => Status == DeliveryStatus.Sent;

    /// <summary>Only a transient failure is worth another attempt; an uncertain one could deliver the message twice.</summary>
    public bool MayRetry => Status == DeliveryStatus.Transient;

    /// <summary>e.g. "sent via smtp://mail:25: 2.0.0 OK" or "permanent via smtp://mail:25: 550 5.1.1 ...".</summary>
    public override string ToString() => $"{Status.ToString().ToLowerInvariant()} via {Where}: {Detail}";
}
