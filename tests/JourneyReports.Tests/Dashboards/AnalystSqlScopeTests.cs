namespace JourneyReports.Tests;

/// <summary>
/// Analyst SQL under a data scope: whatever the query names, it reads only the rows of the scope — the model's tables
/// are narrowed before it runs (on <see cref="JourneyFixture"/>'s week, whose numbers are worked out in its comments).
/// </summary>
public sealed class AnalystSqlScopeTests : IAsyncLifetime
{
    TempWarehouse w = null!;

    public async Task InitializeAsync() => w = await JourneyFixture.OpenAsync();
    public async Task DisposeAsync() => await w.DisposeAsync();

    async Task<object?[][]> Run(string sql, JourneyFilter restriction) =>
        [.. (await AnalystSql.RunAsync(w.Warehouse.Provider, w.Connection, sql, JourneyFixture.Week, JourneyFilter.None, restriction: restriction)).Rows];

    static readonly JourneyFilter Electronics = new(Department: "Electronics");
    static readonly JourneyFilter Scotland = new(Region: "Scotland");

    [Fact]
    public async Task AQueryThatNamesAnotherDepartment_FindsNoneOfItsRows()
    {
        var products = await Run("SELECT department, count(*) AS n FROM products GROUP BY department ORDER BY department", Electronics);
        var homeLines = await Run("SELECT count(*) FROM order_lines l JOIN products p USING (product_id) WHERE p.department = 'Home'", Electronics);
        var kettleViews = await Run("SELECT count(*) FROM events WHERE product_id = 10", Electronics);

        Assert.Equal(["Electronics", 2L], Assert.Single(products));
        Assert.Equal(0L, Assert.Single(homeLines)[0]);
        Assert.Equal(0L, Assert.Single(kettleViews)[0]);
    }

    [Fact]
    public async Task OrdersUnderADepartment_AreThoseWithItsLines_AtTheRevenueOfItsLinesOnly()
    {
        // Electronics lines: order 98's phone 40, order 100's two cables 20 (not its 100 kettle), 101's phone 30, 102's 999.
        var orders = await Run("SELECT count(*), sum(revenue) FROM orders", Electronics);
        var all = await Run("SELECT count(*), sum(revenue) FROM orders", JourneyFilter.None);

        Assert.Equal([4L, 1089.00m], orders[0]);
        Assert.Equal([5L, 1249.00m], all[0]);
    }

    [Fact]
    public async Task ACustomerScope_NarrowsCustomers_TheirOrders_AndTheirEvents_ThroughIdentities()
    {
        // Scotland is customer 3 alone: orders 98, 101, 102; events 17, 7, 8. Anonymous visitors belong to no region.
        Assert.Equal(1L, (await Run("SELECT count(*) FROM customers", Scotland))[0][0]);
        Assert.Equal(3L, (await Run("SELECT count(*) FROM orders", Scotland))[0][0]);
        Assert.Equal(3L, (await Run("SELECT count(*) FROM events", Scotland))[0][0]);
        Assert.Equal(0L, (await Run("SELECT count(*) FROM identities", Scotland))[0][0]);
    }

    [Fact]
    public async Task TheJourneyMacros_ReadTheNarrowedTables_EvenWithTheirFiltersLeftOpen()
    {
        // In the week, Electronics products were viewed by C (event 7) and put in a cart by D (event 10).
        var visitors = await Run("SELECT count(DISTINCT visitor_id) FROM journey_events($start, $end, NULL, NULL, NULL, NULL, NULL, NULL)", Electronics);

        Assert.Equal(2L, visitors[0][0]);
    }

    [Fact]
    public async Task ASchemaQualifiedTable_IsRefused_SoNoNameReachesAroundTheScope()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Run("SELECT count(*) FROM main.products", Electronics));

        Assert.Contains("table 'main.products' must be named without a schema", refused.Message);
    }

    [Fact]
    public async Task AfterAScopedQuery_TheSameConnectionsMetricQueriesSeeEveryRowAgain()
    {
        await Run("SELECT count(*) FROM products", Electronics);

        var departments = await w.Metrics.DepartmentsAsync(JourneyFixture.Week, JourneyFilter.None, default);

        Assert.Equal(["Home", "Electronics"], departments.Select(d => d.Department));
    }
}
