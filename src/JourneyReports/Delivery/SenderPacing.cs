namespace JourneyReports.Delivery;

/// <summary>
/// Spreads the messages of each sender address evenly over time — at most <c>messagesPerMinute</c> in any minute —
/// across every concurrent caller: each caller gets the next free slot and waits for it, so a big batch queues
/// instead of being refused by the server, and never fails because of the limit.
/// </summary>
public sealed class SenderPacing
{
    readonly TimeSpan interval;
    readonly TimeProvider clock;
    readonly Dictionary<string, DateTimeOffset> nextSlot = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="messagesPerMinute">0: no limit.</param>
    public SenderPacing(int messagesPerMinute, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messagesPerMinute);
        interval = messagesPerMinute == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(1) / messagesPerMinute;
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>The time between two messages of one sender (zero: no limit).</summary>
    public TimeSpan Interval => interval;

    /// <summary>Waits for <paramref name="sender"/>'s next slot. A cancelled wait leaves its slot unused (a slightly slower batch, never a faster one).</summary>
    public async Task WaitTurnAsync(string sender, CancellationToken ct)
    {
        if (interval == TimeSpan.Zero) return;
        TimeSpan wait;
        lock (nextSlot)
        {
            var now = clock.GetUtcNow();
            var slot = nextSlot.TryGetValue(sender, out var next) && next > now ? next : now;
            nextSlot[sender] = slot + interval;
            wait = slot - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
    }
}
