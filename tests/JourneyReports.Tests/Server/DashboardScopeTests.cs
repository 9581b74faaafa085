using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace JourneyReports.Tests;

/// <summary>
/// Row-level security on dashboards: a viewer scoped to Electronics tries to see Fashion by every door — the page's
/// query string, a download's, the API's, a definition whose default is Fashion — and gets a 403 or Electronics alone,
/// with the rows counted. The slicers offer only what the scope allows.
/// </summary>
[Collection(DashboardsCollection.Name)]
public sealed class DashboardScopeTests(DashboardsHost host)
{
    const string Departments = "/dashboards/department-breakdown/data/departments.csv";

    [Fact]
    public async Task AViewer_AskingForAnotherDepartmentByQueryString_Is403_AndSeesNoRowOfIt()
    {
        var viewer = host.ElectronicsViewer();

        var page = await viewer.GetAsync("/dashboards/department-breakdown?department=Fashion");
        var csv = await viewer.GetAsync(Departments + "?department=Fashion");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("department 'Fashion' is outside your data scope (department: Electronics)", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("<svg", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        Assert.Equal("text/html", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await csv.Content.ReadAsStringAsync()).Split('\n').Count(l => l.StartsWith("Fashion,", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/dashboards/department-breakdown/dashboard.png?department=Fashion")]
    [InlineData("/dashboards/department-breakdown/dashboard.svg?department=Fashion")]
    [InlineData("/dashboards/department-breakdown/dashboard.pdf?department=Fashion")]
    [InlineData("/dashboards/department-breakdown/workbook.xlsx?department=Fashion")]
    [InlineData("/dashboards/department-breakdown/visuals/revenue.png?department=Fashion")]
    [InlineData("/dashboards/department-breakdown/data/departments.csv?department=Fashion")]
    [InlineData("/api/v1/dashboards/department-breakdown?department=Fashion")]
    [InlineData("/api/v1/dashboards/department-breakdown/render.png?department=Fashion")]
    [InlineData("/api/v1/dashboards/department-breakdown/render.xlsx?department=Fashion")]
    [InlineData("/api/v1/dashboards/department-breakdown/data/departments.csv?department=Fashion")]
    public async Task EveryDownloadOfAnotherDepartment_Is403_WithoutTheFile(string url)
    {
        var response = await host.ElectronicsViewer().GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentType?.MediaType, new[] { "text/html", "application/problem+json" });
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task AViewer_AskingForAnotherDepartmentThroughTheApi_GetsAProblemNamingIt()
    {
        var response = await host.ElectronicsViewer().GetAsync("/api/v1/dashboards/department-breakdown?department=Fashion");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("department 'Fashion' is outside your data scope (department: Electronics)", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("datasets", out _));
    }

    [Theory]
    [InlineData("?period=last-90-days")]
    [InlineData("?department=&period=last-90-days")]
    [InlineData("?period=last-90-days&department=")]
    public async Task AViewer_LeavingTheDepartmentOutOrEmpty_GetsTheirOwnDepartmentOnly(string query)
    {
        var rows = DashboardsHost.CsvRows(await host.ElectronicsViewer().GetStringAsync(Departments + query));

        var row = Assert.Single(rows);
        Assert.Equal("Electronics", row["Department"]);
    }

    [Fact]
    public async Task AnAdmin_WithoutADepartment_GetsEveryDepartment()
    {
        var rows = DashboardsHost.CsvRows(await host.CreateClient().GetStringAsync(Departments + "?period=last-90-days"));

        Assert.Equal(6, rows.Count);
        Assert.Contains(rows, r => r["Department"] == "Fashion");
    }

    [Fact]
    public async Task TheApiResult_OfAViewer_HoldsTheirDepartmentAlone_AndSaysSo()
    {
        var result = await host.ElectronicsViewer().GetFromJsonAsync<JsonElement>("/api/v1/dashboards/department-breakdown?period=last-90-days");

        var rows = result.GetProperty("datasets").GetProperty("departments").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("Electronics", Assert.Single(rows).GetProperty("department").GetString());
        Assert.Equal("Electronics", result.GetProperty("filters").GetProperty("department").GetString());
        var funnels = result.GetProperty("datasets").GetProperty("funnels").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("value").GetString()).Distinct();
        Assert.Equal(["Electronics"], funnels);
    }

    [Fact]
    public async Task ADefinitionWhoseDefaultIsFashion_UploadedByAnAnalyst_ShowsTheViewerElectronicsOnly()
    {
        var put = await host.Analyst().PutAsync("/api/v1/definitions/fashion-by-default",
            new StringContent(DashboardsHost.Definition("fashion-by-default", """{ "department": "Fashion" }"""), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var viewer = DashboardsHost.CsvRows(await host.ElectronicsViewer().GetStringAsync("/dashboards/fashion-by-default/data/departments.csv"));
        var viewerPage = await host.ElectronicsViewer().GetStringAsync("/dashboards/fashion-by-default");
        var admin = DashboardsHost.CsvRows(await host.CreateClient().GetStringAsync("/dashboards/fashion-by-default/data/departments.csv"));

        Assert.Equal("Electronics", Assert.Single(viewer)["Department"]);
        Assert.Equal(["Electronics"], DashboardsHost.PickerValues(viewerPage, "department"));
        Assert.Equal("Fashion", Assert.Single(admin)["Department"]);   // the default holds for those it does not narrow
    }

    [Fact]
    public async Task TheDepartmentPicker_OfAViewer_OffersTheirDepartmentOnly_AndOtherPickersOfferAll()
    {
        var html = await host.ElectronicsViewer().GetStringAsync("/dashboards/department-breakdown");
        var filters = await host.ElectronicsViewer().GetFromJsonAsync<JsonElement>("/api/v1/dashboards/department-breakdown/filters");

        Assert.Equal(["Electronics"], DashboardsHost.PickerValues(html, "department"));
        Assert.Contains("<option value=\"Electronics\" selected>", html);
        var personas = DashboardsHost.PickerValues(html, "persona");
        Assert.Equal("", personas[0]);                               // "all"
        Assert.True(personas.Count > 2);
        var department = filters.GetProperty("filters").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "department");
        Assert.False(department.GetProperty("offersAll").GetBoolean());
        Assert.Equal(["Electronics"], department.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task TheDepartmentPicker_OfAnAdmin_OffersAllAndEveryDepartment()
    {
        var html = await host.CreateClient().GetStringAsync("/dashboards/department-breakdown");

        Assert.Equal(["", "Beauty", "Electronics", "Fashion", "Garden & DIY", "Home & Kitchen", "Toys & Books"], DashboardsHost.PickerValues(html, "department"));
    }

    [Fact]
    public async Task ADownload_IsAudited_WithTheRowsItHeld_AndAPageViewIsNot()
    {
        var viewer = host.ClientAs("audited-viewer@example.com", JourneyReports.Catalog.Roles.Viewer, "department=Electronics");

        await viewer.GetStringAsync("/dashboards/department-breakdown");
        await viewer.GetStringAsync(Departments);
        await viewer.GetByteArrayAsync("/api/v1/dashboards/department-breakdown/render.pdf");

        var mine = (await host.Catalog.AuditLogAsync("download", 500, 0, default)).Where(a => a.Actor == "audited-viewer@example.com").ToList();
        Assert.Equal(2, mine.Count);
        Assert.Contains(mine, a => a.Target == "department-breakdown/data/departments.csv" && a.Detail!.Contains("department: Electronics"));
        Assert.Contains(mine, a => a.Target == "department-breakdown/render.pdf");
    }
}
