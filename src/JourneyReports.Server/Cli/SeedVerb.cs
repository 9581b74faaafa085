using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>seed: generate demo data (deterministic for a given --seed) into the configured warehouse.</summary>
public static class SeedVerb
{
    public static async Task<int> RunAsync(CliArgs args, IServiceProvider services)
    {
        var options = services.GetRequiredService<JourneyReportsOptions>();
        args.OnlyKnown("scale", "seed", "replace");
        var scale = args.Double("scale", 1.0);
        if (scale is <= 0 or > 100) throw new CliUsageException($"--scale must be above 0 and at most 100 (was {scale})");
        var spec = new DemoSpec(scale, args.Int("seed", options.Warehouse.DemoSeed), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        var warehouse = services.GetRequiredService<JourneyWarehouse>();
        var summary = await DemoWarehouse.SeedAsync(warehouse, spec, args.Flag("replace"), Console.WriteLine, CancellationToken.None);
        Console.WriteLine($"Generated demo data at scale {spec.Scale} (seed {spec.Seed}, one year to {spec.LastDay:yyyy-MM-dd}) into {warehouse.Location}");
        Console.WriteLine($"  {summary.Customers:N0} customers, {summary.Events:N0} events, {summary.Orders:N0} orders (revenue {summary.Revenue:N2}), {summary.Tickets:N0} tickets, {summary.Surveys:N0} surveys");
        Console.WriteLine($"  in {summary.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
