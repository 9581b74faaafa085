using System.Text.Json;

namespace JourneyReports.Tests;

/// <summary>
/// Every family in the catalog (what the metrics verb and dashboards offer) runs against a generated warehouse, returns
/// rows of the type it promises, and is narrowed by the filters: the filter path reaches every family's SQL.
/// </summary>
public sealed class MetricCatalogTests(SmallDemoYear demo) : IClassFixture<SmallDemoYear>
{
    static readonly ReportPeriod Month = ReportPeriod.Days(new(2026, 10, 1), new(2026, 10, 31), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    public static TheoryData<string> Families() => [.. MetricCatalog.Names];

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Family_ReturnsRowsOfItsType_AndTheFiltersChangeThem(string family)
    {
        var args = family == "funnel-by" ? new MetricArgs(new Dictionary<string, string> { ["by"] = "persona" }) : MetricArgs.None;
        var spec = MetricCatalog.Find(family)!;
        var (metrics, connection) = await demo.MetricsAsync();
        await using var _ = connection;

        var all = RowFields.AsRows(await spec.Run(metrics, Month, JourneyFilter.None, args, default));
        // Every family reads through the journey macros, and all of them take the persona (surveys and tickets have no
        // device or product, so device and department narrow only events and orders: docs/journey-model.md).
        var filtered = RowFields.AsRows(await spec.Run(metrics, Month, new JourneyFilter(Persona: "Bargain hunter"), args, default));

        Assert.NotEmpty(all);
        Assert.All(all.Concat(filtered), row => Assert.IsType(spec.RowType, row));
        // A month of 1,000 customers of five personas cannot look the same for one persona alone.
        Assert.NotEqual(JsonSerializer.Serialize(all), JsonSerializer.Serialize(filtered));
    }
}
