using System.Diagnostics;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Journeys;
using JourneyReports.Scheduling;
using JourneyReports.Warehouse;
using JourneyReports.Workbooks;

namespace JourneyReports.Server;

/// <summary>
/// bench: the project's own benchmark. Generates a demo warehouse at --scale in a temporary folder, then times every
/// metric family (for the last complete week, 28 and 90 days; --families a,b or none), every dashboard definition
/// (queries, PNG, SVG, workbook) and whole report runs (warehouse to email in the outbox).
/// With --sheet-rows N it only streams an N-row detail workbook and reports time and peak memory (run it in a fresh
/// process: the peak is the process's). With --web it times the real server under concurrent clients instead (see
/// <see cref="BenchWeb"/>). Nothing of the configured data is touched.
/// </summary>
public static class BenchVerb
{
    public static async Task<int> RunAsync(CliArgs args, IServiceProvider services)
    {
        var configured = services.GetRequiredService<JourneyReportsOptions>();
        args.OnlyKnown("scale", "runs", "keep", "sheet-rows", "families", "subscriptions", "smtp", "recipients", "web", "clients", "requests", "refresh", "rows", "peers", "peer", "data", "work");
        // Side by side with the pandas peers: whole processes of this build, nothing generated in a temporary folder.
        if (args.Flag("peers")) { await BenchPeers.RunAsync(args); return 0; }
        var scale = args.Double("scale", 1.0);
        var runs = args.Int("runs", 3);
        var dir = Path.Combine(Path.GetTempPath(), "journeyreports-bench-" + Guid.NewGuid().ToString("n")[..8]);
        Directory.CreateDirectory(dir);
        Console.WriteLine($"bench: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, data in {dir}");
        try
        {
            if (args.Value("sheet-rows") is not null)
            {
                var rows = args.Int("sheet-rows", 1_000_000);
                var (elapsed, peak, bytes) = DetailSheetBenchmark.Run(rows, Path.Combine(dir, "detail.xlsx"));
                Console.WriteLine($"detail sheet  {rows:N0} rows in {elapsed.TotalSeconds:0.0} s, peak working set {peak / 1048576.0:0} MB, file {bytes / 1048576.0:0.0} MB");
                return 0;
            }
            if (args.Flag("web"))
            {
                await BenchWeb.RunAsync(configured, dir, scale, args.Int("clients", 20), args.Int("requests", 200));
                return 0;
            }
            if (args.Flag("refresh")) { await BenchRefresh.RunAsync(configured, dir, args.Int("rows", 5_000_000)); return 0; }
            var options = new JourneyReportsOptions { DataDirectory = dir, Culture = configured.Culture, CurrencySymbol = configured.CurrencySymbol, Journey = configured.Journey,
                DashboardsDirectory = configured.DashboardsDirectory };
            // The bench's own services over its own data folder: nothing of the configured data is touched.
            await using var bench = Cli.Services(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            var warehouse = bench.GetRequiredService<JourneyWarehouse>();
            var sw = Stopwatch.StartNew();
            if (args.Flag("subscriptions") || args.Value("subscriptions") is not null)
            {
                await DemoWarehouse.SeedAsync(warehouse, new DemoSpec(scale, 42, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)), replace: true, null, CancellationToken.None);
                await BenchSubscriptions.RunAsync(options, args.Value("smtp") ?? throw new CliUsageException("--subscriptions needs --smtp HOST:PORT (an SMTP server on loopback)"),
                    args.Int("recipients", 200), args.Value("subscriptions") is null ? 500 : args.Int("subscriptions", 500));
                return 0;
            }
            var seeded = await DemoWarehouse.SeedAsync(warehouse, new DemoSpec(scale, 42, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)), replace: true, null, CancellationToken.None);
            Console.WriteLine($"generate scale {scale}: {sw.Elapsed.TotalSeconds:0.0} s   {seeded.Customers:N0} customers, {seeded.Events:N0} events, {seeded.Orders:N0} orders, {seeded.Tickets:N0} tickets, {seeded.Surveys:N0} surveys, file {new FileInfo(warehouse.Location).Length / 1048576.0:0} MB");

            var zone = TimeZones.Find("Europe/London");
            var week = ReportPeriod.LastCompleteWeek(DateTimeOffset.UtcNow, zone);
            var periods = new[] { ("week", week), ("28 days", ReportPeriod.Days(week.LastDay.AddDays(-27), week.LastDay, zone)), ("90 days", ReportPeriod.Days(week.LastDay.AddDays(-89), week.LastDay, zone)) };
            var only = args.Value("families")?.Split(',') ?? [];
            Console.WriteLine($"{"metric family",-26}{string.Concat(periods.Select(p => $"{p.Item1 + " (median ms)",20}"))}");
            await using (var c = await warehouse.OpenAsync(CancellationToken.None))
            {
                foreach (var family in MetricCatalog.Families.Where(f => only.Length == 0 || only.Contains(f.Name)))
                {
                    var familyArgs = family.Name == "funnel-by" ? new MetricArgs(new Dictionary<string, string> { ["by"] = "department" }) : MetricArgs.None;
                    var cells = new List<string>();
                    foreach (var (_, period) in periods)
                        cells.Add($"{await MedianMs(runs, () => family.Run(new JourneyMetrics(warehouse, c), period, JourneyFilter.None, familyArgs, CancellationToken.None)),20:0}");
                    Console.WriteLine($"{family.Name,-26}{string.Concat(cells)}");
                }
            }

            await BenchDashboards.RunAsync(configured.DashboardsDirectory, warehouse, options.ReportCulture(), runs);

            await bench.GetRequiredService<ReportCatalog>().MigrateAsync(CancellationToken.None);
            var runner = bench.GetRequiredService<ReportRunner>();
            var first = Stopwatch.StartNew();
            await RunReport(runner);
            Console.WriteLine($"executive-weekly run, first in process: {first.ElapsedMilliseconds} ms; then median {await MedianMs(runs, () => RunReport(runner)):0} ms (query, render, workbook, email to the outbox)");
            return 0;
        }
        finally
        {
            if (!args.Flag("keep")) Directory.Delete(dir, recursive: true);
        }
    }

    static Task<RunResult> RunReport(ReportRunner runner) => runner.RunAsync(
        new RunRequest("executive-weekly", "bench", ["bench@example.com"], "Europe/London", JourneyFilter.None), default);

    // One warm-up call (JIT, DuckDB's caches), then the median of the timed calls.
    internal static async Task<double> MedianMs<T>(int runs, Func<Task<T>> work)
    {
        await work();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await work();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
