using System.Diagnostics;
using JourneyReports.Refresh;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>
/// bench --refresh [--rows 5000000]: Import mode's throughput. Generates a stand-in source (SQLite, shaped like the
/// journey views) holding N events over the year to yesterday, refreshes a fresh warehouse from it in full through the
/// committed SQL Server mapping's fields (each query's SQLite twin), then adds one day of events and refreshes
/// incrementally. Prints rows per second and the peak working set (run it in a fresh process: the peak is the process's).
/// </summary>
internal static class BenchRefresh
{
    const string Mapping = "mappings/sqlserver-adventureworks.json";

    public static async Task RunAsync(JourneyReportsOptions configured, string dir, long rows)
    {
        if (rows < 365) throw new CliUsageException("--rows must be at least 365 (a year of days)");
        var options = new JourneyReportsOptions { DataDirectory = dir, Journey = configured.Journey };
        await using var services = Cli.Services(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var warehouse = services.GetRequiredService<JourneyWarehouse>();
        var mapping = StandInSource.Mapping(RefreshMapping.Load(Path.GetFullPath(Mapping)));
        var sourcePath = Path.Combine(dir, "source.sqlite");
        var source = new RefreshSource("bench", mapping, StandInSource.ConnectionString(sourcePath));
        using var process = Process.GetCurrentProcess();

        var yesterday = DateTime.UtcNow.Date.AddDays(-1);
        var step = TimeSpan.FromDays(365) / rows;
        var sw = Stopwatch.StartNew();
        await using (var sqlite = await StandInSource.CreateAsync(sourcePath, default))
            await StandInSource.GenerateEventsAsync(sqlite, 1, rows, yesterday.AddDays(-365), step, default);
        Console.WriteLine($"stand-in source: {rows:N0} events over 365 days in {sw.Elapsed.TotalSeconds:0.0} s, file {new FileInfo(sourcePath).Length / 1048576.0:0} MB");

        // Sampled after every batch read and every query applied: reading is bounded by the batch, applying is DuckDB's.
        long reading = 0, applying = 0;
        void Sample(RefreshProgress p)
        {
            process.Refresh();
            if (p.Step == RefreshStep.Applied) applying = Math.Max(applying, process.WorkingSet64);
            else reading = Math.Max(reading, process.WorkingSet64);
        }
        var full = await RefreshEngine.RunAsync(warehouse, source, full: true, Path.Combine(dir, "rejects.csv"), Sample, default);
        Report("full refresh", full, reading, applying);

        // One more day: the day's share of events, modified now; the 48-hour look-back reads the two days before it again.
        var perDay = rows / 365;
        await using (var sqlite = await StandInSource.CreateAsync(sourcePath, default))
            await StandInSource.GenerateEventsAsync(sqlite, rows + 1, rows + perDay, yesterday.AddDays(1), TimeSpan.FromDays(1) / perDay, default);
        reading = applying = 0;
        var day = await RefreshEngine.RunAsync(warehouse, source, full: false, Path.Combine(dir, "rejects.csv"), Sample, default);
        Report($"incremental refresh, one new day ({perDay:N0} events) plus the 48 h look-back", day, reading, applying);
        Console.WriteLine($"warehouse file {new FileInfo(warehouse.Location).Length / 1048576.0:0} MB; peak working set of the process {process.PeakWorkingSet64 / 1048576.0:0} MB");
    }

    static void Report(string what, RefreshResult result, long reading, long applying) => Console.WriteLine(
        $"{what}: {result.RowsRead:N0} rows read in {result.Elapsed.TotalSeconds:0.0} s, {result.RowsRead / result.Elapsed.TotalSeconds:N0} rows/s; " +
        $"working set at most {reading / 1048576.0:0} MB while reading, {applying / 1048576.0:0} MB while applying");
}
