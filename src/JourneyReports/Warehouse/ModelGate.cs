namespace JourneyReports.Warehouse;

/// <summary>
/// Keeps scheduled report runs and refreshes of the model apart within one process. A refresh writes the model in one
/// transaction, so each statement a report runs sees the old model or the new one; but a report is many statements,
/// and a commit falling between two of them would give it half of each. So: a refresh announces itself when it starts
/// (runs arriving after that wait for it, as they should read the fresh model), and before it commits it waits for the
/// runs already reading to finish. Refreshes take turns. Another process cannot open the DuckDB file meanwhile at all.
/// </summary>
public sealed class ModelGate
{
    readonly Lock sync = new();
    int readers;
    int refreshes;
    TaskCompletionSource changed = New();

    /// <summary>Whether a refresh has started and not yet finished.</summary>
    public bool Refreshing { get { lock (sync) return refreshes > 0; } }

    /// <summary>How many readers are waiting for a refresh to finish (for the log, and for tests to know a run is held).</summary>
    public int Waiting { get { lock (sync) return waiting; } }

    int waiting;

    /// <summary>Waits until no refresh is in progress, then reads until the result is disposed.</summary>
    public async Task<IDisposable> ReadAsync(CancellationToken ct)
    {
        var counted = false;
        try
        {
            while (true)
            {
                Task wait;
                lock (sync)
                {
                    if (refreshes == 0)
                    {
                        if (counted) waiting--;
                        counted = false;
                        readers++;
                        return new Release(this, reader: true);
                    }
                    if (!counted) waiting++;
                    counted = true;
                    wait = changed.Task;
                }
                await wait.WaitAsync(ct);
            }
        }
        finally
        {
            if (counted) lock (sync) waiting--;
        }
    }

    /// <summary>Announces a refresh (new readers wait from now on), after any refresh already in progress has finished.</summary>
    public async Task<Refresh> RefreshAsync(CancellationToken ct)
    {
        while (true)
        {
            Task wait;
            lock (sync)
            {
                if (refreshes == 0)
                {
                    refreshes++;
                    return new Refresh(this);
                }
                wait = changed.Task;
            }
            await wait.WaitAsync(ct);
        }
    }

    void Leave(bool reader)
    {
        TaskCompletionSource done;
        lock (sync)
        {
            if (reader) readers--; else refreshes--;
            done = changed;
            changed = New();
        }
        done.SetResult();
    }

    static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    sealed class Release(ModelGate gate, bool reader) : IDisposable
    {
        int disposed;
        public void Dispose() { if (Interlocked.Exchange(ref disposed, 1) == 0) gate.Leave(reader); }
    }

    /// <summary>A refresh in progress; disposing it lets waiting runs read.</summary>
    public sealed class Refresh(ModelGate gate) : IDisposable
    {
        readonly Release release = new(gate, reader: false);

        /// <summary>Waits until no run is reading the model: what a refresh does right before it commits.</summary>
        public async Task ReadersGoneAsync(CancellationToken ct)
        {
            while (true)
            {
                Task wait;
                lock (gate.sync)
                {
                    if (gate.readers == 0) return;
                    wait = gate.changed.Task;
                }
                await wait.WaitAsync(ct);
            }
        }

        public void Dispose() => release.Dispose();
    }
}
