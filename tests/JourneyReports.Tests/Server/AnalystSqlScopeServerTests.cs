using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace JourneyReports.Tests;

/// <summary>
/// A definition's analyst SQL that ignores the filters (or names another department outright) still gives a viewer only
/// their own department's rows — on the page's CSV and in the email of a recipient with that scope.
/// </summary>
public sealed class AnalystSqlScopeServerTests(AnalystSqlScopeServerTests.Host host) : IClassFixture<AnalystSqlScopeServerTests.Host>
{
    public sealed class Host : ServerHost
    {
        public string Boards { get; } = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"), "boards");

        public Host()
        {
            Directory.CreateDirectory(Boards);
            File.WriteAllText(Path.Combine(Boards, "all-products.sql"),
                "SELECT department, count(*) AS products FROM products GROUP BY department ORDER BY department");
            File.WriteAllText(Path.Combine(Boards, "fashion-lines.sql"),
                "SELECT count(*) AS lines FROM order_lines l JOIN products p ON p.product_id = l.product_id WHERE p.department = 'Fashion'");
            File.WriteAllText(Path.Combine(Boards, "products.json"), """
                { "name": "products", "title": "Products", "version": 1,
                  "datasets": { "all": { "sql": "all-products.sql" }, "fashion": { "sql": "fashion-lines.sql" } },
                  "visuals": [ { "id": "a", "type": "table", "dataset": "all", "position": { "row": 1, "col": 1, "width": 12, "height": 3 } } ],
                  "layout": { "rows": 3, "columns": 12 } }
                """);
        }

        protected override IEnumerable<(string Key, string Value)> Settings => [("JourneyReports:DashboardsDirectory", Boards)];
    }

    static async Task<string[]> CsvLines(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public async Task AViewer_GetsOnlyTheirDepartmentsRows_FromAnalystSqlThatIgnoresTheFilter()
    {
        var viewer = host.ClientAs("electronics.viewer@example.com", Catalog.Roles.Viewer, "department=Electronics");

        var theirs = await CsvLines(await viewer.GetAsync("/dashboards/products/data/all.csv"));
        var everyone = await CsvLines(await host.CreateClient().GetAsync("/dashboards/products/data/all.csv"));

        Assert.Equal(2, theirs.Length);                                   // the header and Electronics
        Assert.StartsWith("Electronics,", theirs[1]);
        Assert.Equal(7, everyone.Length);                                 // the header and six departments
    }

    [Fact]
    public async Task AnalystSqlNamingAnotherDepartment_CountsNoneOfItsRows_ForTheViewer()
    {
        var viewer = host.ClientAs("electronics.viewer2@example.com", Catalog.Roles.Viewer, "department=Electronics");

        var theirs = await CsvLines(await viewer.GetAsync("/dashboards/products/data/fashion.csv"));
        var everyone = await CsvLines(await host.CreateClient().GetAsync("/dashboards/products/data/fashion.csv"));

        Assert.Equal("0", theirs[1]);
        Assert.NotEqual("0", everyone[1]);
    }

    [Fact]
    public async Task AViewersAnalystSql_IsQueriedOnce_ForTheSameView_AndNotSharedWithAnAnalystsSameFilter()
    {
        var viewer = host.ClientAs("electronics.viewer4@example.com", Catalog.Roles.Viewer, "department=Electronics");
        var cache = host.Services.GetRequiredService<DashboardResultCache>();
        var before = cache.Computations;

        var first = await CsvLines(await viewer.GetAsync("/dashboards/products/data/all.csv?period=last-7-days"));
        var again = await CsvLines(await viewer.GetAsync("/dashboards/products/data/all.csv?period=last-7-days"));
        var analyst = await CsvLines(await host.CreateClient().GetAsync("/dashboards/products/data/all.csv?period=last-7-days&department=Electronics"));

        // Narrowing the tables for the viewer's query leaves the warehouse's data version as it was, so the second is a hit;
        // the analyst's same filter without a scope reads every department's products: a result of its own.
        Assert.Equal(2, cache.Computations - before);
        Assert.Equal(first, again);
        Assert.Equal(2, first.Length);
        Assert.Equal(7, analyst.Length);
    }

    [Fact]
    public async Task AViewer_AskingForAnotherDepartment_IsRefused_NamingIt()
    {
        var viewer = host.ClientAs("electronics.viewer3@example.com", Catalog.Roles.Viewer, "department=Electronics");

        var response = await viewer.GetAsync("/dashboards/products/data/all.csv?department=Fashion");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("department 'Fashion' is outside your data scope", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
