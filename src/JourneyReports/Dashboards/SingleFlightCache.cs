namespace JourneyReports.Dashboards;

/// <summary>
/// At most <c>capacity</c> values by key, the least recently used dropped first, each computed once: whoever asks for a
/// key while it is being computed waits for that computation instead of starting another. A computation that fails, is
/// cancelled, or gives a value <c>keep</c> refuses is not kept, so the next caller computes afresh (those already waiting
/// get its outcome). A capacity of 0 turns the cache off: every call computes, on its caller's token.
/// Dashboard results (<see cref="DashboardResultCache"/>) and the scheduler's rendered slices both use it.
/// </summary>
/// <param name="maxAge">Entries older than this are computed again; null keeps them until they are dropped for room.</param>
public sealed class SingleFlightCache<TKey, TValue>(int capacity, TimeSpan? maxAge = null, TimeProvider? clock = null) : IDisposable
    where TKey : notnull
{
    sealed record Entry(TKey Key, Task<TValue> Value, DateTimeOffset At);

    readonly Lock gate = new();
    readonly Dictionary<TKey, LinkedListNode<Entry>> entries = [];
    readonly LinkedList<Entry> byUse = new();   // most recently used first
    // A computation is shared, so no one caller's token may stop it: it stops only when the cache is disposed (at shutdown).
    readonly CancellationTokenSource stopping = new();
    int computations;

    /// <summary>How many computations have been started: what tests and benchmarks count to tell hits from misses.</summary>
    public int Computations => Volatile.Read(ref computations);

    /// <summary>
    /// The value for <paramref name="key"/>: kept, being computed, or computed now by <paramref name="compute"/> (which
    /// gets the cache's own token). <paramref name="ct"/> only stops this caller's wait.
    /// </summary>
    public Task<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> compute, CancellationToken ct, Func<TValue, bool>? keep = null)
    {
        if (capacity <= 0)
        {
            Interlocked.Increment(ref computations);
            return compute(ct);
        }
        LinkedListNode<Entry> node;
        TaskCompletionSource<TValue>? mine = null;
        lock (gate)
        {
            var now = (clock ?? TimeProvider.System).GetUtcNow();
            if (entries.TryGetValue(key, out var found) && !(maxAge is { } age && now - found.Value.At > age))
            {
                byUse.Remove(found);
                byUse.AddFirst(found);
                node = found;
            }
            else
            {
                if (found is not null) Drop(found);
                mine = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                node = byUse.AddFirst(new Entry(key, mine.Task, now));
                entries[key] = node;
                while (entries.Count > capacity) Drop(byUse.Last!);
            }
        }
        if (mine is not null) _ = ComputeAsync(node, compute, keep, mine);
        return node.Value.Value.WaitAsync(ct);
    }

    async Task ComputeAsync(LinkedListNode<Entry> node, Func<CancellationToken, Task<TValue>> compute, Func<TValue, bool>? keep, TaskCompletionSource<TValue> outcome)
    {
        Interlocked.Increment(ref computations);
        try
        {
            var value = await compute(stopping.Token);
            if (keep is not null && !keep(value)) Forget(node);
            outcome.SetResult(value);
        }
        catch (OperationCanceledException e)
        {
            Forget(node);
            outcome.SetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            Forget(node);
            outcome.SetException(e);
        }
    }

    /// <summary>Removes the entry unless it has already gone (dropped for room, or replaced by a newer computation).</summary>
    void Forget(LinkedListNode<Entry> node)
    {
        lock (gate)
            if (entries.TryGetValue(node.Value.Key, out var current) && current == node) Drop(node);
    }

    void Drop(LinkedListNode<Entry> node)
    {
        entries.Remove(node.Value.Key);
        if (node.List is not null) byUse.Remove(node);
    }

    /// <summary>Stops the computations still running; their waiters get a cancellation.</summary>
    public void Dispose() => stopping.Cancel();
}
