using System.Data.Common;
using Dapper;

namespace JourneyReports.Tests;

/// <summary>A real DuckDB warehouse in a temporary file, deleted afterwards.</summary>
public sealed class TempWarehouse : IAsyncDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    public JourneyWarehouse Warehouse { get; }
    public DbConnection Connection { get; private set; } = null!;

    TempWarehouse(JourneyOptions? journey)
    {
        System.IO.Directory.CreateDirectory(Directory);
        Warehouse = new JourneyWarehouse(new DuckDbProvider(Path.Combine(Directory, "warehouse.duckdb")), journey ?? new JourneyOptions());
    }

    public static async Task<TempWarehouse> OpenAsync(JourneyOptions? journey = null)
    {
        var w = new TempWarehouse(journey);
        w.Connection = await w.Warehouse.OpenAsync(CancellationToken.None);
        return w;
    }

    /// <summary>A warehouse holding a test's own hand-built rows (INSERT statements), whose numbers the test works out by hand.</summary>
    public static async Task<TempWarehouse> SeededAsync(string sql, JourneyOptions? journey = null)
    {
        var w = await OpenAsync(journey);
        await w.ExecAsync(sql);
        return w;
    }

    /// <summary>Opens a fresh connection, e.g. after something else has written the file.</summary>
    public async Task ReopenAsync() => Connection = await Warehouse.OpenAsync(CancellationToken.None);

    public JourneyMetrics Metrics => new(Warehouse, Connection);

    public Task ExecAsync(string sql, object? parameters = null) => Connection.ExecuteAsync(sql, parameters);

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
