using System.Data.Common;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace JourneyReports.Warehouse;

/// <summary>
/// The embedded warehouse: one DuckDB file. DuckDB lets one process open a file at a time (a second cannot open it
/// at all), so a connection that finds the file held fails at once with <see cref="WarehouseBusyException"/>.
/// </summary>
public sealed partial class DuckDbProvider(string path) : IWarehouseProvider
{
    public string Name => "duckdb";
    public string Location => path;

    // Every write (an import, a seed, a refresh) changes the file or, until DuckDB checkpoints it, its write-ahead log:
    // their times and sizes are the version, at the cost of two stats.
    public string DataVersion => $"{Stamp(path)}|{Stamp(path + ".wal")}";

    static string Stamp(string file) => File.Exists(file) ? $"{File.GetLastWriteTimeUtc(file).Ticks}:{new FileInfo(file).Length}" : "none";

    public async Task<DbConnection> ConnectAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new DuckDBConnection($"Data Source={path}");
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            await connection.DisposeAsync();
            var holder = HolderPid().Match(e.Message);
            throw new WarehouseBusyException(path, holder.Success ? $"PID {holder.Groups[1].Value}" : "lock held", e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public IBulkWriter BulkWriter(DbConnection connection, string table) =>
        new Appender(((DuckDBConnection)connection).CreateAppender(table));

    public DbParameter Parameter(string name, object? value) => new DuckDBParameter(name, value ?? DBNull.Value);

    public string TimeZoneName(string ianaId) => ianaId;

    // DuckDB's printout is one statement without comments or semicolons, so it nests safely.
    public string Limited(string normalizedSql, int limit) =>
        $"SELECT * FROM ({normalizedSql}) AS analyst" + (limit > 0 ? $" LIMIT {limit}" : "");

    [GeneratedRegex(@"PID (\d+)")]
    private static partial Regex HolderPid();

    /// <summary>DuckDB's appender, the fastest way in; it is its own row so that a row costs no allocation.</summary>
    sealed class Appender(DuckDBAppender appender) : IBulkWriter, IBulkRow
    {
        IDuckDBAppenderRow row = null!;

        public IBulkRow Row() { row = appender.CreateRow(); return this; }
        public IBulkRow Add(long? value) { row.AppendValue(value); return this; }
        public IBulkRow Add(int? value) { row.AppendValue(value); return this; }
        public IBulkRow Add(decimal? value) { row.AppendValue(value); return this; }
        public IBulkRow Add(bool? value) { row.AppendValue(value); return this; }
        public IBulkRow Add(DateTime? value) { row.AppendValue(value); return this; }
        public IBulkRow Add(string? value) { row.AppendValue(value); return this; }
        public void End() => row.EndRow();
        public void Dispose() => appender.Dispose();
    }
}
