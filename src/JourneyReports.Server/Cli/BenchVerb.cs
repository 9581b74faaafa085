using System.Diagnostics;
using JourneyReports;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyReports.Server;

/// <summary>
/// bench: the project's own benchmark. Generates a demo warehouse at --scale in a temporary folder, then times each
/// executive metric query and whole report runs (warehouse to email in the outbox). Nothing of the configured data is touched.
/// </summary>
public static class BenchVerb
{
    public static async Task<int> RunAsync(CliArgs args, JourneyReportsOptions configured, ILoggerFactory logs)
    {
        args.OnlyKnown("scale", "runs", "keep");
        var scale = args.Double("scale", 1.0);
        var runs = args.Int("runs", 3);
        var dir = Path.Combine(Path.GetTempPath(), "journeyreports-bench-" + Guid.NewGuid().ToString("n")[..8]);
        var options = new JourneyReportsOptions { DataDirectory = dir, Culture = configured.Culture, CurrencySymbol = configured.CurrencySymbol, Journey = configured.Journey };
        Console.WriteLine($"bench: scale {scale}, {runs} run(s), {Environment.ProcessorCount} cores, {Environment.OSVersion}, data in {dir}");
        try
        {
            var warehouse = Warehouse.From(options);
            var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            var sw = Stopwatch.StartNew();
            var seeded = await DemoWarehouse.SeedAsync(warehouse, new DemoSpec(scale, 42, lastDay), replace: true, null, CancellationToken.None);
            Console.WriteLine($"generate  {sw.Elapsed.TotalSeconds,8:0.00} s   {seeded.Customers:N0} customers, {seeded.Events:N0} events, {seeded.Orders:N0} orders, {seeded.Tickets:N0} tickets, {seeded.Surveys:N0} surveys");
            Console.WriteLine($"file size {new FileInfo(warehouse.FilePath).Length / 1048576.0,8:0.0} MB");

            var week = ReportPeriod.LastCompleteWeek(DateTimeOffset.UtcNow, TimeZones.Find("Europe/London"));
            await using (var c = await warehouse.OpenAsync(CancellationToken.None))
            {
                var m = new JourneyMetrics(warehouse, c);
                await Time("kpis (1 week)", runs, () => m.KpisAsync(week, JourneyFilter.None, default));
                await Time("funnel (1 week)", runs, () => m.FunnelAsync(week, JourneyFilter.None, default));
                await Time("trend (12 weeks)", runs, () => m.WeeklyTrendAsync(week.TrailingWeeks(12), JourneyFilter.None, default));
                await Time("channel mix (1 week)", runs, () => m.ChannelMixAsync(week, JourneyFilter.None, default));
            }

            var catalog = Catalog.From(options);
            await catalog.MigrateAsync(CancellationToken.None);
            var runner = new ReportRunner(options, catalog, IMailTransport.From(options), TimeProvider.System, NullLogger<ReportRunner>.Instance);
            await Time("executive-weekly run", runs, () => runner.RunAsync(
                new RunRequest(ExecutiveWeekly.ReportId, "bench", ["bench@example.com"], "Europe/London", JourneyFilter.None), default));
            return 0;
        }
        finally
        {
            if (!args.Flag("keep")) Directory.Delete(dir, recursive: true);
        }
    }

    // The first call is reported apart: it includes one-off costs (JIT, font loading, DuckDB's caches).
    static async Task Time<T>(string name, int runs, Func<Task<T>> work)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await work();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        var warm = times.Skip(1).Order().ToList();
        Console.WriteLine($"{name,-22} first {times[0],8:0} ms   median {warm[warm.Count / 2],8:0} ms   min {warm[0],8:0} ms   max {warm[^1],8:0} ms");
    }
}
