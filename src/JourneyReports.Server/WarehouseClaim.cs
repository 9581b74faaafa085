namespace JourneyReports.Server;

/// <summary>
/// A server instance's hold on its embedded warehouse file. DuckDB lets one process open a file at a time, and the
/// server opens it per request, so two servers pointed at one file would take turns and fail at random with "in use by
/// another process". Instead the second one does not start: it is told each instance keeps its own copy
/// (docs/instances.md). Verbs (import, seed, run) take no claim: they open the file briefly beside the server, as before.
/// </summary>
public sealed class WarehouseClaim : IDisposable
{
    readonly FileStream held;

    WarehouseClaim(FileStream held) => this.held = held;

    public void Dispose() => held.Dispose();

    /// <summary>
    /// Takes the claim (a lock file beside the warehouse, locked for this process's life; the system drops it when the
    /// process dies, even killed), or returns the problem: it is held by another server.
    /// </summary>
    public static (WarehouseClaim? Claim, string? Problem) Take(string warehousePath)
    {
        var lockFile = warehousePath + ".server";
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        try
        {
            // FileShare.None is an exclusive lock for other processes on every platform .NET runs on (flock on Unix).
            return (new WarehouseClaim(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)), null);
        }
        catch (IOException)
        {
            return (null, $"The warehouse file {warehousePath} is used by another JourneyReports server. A DuckDB file opens in one process only: " +
                "give each instance its own warehouse (its own JourneyReports:DataDirectory, or JourneyReports:Warehouse:Path), refreshed from " +
                "the same source, and share only the catalog and the job storage (docs/instances.md).");
        }
    }
}
