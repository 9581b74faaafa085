namespace JourneyReports.Warehouse;

/// <summary>What to generate: <paramref name="Scale"/> 1 is ~100,000 customers and 5 million events over one year ending on <paramref name="LastDay"/> (inclusive).</summary>
public sealed record DemoSpec(double Scale, int Seed, DateOnly LastDay);

/// <summary>What was generated. Identical for the same spec, apart from <paramref name="Elapsed"/>.</summary>
public sealed record DemoSummary(long Customers, long Events, long Orders, decimal Revenue, long Tickets, long Surveys, TimeSpan Elapsed);
