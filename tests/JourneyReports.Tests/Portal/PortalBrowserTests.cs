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

    [Fact]
    public async Task HomePage_ShowsTheDashboardImage_AndItsWorkbookDownloads_InARealBrowser()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (.ci/run does).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { AcceptDownloads = true });

        await page.GotoAsync(BaseUrl);
        // The first run is a background job; until it is done the page says so and refreshes itself.
        var image = page.Locator("img.dashboard");
        await image.WaitForAsync(new() { Timeout = 90_000 });
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.dashboard'); return i && i.complete && i.naturalWidth > 0; }");

        Assert.Equal(DashboardRenderer.Width, await image.EvaluateAsync<int>("i => i.naturalWidth"));
        Assert.Contains("Executive weekly journey", await page.TitleAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Download the workbook"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "jr-portal-home.png"), FullPage = true });

        await page.ClickAsync("text=Run history");
        Assert.Contains("succeeded", await page.InnerTextAsync("table"));
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
