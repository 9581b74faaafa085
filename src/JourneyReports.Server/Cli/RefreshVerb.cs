using JourneyReports.Catalog;
using JourneyReports.Refresh;

namespace JourneyReports.Server;

/// <summary>refresh: bring the model up to date from a configured source now, as its schedule would (docs/refresh.md).</summary>
public static class RefreshVerb
{
    public const string Usage = "refresh <source> [--full]";

    public static async Task<int> RunAsync(CliArgs args, IServiceProvider services)
    {
        args.OnlyKnown("full");
        if (args.Positional.Count != 1) throw new CliUsageException("name one source of JourneyReports:Sources, e.g. 'refresh adventureworks'");
        await services.GetRequiredService<ReportCatalog>().MigrateAsync(CancellationToken.None);
        var refresher = services.GetRequiredService<SourceRefresher>();
        var result = await refresher.RefreshAsync(args.Positional[0], args.Flag("full"), "cli", CancellationToken.None,
            p => { if (p.Step == RefreshStep.Staged) Console.WriteLine($"  {p.Query}: {p.RowsRead:N0} rows read"); });
        Console.WriteLine($"{(result.Full ? "Full refresh" : "Refresh")} of {result.Source} ({result.Location}):");
        foreach (var q in result.Queries)
        {
            Console.WriteLine($"{q.Query}: {q.RowsRead:N0} rows read since {q.Since?.ToString("yyyy-MM-dd HH:mm:ss") ?? "the start"} in {q.Elapsed.TotalSeconds:0.0} s; watermark {q.Watermark?.ToString("yyyy-MM-dd HH:mm:ss.ffffff") ?? "-"}");
            foreach (var t in q.Targets) Console.WriteLine($"  {t.Table}: {t.Loaded:N0} loaded, {t.Rejected:N0} rejected, {t.Merged:N0} merged by key");
        }
        Console.WriteLine($"Rejects file: {result.RejectsPath}");
        Console.WriteLine($"{result.RowsRead:N0} rows in {result.Elapsed.TotalSeconds:0.0} s, committed to {services.GetRequiredService<JourneyReports.Warehouse.JourneyWarehouse>().Location}");
        return 0;
    }
}
