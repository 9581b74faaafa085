using System.Net;
using System.Xml.Linq;

namespace JourneyReports.Tests;

/// <summary>The dashboard definitions served live by the web app, through real HTTP on the ASP.NET Core test host.</summary>
public sealed class DashboardPagesTests : IClassFixture<ServerTests.Host>
{
    readonly HttpClient client;
    public DashboardPagesTests(ServerTests.Host host) => client = host.CreateClient();

    [Fact]
    public async Task DashboardsPage_ListsEveryDefinitionInTheFolder_ByTitle()
    {
        var html = await client.GetStringAsync("/dashboards");

        foreach (var title in new[] { "Executive weekly journey", "Funnel and drop-off", "Channels and attribution", "Paths and flows",
                     "Customer experience", "Retention and churn", "Department breakdown", "Customer journey map" })
            Assert.Contains(title, html);
    }

    [Fact]
    public async Task Dashboard_IsDrawnInlineAsSvg_ForTheQueryStringsPersona()
    {
        var response = await client.GetAsync("/dashboards/journey-map?persona=Bargain+hunter&period=last-90-days");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("<image", html);                        // vectors, not a picture of the dashboard
        Assert.Contains("Persona: Bargain hunter", html);              // drawn under the map's title
        Assert.Contains("<option value=\"Bargain hunter\" selected>", html);   // and chosen in the form's picker
        // Razor writes '+' in an attribute as a character reference; the browser reads back the same link.
        Assert.Contains("href=\"/dashboards/journey-map/workbook.xlsx?persona=Bargain+hunter&period=last-90-days\"", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("could not be drawn", html);
    }

    [Theory]
    [InlineData("?period=last-3-days", "unknown relative period 'last-3-days'")]
    [InlineData("?from=2026-11-09&to=2026-11-01", "period to 2026-11-01 is before from 2026-11-09")]
    [InlineData("?from=yesterday&to=2026-11-01", "period from 'yesterday' is not a date (yyyy-MM-dd)")]
    [InlineData("?tz=Mars/Olympus", "unknown time zone 'Mars/Olympus'")]
    [InlineData("?tz=GMT+Standard+Time", "time zone 'GMT Standard Time' is not an IANA id; use 'Europe/London'")]
    [InlineData("?from=9999-12-25&to=9999-12-31", "period from 9999-12-25 is outside 1900-01-01 to 2099-12-31")]
    public async Task BadParameter_Is400_NamingTheProblem_WithTheFormToFixIt(string query, string problem)
    {
        var response = await client.GetAsync("/dashboards/executive-weekly" + query);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, WebUtility.HtmlDecode(html));          // Razor writes ' as a character reference
        Assert.Contains("<form class=\"parameters\"", html);
    }

    [Fact]
    public async Task APersonaWithNoCustomers_ShowsNoDataInEachChart_NotFailures()
    {
        var html = await client.GetStringAsync("/dashboards/executive-weekly?persona=Nobody+at+all");

        Assert.DoesNotContain("could not be drawn", html);
        Assert.Contains("No data for this period", html);
    }

    [Fact]
    public async Task UnknownDashboard_Is404_ListingTheOnesThatExist()
    {
        var response = await client.GetAsync("/dashboards/sales-forecast");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/dashboards/executive-weekly", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Svg_IsAWholeVectorDocument()
    {
        var response = await client.GetAsync("/dashboards/executive-weekly/dashboard.svg");

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("1200", svg.Attribute("width")?.Value);   // the width the executive layout asks for
        Assert.Empty(svg.Descendants(svg.Name.Namespace + "image"));
    }

    [Fact]
    public async Task Workbook_HasTheSummaryADatasetSheetEachAndAbout()
    {
        var response = await client.GetAsync("/dashboards/executive-weekly/workbook.xlsx?period=last-28-days");

        Assert.Equal(ReportEmail.XlsxMediaType, response.Content.Headers.ContentType?.MediaType);
        // Read with OpenXml: ClosedXML 0.95 cannot open a workbook holding a picture without libgdiplus.
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal("Summary", sheets[0]);
        Assert.Equal("About", sheets[^1]);
        Assert.Equal(7, sheets.Count);                                // five datasets between them
    }

    [Fact]
    public async Task DatasetCsv_HasTheRowsOfThatDataset()
    {
        var response = await client.GetAsync("/dashboards/executive-weekly/data/funnel.csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Order,Stage,Customers,DropOff", lines[0]);
        Assert.StartsWith("1,awareness,", lines[1]);
    }

    [Fact]
    public async Task UnknownDataset_Is404_NamingTheOnesItHas()
    {
        var response = await client.GetAsync("/dashboards/executive-weekly/data/sales.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("funnel", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/dashboards/executive-weekly/visuals/<img%20onerror=alert(1)>.png", "/dashboards/executive-weekly/visuals/revenue-trend.png")]
    [InlineData("/dashboards/executive-weekly/visuals/<img%20onerror=alert(1)>.svg", "/dashboards/executive-weekly/visuals/revenue-trend.svg")]
    [InlineData("/dashboards/executive-weekly/data/<img%20onerror=alert(1)>.csv", "/dashboards/executive-weekly/data/funnel.csv")]
    public async Task AnUnknownChartOrDataset_IsAnHtml404_WithTheNameEscaped_LinkingWhatExists(string url, string link)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("&lt;img onerror=alert(1)&gt;", html);
        Assert.DoesNotContain("<img onerror", html);
        Assert.Contains($"href=\"{link}\"", html);
    }

    [Fact]
    public async Task OneChart_IsServedAlone_AndAnUnknownOneIs404_ListingTheCharts()
    {
        var png = await client.GetAsync("/dashboards/executive-weekly/visuals/funnel.png?period=last-28-days");
        var missing = await client.GetAsync("/dashboards/executive-weekly/visuals/pie.svg");

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("revenue-trend", await missing.Content.ReadAsStringAsync());
    }
}
