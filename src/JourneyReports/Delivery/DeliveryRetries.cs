using MimeKit;

namespace JourneyReports.Delivery;

/// <summary>Every attempt made to send one message, the last one deciding.</summary>
public sealed record DeliveryAttempts(IReadOnlyList<DeliveryOutcome> Attempts)
{
    public DeliveryOutcome Final => Attempts[^1];
}

/// <summary>Sending with retries: transient failures are tried again after growing waits; permanent and uncertain ones never.</summary>
public static class DeliveryRetries
{
    /// <summary>
    /// Sends <paramref name="message"/>, and while the outcome is <see cref="DeliveryStatus.Transient"/> waits
    /// <see cref="RetryOptions.DelayBefore"/> and tries again, up to <see cref="RetryOptions.MaxAttempts"/> attempts.
    /// The wait happens here, in the caller's task; a caller that would rather schedule the next attempt itself calls
    /// <see cref="IMailTransport.SendAsync"/> once and asks <see cref="RetryOptions.DelayBefore"/> when.
    /// </summary>
    /// <param name="onAttempt">Told of each attempt as it ends (to log or record it), with its number from 1.</param>
    public static async Task<DeliveryAttempts> SendWithRetriesAsync(this IMailTransport transport, MimeMessage message, RetryOptions retry,
        CancellationToken ct, TimeProvider? clock = null, Action<int, DeliveryOutcome>? onAttempt = null)
    {
        var attempts = new List<DeliveryOutcome>();
        while (true)
        {
            var outcome = await transport.SendAsync(message, ct);
            attempts.Add(outcome);
            onAttempt?.Invoke(attempts.Count, outcome);
            if (!outcome.MayRetry || retry.DelayBefore(attempts.Count + 1) is not { } wait) return new DeliveryAttempts(attempts);
            await Task.Delay(wait, clock ?? TimeProvider.System, ct);
        }
    }
}
