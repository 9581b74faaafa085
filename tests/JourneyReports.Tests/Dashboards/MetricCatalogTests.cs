namespace JourneyReports.Tests;

/// <summary>Every family in the catalog (what the metrics verb and dashboards offer) runs against a generated warehouse, with and without a filter.</summary>
public sealed class MetricCatalogTests : IAsyncLifetime
{
    TempWarehouse w = null!;
    static readonly ReportPeriod Month = ReportPeriod.Days(new(2026, 10, 1), new(2026, 10, 31), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    public async Task InitializeAsync()
    {
        w = await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync();
        await DemoWarehouse.SeedAsync(w.Warehouse, new DemoSpec(0.01, 11, new DateOnly(2026, 11, 22)), replace: false, null, default);
        await w.ReopenAsync();
    }

    public async Task DisposeAsync() => await w.DisposeAsync();

    public static TheoryData<string> Families() => [.. MetricCatalog.Names];

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Family_Runs_AndReturnsSomething_ForAMonthOfDemoData(string family)
    {
        var args = family == "funnel-by" ? new MetricArgs(new Dictionary<string, string> { ["by"] = "persona" }) : MetricArgs.None;
        var run = MetricCatalog.Find(family)!.Run;

        var all = await run(w.Metrics, Month, JourneyFilter.None, args, default);
        var filtered = await run(w.Metrics, Month, new JourneyFilter(Device: "mobile", Department: "Electronics"), args, default);

        Assert.NotNull(all);
        Assert.NotNull(filtered);
        if (all is System.Collections.ICollection rows) Assert.NotEmpty(rows);
    }
}
