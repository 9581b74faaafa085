using System.Collections;
using System.Data.Common;
using System.Diagnostics;

namespace JourneyReports.Journeys;

public static partial class AnalystSql
{
    /// <summary>
    /// Stops a running command when its time is up or its caller gives up. ADO.NET's CommandTimeout is not enforced by
    /// every provider (DuckDB.NET ignores it, and runs its "async" calls synchronously), so the command is cancelled from
    /// outside (DuckDB: the connection is interrupted), by a thread of the watchdog's own: a timer would need the thread
    /// pool, which those synchronous calls can starve, and the stop would wait for the very thing it stops. It cancels
    /// again on every tick until the command has ended, because an interrupt that arrives while the engine is still
    /// preparing the query is dropped when execution starts.
    /// </summary>
    sealed class Watchdog : IDisposable
    {
        static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
        readonly ManualResetEventSlim done = new();
        readonly Thread thread;
        volatile bool fired;

        public Watchdog(DbCommand command, TimeSpan timeout, CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            thread = new Thread(() =>
            {
                while (!done.Wait(Tick))
                    if (fired || ct.IsCancellationRequested || Stopwatch.GetElapsedTime(started) >= timeout)
                    {
                        fired = true;
                        command.Cancel();
                    }
            }) { IsBackground = true, Name = "analyst SQL watchdog" };
            thread.Start();
        }

        /// <summary>Whether it has cancelled the command: what the command threw since is the stop, not a fault.</summary>
        public bool Fired => fired;

        /// <summary>Ends the watch and waits for it, so that nothing cancels the command once it is disposed.</summary>
        public void Dispose()
        {
            done.Set();
            thread.Join();
            done.Dispose();
        }
    }

    /// <summary>
    /// The size of a result as its rows are read, refused past the cap: rows held for a dashboard stay in memory (and a
    /// CSV of them was a gigabyte). Text and bytes count their length, lists and maps their items, other values 8 or 16.
    /// </summary>
    sealed class ResultSize(int maxMegabytes)
    {
        readonly long cap = maxMegabytes * 1024L * 1024;
        long bytes;

        public void Add(object?[] row, int rowNumber)
        {
            foreach (var value in row) bytes += Of(value);
            if (bytes > cap)
                throw new InvalidOperationException($"the result is larger than the {maxMegabytes} MB allowed: {bytes / 1048576.0:0.0} MB in its " +
                    $"first {rowNumber:N0} rows, and more to come; return fewer rows or shorter values");
        }

        static long Of(object? value)
        {
            switch (value)
            {
                case null: return 0;
                case string text: return text.Length;
                case byte[] data: return data.Length;
                case IDictionary map:
                    long entries = 16;
                    foreach (DictionaryEntry entry in map) entries += Of(entry.Key) + Of(entry.Value);
                    return entries;
                case IEnumerable items:
                    long total = 16;
                    foreach (var item in items) total += Of(item);
                    return total;
                case decimal or Guid or System.Numerics.BigInteger or DateTimeOffset: return 16;
                default: return 8;
            }
        }
    }
}
