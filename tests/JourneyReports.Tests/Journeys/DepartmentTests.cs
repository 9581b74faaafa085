namespace JourneyReports.Tests;

/// <summary>The department breakdown on <see cref="JourneyFixture"/>.</summary>
public sealed class DepartmentTests : IAsyncLifetime
{
    TempWarehouse w = null!;
    static readonly ReportPeriod Week = JourneyFixture.Week;

    public async Task InitializeAsync() => w = await JourneyFixture.OpenAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    [Fact]
    public Task Departments_HaveTheirKpisAndFunnel_MostRevenueFirst() => Departments_HaveTheirKpisAndFunnel_MostRevenueFirst_On(w.Metrics);

    internal static async Task Departments_HaveTheirKpisAndFunnel_MostRevenueFirst_On(JourneyMetrics metrics)
    {
        var d = await metrics.DepartmentsAsync(Week, JourneyFilter.None, default);

        Assert.Equal(new[] { "Home", "Electronics" }, d.Select(x => x.Department));
        // Home: A, B, E touched it; A bought; order 100's kettle line, 100.00.
        var home = d[0];
        Assert.Equal((3, 1, 1, 100.00m), (home.Visitors, home.Buyers, home.Orders, home.Revenue));
        Assert.Equal(100m, home.AverageOrderValue);
        Assert.Equal(0.333333m, home.Conversion);
        Assert.Equal(new long[] { 3, 2, 1, 1, 1, 0 }, home.Funnel.Select(s => s.Customers));
        // Electronics: C and D touched it; C bought; order 100's cables (20) and 101's phone (30).
        var electronics = d[1];
        Assert.Equal((2, 1, 2, 50.00m), (electronics.Visitors, electronics.Buyers, electronics.Orders, electronics.Revenue));
        Assert.Equal(25m, electronics.AverageOrderValue);
        Assert.Equal(0.5m, electronics.Conversion);
        Assert.Equal(new long[] { 1, 0, 0, 0, 0, 0 }, electronics.Funnel.Select(s => s.Customers));
    }

    [Theory]
    [InlineData("Home")]
    [InlineData("Electronics")]
    public Task EachDepartment_MatchesTheDepartmentFilter(string department) => EachDepartment_MatchesTheDepartmentFilter_On(w.Metrics, department);

    internal static async Task EachDepartment_MatchesTheDepartmentFilter_On(JourneyMetrics metrics, string department)
    {
        var filter = new JourneyFilter(Department: department);

        var row = (await metrics.DepartmentsAsync(Week, JourneyFilter.None, default)).Single(x => x.Department == department);
        var k = await metrics.KpisAsync(Week, filter, default);
        var funnel = await metrics.FunnelAsync(Week, filter, default);

        Assert.Equal((k.Visitors, k.Buyers, k.Orders, k.Revenue), (row.Visitors, row.Buyers, row.Orders, row.Revenue));
        Assert.Equal(funnel, row.Funnel);
        Assert.Equal(new[] { department }, (await metrics.DepartmentsAsync(Week, filter, default)).Select(x => x.Department));
    }

    [Fact]
    public Task Departments_WithoutActivity_AreListedWithZeros() => Departments_WithoutActivity_AreListedWithZeros_On(w.Metrics);

    internal static async Task Departments_WithoutActivity_AreListedWithZeros_On(JourneyMetrics metrics)
    {
        var quiet = ReportPeriod.Days(new(2026, 8, 1), new(2026, 8, 7), TimeZoneInfo.Utc);

        var d = await metrics.DepartmentsAsync(quiet, JourneyFilter.None, default);

        Assert.Equal(new[] { "Electronics", "Home" }, d.Select(x => x.Department));
        Assert.All(d, x => Assert.Equal((0L, 0L, 0m, (decimal?)null), (x.Visitors, x.Orders, x.Revenue, x.AverageOrderValue)));
        Assert.All(d, x => Assert.All(x.Funnel, s => Assert.Equal(0, s.Customers)));
    }
}
