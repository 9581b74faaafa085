using Microsoft.AspNetCore.Mvc.Testing;

namespace JourneyReports.Tests;

/// <summary>The real server in the ASP.NET Core test host, with its own data folder: demo data, first run, home page.</summary>
public sealed class ServerTests : IClassFixture<ServerTests.Host>
{
    public sealed class Host : ServerHost
    {
        protected override IEnumerable<(string, string)> Settings => Schedule(0, "executive-weekly", "executive-weekly", "0 8 * * 1", "ceo@example.com");
    }

    readonly Host host;
    public ServerTests(Host host) => this.host = host;

    [Fact]
    public async Task Healthz_Answers200()
    {
        var response = await host.CreateClient().GetAsync("/healthz");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HomePage_ShowsTheExecutiveDashboard_WithAWorkbookLink_AfterTheFirstRun()
    {
        var client = host.CreateClient();
        var html = await WaitForAsync(client, "/", page => page.Contains("class=\"dashboard\""), TimeSpan.FromSeconds(90));

        Assert.Contains("Executive weekly journey", html);
        Assert.Matches("/runs/\\d+/workbook.xlsx", html);
        var image = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/runs/\\d+/dashboard.png)\"").Groups[1].Value;
        var png = await client.GetAsync(image);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var workbook = await client.GetAsync(image.Replace("dashboard.png", "workbook.xlsx"));
        Assert.Equal(ReportEmail.XlsxMediaType, workbook.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(host.DataDirectory, "outbox"), "*.eml"));
    }

    [Theory]
    [InlineData("/runs/999999")]
    [InlineData("/runs/999999/dashboard.png")]
    [InlineData("/runs/999999/dashboard.svg")]
    [InlineData("/runs/999999/workbook.xlsx")]
    public async Task UnknownRun_IsAnHtml404_PointingToTheRunHistory(string url)
    {
        var response = await host.CreateClient().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("There is no run 999999", html);
        Assert.Contains("<a href=\"/runs\">", html);
    }

    // Polls a page: the first run is a background job, and no test may depend on how fast this machine is.
    static async Task<string> WaitForAsync(HttpClient client, string url, Func<string, bool> ready, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        string page;
        do
        {
            page = await client.GetStringAsync(url);
            if (ready(page)) return page;
            await Task.Delay(250);
        } while (DateTime.UtcNow < until);
        throw new TimeoutException($"{url} was not ready after {limit.TotalSeconds} s. Last page:\n{page}");
    }
}
