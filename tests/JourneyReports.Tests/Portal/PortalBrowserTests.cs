using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace JourneyReports.Tests;

/// <summary>
/// Smoke test of the web app as a person sees it: the real server executable on a loopback port, Debian's Chromium
/// driven by Playwright. The home page must show the dashboard image, and its workbook link must download an .xlsx.
/// </summary>
public sealed class PortalBrowserTests : IAsyncLifetime
{
    const string Chromium = "/usr/bin/chromium";
    readonly string work = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    readonly int port = FreePort();
    Process server = null!;
    string BaseUrl => $"http://127.0.0.1:{port}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(work);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyReports.Server.dll"));
        start.Environment["Urls"] = BaseUrl;
        start.Environment["JourneyReports__DataDirectory"] = Path.Combine(work, "data");
        start.Environment["JourneyReports__DashboardsDirectory"] = Path.Combine(RepoPaths.Root, "dashboards");
        start.Environment["JourneyReports__PublicUrl"] = BaseUrl;
        start.Environment["JourneyReports__Warehouse__DemoScale"] = "0.01";
        start.Environment["JourneyReports__Schedules__0__Report"] = "executive-weekly";
        start.Environment["JourneyReports__Schedules__0__Recipients__0"] = "ceo@example.com";
        server = Process.Start(start)!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var http = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (server.HasExited) throw new InvalidOperationException($"the server exited with code {server.ExitCode}");
            try { if ((await http.GetAsync($"{BaseUrl}/healthz")).IsSuccessStatusCode) break; }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > until) throw new TimeoutException("the server did not answer /healthz within 60 s");
            await Task.Delay(200);
        }
    }

    public Task DisposeAsync()
    {
        if (!server.HasExited) server.Kill(entireProcessTree: true);
        server.WaitForExit(10_000);
        server.Dispose();
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (.ci/run does).");
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task HomePage_ShowsTheDashboardImage_AndItsWorkbookDownloads_InARealBrowser()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true });

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

        await page.GotoAsync(BaseUrl);
        await page.ClickAsync("header >> text=Dashboards");
        await page.ClickAsync("text=Customer journey map");
        var drawn = page.Locator(".dashboard svg");
        await drawn.WaitForAsync();
        Assert.True(await drawn.EvaluateAsync<double>("s => s.getBoundingClientRect().width") > 1000);   // scaled to the page
        Assert.Contains("Persona: All customers", await drawn.TextContentAsync());

        await page.FillAsync("input[name=persona]", "Bargain hunter");
        await page.SelectOptionAsync("select[name=period]", "last-90-days");
        await page.ClickAsync("text=Apply");
        await page.WaitForURLAsync("**persona=Bargain+hunter**");
        Assert.Contains("Persona: Bargain hunter", await page.Locator(".dashboard svg").TextContentAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Workbook (.xlsx)"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "jr-portal-journey-map.png"), FullPage = true });
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
