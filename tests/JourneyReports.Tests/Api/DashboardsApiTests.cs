using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace JourneyReports.Tests;

/// <summary>/api/v1/dashboards: the list, a dashboard's result as JSON, its files and its slicers' values; refusals as problem details.</summary>
[Collection(DashboardsCollection.Name)]
public sealed class DashboardsApiTests(DashboardsHost host)
{
    [Fact]
    public async Task List_IsPaged_WithNameTitleAndDescription()
    {
        var page = await host.ElectronicsViewer().GetFromJsonAsync<JsonElement>("/api/v1/dashboards?limit=2&offset=1");

        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page.GetProperty("offset").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 8);
        var first = page.GetProperty("items")[0];
        Assert.False(string.IsNullOrEmpty(first.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task ADashboard_IsItsResultAsJson_WithRowsKpisPeriodAndFilters()
    {
        var result = await host.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/dashboards/executive-weekly?period=last-28-days&persona=Bargain+hunter");

        Assert.Equal("executive-weekly", result.GetProperty("name").GetString());
        Assert.Equal("Bargain hunter", result.GetProperty("filters").GetProperty("persona").GetString());
        var period = result.GetProperty("period");
        Assert.Equal(27, (DateOnly.Parse(period.GetProperty("last").GetString()!) .DayNumber - DateOnly.Parse(period.GetProperty("first").GetString()!).DayNumber));
        Assert.Equal(7, result.GetProperty("kpis").GetArrayLength());
        Assert.Equal(5, result.GetProperty("datasets").EnumerateObject().Count());
        Assert.Equal("awareness", result.GetProperty("datasets").GetProperty("funnel").GetProperty("rows")[0].GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("svg", "image/svg+xml")]
    [InlineData("pdf", "application/pdf")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task Render_ServesEachFormat(string format, string mediaType)
    {
        var response = await host.CreateClient().GetAsync($"/api/v1/dashboards/department-breakdown/render.{format}?period=last-28-days");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Fact]
    public async Task ThePortal_ServesThePdfToo()
    {
        var response = await host.CreateClient().GetAsync("/dashboards/department-breakdown/dashboard.pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }

    [Fact]
    public async Task ADatasetCsv_HasItsRows()
    {
        var rows = DashboardsHost.CsvRows(await host.CreateClient().GetStringAsync("/api/v1/dashboards/department-breakdown/data/departments.csv?department=Beauty"));

        Assert.Equal("Beauty", Assert.Single(rows)["Department"]);
    }

    [Theory]
    [InlineData("/api/v1/dashboards/sales-forecast", 404, "There is no dashboard 'sales-forecast'")]
    [InlineData("/api/v1/dashboards/sales-forecast/filters", 404, "There is no dashboard 'sales-forecast'")]
    [InlineData("/api/v1/dashboards/executive-weekly/render.gif", 404, "'gif' is not a format")]
    [InlineData("/api/v1/dashboards/executive-weekly/data/sales.csv", 404, "has no dataset 'sales'. It has: ")]
    [InlineData("/api/v1/dashboards/executive-weekly/visuals/pie.png", 404, "has no chart 'pie'")]
    [InlineData("/api/v1/dashboards/executive-weekly?period=last-3-days", 400, "unknown relative period 'last-3-days'")]
    [InlineData("/api/v1/dashboards/executive-weekly/render.png?tz=Mars/Olympus", 400, "unknown time zone 'Mars/Olympus'")]
    [InlineData("/api/v1/dashboards?limit=500", 400, "limit was 500")]
    public async Task AnUnanswerableRequest_IsAProblemNamingIt(string url, int status, string detail)
    {
        var response = await host.CreateClient().GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/dashboards")]
    [InlineData("/api/v1/dashboards/executive-weekly")]
    [InlineData("/api/v1/dashboards/executive-weekly/render.png")]
    [InlineData("/api/v1/dashboards/executive-weekly/data/funnel.csv")]
    [InlineData("/api/v1/dashboards/executive-weekly/filters")]
    public async Task EveryEndpoint_Is401SignedOut(string url)
    {
        var response = await host.AnonymousClient(followRedirects: false).GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Filters_OfAnAdmin_OfferAllAndEveryValue_WithTheDefinitionsDefaultsSelected()
    {
        var filters = await host.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/dashboards/department-breakdown/filters");

        var department = filters.GetProperty("filters").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "department");
        Assert.True(department.GetProperty("offersAll").GetBoolean());
        Assert.Equal(6, department.GetProperty("values").GetArrayLength());
        Assert.Contains("last-28-days", filters.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("Europe/London", filters.GetProperty("timeZones").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheDashboardAndDefinitionEndpoints()
    {
        var document = await host.AnonymousClient().GetStringAsync("/openapi/v1.json");

        foreach (var id in new[] { "ListDashboards", "GetDashboard", "RenderDashboard", "GetDatasetCsv", "GetDashboardFilters",
                     "ListDefinitions", "GetDefinition", "ValidateDefinition", "PutDefinition" })
            Assert.Contains($"\"operationId\": \"{id}\"", document);
    }
}
