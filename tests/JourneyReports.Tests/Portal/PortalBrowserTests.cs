using JourneyReports.Catalog;
using JourneyReports.Server;
using Microsoft.Playwright;

namespace JourneyReports.Tests;

/// <summary>
/// Smoke test of the web app as a person sees it: the real server executable on a loopback port, Debian's Chromium
/// driven by Playwright, signed in through the sign-in form. The home page must show the dashboard image, its workbook
/// link must download an .xlsx, and a department head must not widen their scope from the address bar.
/// </summary>
public sealed class PortalBrowserTests : IAsyncLifetime
{
    ServerProcess server = null!;
    string BaseUrl => server.BaseUrl;
    const string AdminPassword = ServerProcess.AdminPassword;

    public async Task InitializeAsync() => server = await ServerProcess.StartAsync(
        ("JourneyReports__Schedules__0__Report", "executive-weekly"), ("JourneyReports__Schedules__0__Recipients__0", "ceo@example.com"));

    public async Task DisposeAsync() => await server.DisposeAsync();

    static Task<IBrowser> LaunchAsync(IPlaywright playwright) => ServerProcess.LaunchBrowserAsync(playwright);

    [Fact]
    public async Task HomePage_ShowsTheDashboardImage_AndItsWorkbookDownloads_InARealBrowser()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true });
        await SignInAsync(page, "admin@localhost", AdminPassword);

        await page.GotoAsync(BaseUrl);
        // The first run is a background job; until it is done the page says so and refreshes itself.
        var image = page.Locator("img.dashboard");
        await image.WaitForAsync(new() { Timeout = 90_000 });
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.dashboard'); return i && i.complete && i.naturalWidth > 0; }");

        Assert.Equal(1200, await image.EvaluateAsync<int>("i => i.naturalWidth"));   // the executive layout's width
        Assert.Contains("Executive weekly journey", await page.TitleAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download the workbook"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "jr-portal-home.png"), FullPage = true });

        await page.ClickAsync("text=Run history");
        Assert.Contains("succeeded", await page.InnerTextAsync("table"));
    }

    [Fact]
    public async Task JourneyMap_OpensFromTheDashboardsList_AndTheFormSwitchesItToOnePersona_InARealBrowser()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1300, Height = 1000 } });
        await SignInAsync(page, "admin@localhost", AdminPassword);

        await page.GotoAsync(BaseUrl);
        await page.ClickAsync("header >> text=Dashboards");
        await page.ClickAsync("text=Customer journey map");
        var drawn = page.Locator(".dashboard svg");
        await drawn.WaitForAsync();
        Assert.True(await drawn.EvaluateAsync<double>("s => s.getBoundingClientRect().width") > 1000);   // scaled to the page
        Assert.Contains("Persona: All customers", await drawn.TextContentAsync());

        await page.SelectOptionAsync("select[name=persona]", "Bargain hunter");
        await page.SelectOptionAsync("select[name=period]", "last-90-days");
        await page.ClickAsync("text=Apply");
        await page.WaitForURLAsync("**persona=Bargain+hunter**");
        Assert.Contains("Persona: Bargain hunter", await page.Locator(".dashboard svg").TextContentAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Workbook (.xlsx)"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "jr-portal-journey-map.png"), FullPage = true });
    }

    [Fact]
    public async Task ADepartmentHead_SeesOnlyTheirDepartment_AndCannotWidenItFromTheAddressBar_InARealBrowser()
    {
        await AddAccountAsync("head-of-electronics@example.com", Roles.Viewer, "department=Electronics", "electronics head password");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 390, Height = 844 } });   // a phone
        await SignInAsync(page, "head-of-electronics@example.com", "electronics head password");

        var own = await page.GotoAsync($"{BaseUrl}/dashboards/department-breakdown?period=last-90-days");
        var offered = await page.Locator("select[name=department] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        var drawn = await page.Locator(".dashboard svg").TextContentAsync();
        var widened = await page.GotoAsync($"{BaseUrl}/dashboards/department-breakdown?period=last-90-days&department=Fashion");
        var refusal = await page.InnerTextAsync("main");
        var removed = await page.GotoAsync($"{BaseUrl}/dashboards/department-breakdown?period=last-90-days");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a.csv >> text=departments"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "jr-portal-department-head.png"), FullPage = true });

        Assert.Equal(200, own!.Status);
        Assert.Equal(["Electronics"], offered);
        Assert.Contains("department: Electronics", drawn);
        Assert.Equal(403, widened!.Status);
        Assert.Contains("department 'Fashion' is outside your data scope", refusal);
        Assert.Equal(200, removed!.Status);
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal("Electronics", Assert.Single(rows).Split(',')[0]);
    }

    Task SignInAsync(IPage page, string email, string password) => server.SignInAsync(page, email, password);

    Task AddAccountAsync(string email, string role, string scope, string password) => server.AddAccountAsync(email, role, scope, password);
}
