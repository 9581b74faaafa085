using Hangfire.Storage;
using Hangfire.Storage.SQLite;

namespace JourneyReports.Tests;

/// <summary>
/// What two instances sharing one Hangfire SQLite file rely on from Hangfire.Storage.SQLite itself: its distributed
/// lock (the recurring-job scheduler's, which makes a schedule's fire enqueued once) is a row in that file, so a
/// second storage on the file — another process's, here another thread's — is refused while the first holds it.
/// Each email still goes once without it: the catalog's subscription lock and delivery ledger decide (docs/instances.md).
/// </summary>
public sealed class SharedJobStorageTests : IDisposable
{
    readonly string path = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"), "jobs.db");

    public SharedJobStorageTests() => Directory.CreateDirectory(Path.GetDirectoryName(path)!);

    public void Dispose()
    {
        try { Directory.Delete(Path.GetDirectoryName(path)!, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void ADistributedLock_HeldThroughOneStorage_IsRefusedThroughAnotherOnTheSameFile_ThenGiven()
    {
        var first = new SQLiteStorage(path, new SQLiteStorageOptions());
        var second = new SQLiteStorage(path, new SQLiteStorageOptions());
        using var one = first.GetConnection();
        var held = one.AcquireDistributedLock("recurring-jobs:lock", TimeSpan.FromSeconds(1));

        // Another thread (a thread of its own, joined): the storage counts re-entrant locks per thread, as it would per
        // process, and the first lock stays on the test thread that took it.
        var refused = OnAnotherThread(() => second.GetConnection().AcquireDistributedLock("recurring-jobs:lock", TimeSpan.FromSeconds(1)));
        held.Dispose();
        var given = OnAnotherThread(() => second.GetConnection().AcquireDistributedLock("recurring-jobs:lock", TimeSpan.FromSeconds(1)).Dispose());

        Assert.IsType<DistributedLockTimeoutException>(refused);
        Assert.Null(given);
    }

    static Exception? OnAnotherThread(Action action)
    {
        Exception? thrown = null;
        var thread = new Thread(() => thrown = Record.Exception(action));
        thread.Start();
        thread.Join();
        return thrown;
    }
}
