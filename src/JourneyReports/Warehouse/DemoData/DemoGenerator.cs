using System.Data.Common;
namespace JourneyReports;
// STUB until the demo-data branch is merged.
public sealed record DemoSpec(double Scale, int Seed, DateOnly LastDay);
public sealed record DemoSummary(long Customers, long Events, long Orders, decimal Revenue, long Tickets, long Surveys, TimeSpan Elapsed);
public static class DemoGenerator
{
    public static Task<DemoSummary> GenerateAsync(DbConnection conn, DemoSpec spec, Action<string>? progress, CancellationToken ct) =>
        Task.FromResult(new DemoSummary(0, 0, 0, 0, 0, 0, TimeSpan.Zero));
}
