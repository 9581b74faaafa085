namespace JourneyReports.Warehouse;

/// <summary>
/// Another process holds the DuckDB warehouse file. DuckDB allows one process per file (not even a read-only
/// second opener), so callers fail fast with this instead of waiting.
/// </summary>
public sealed class WarehouseBusyException(string path, string detail, Exception inner)
    : Exception($"The warehouse file {path} is in use by another process ({detail}). " +
                "Only one process can open a DuckDB file at a time: wait for the running job to finish, or stop the server, and try again.", inner);
