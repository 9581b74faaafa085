using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace JourneyReports.Tests;

/// <summary>
/// The real server executable on a loopback port over a data folder of its own (deleted after), for tests in a real
/// browser: Debian's Chromium driven by Playwright, signed in through the sign-in form as a person would.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    /// <summary>The first admin's password (admin@localhost), given in the environment as a deployment would.</summary>
    public const string AdminPassword = "browser-test admin password";

    readonly string work = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    readonly int port = FreePort();
    Process server = null!;

    readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

    public string BaseUrl => $"http://127.0.0.1:{port}";
    public int ProcessId => server.Id;

    /// <summary>What the server wrote to its console so far, for a failing test's message.</summary>
    public string Output => string.Join("\n", output);
    public string DataDirectory => Path.Combine(work, "data");

    /// <summary>Starts the server with the embedded defaults at demo scale 0.01 plus <paramref name="settings"/> (environment variables), and waits for /healthz.</summary>
    public static async Task<ServerProcess> StartAsync(params (string Name, string Value)[] settings)
    {
        var p = new ServerProcess();
        Directory.CreateDirectory(p.work);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = p.work, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyReports.Server.dll"));
        start.Environment["Urls"] = p.BaseUrl;
        start.Environment["JourneyReports__DataDirectory"] = p.DataDirectory;
        start.Environment["JourneyReports__DashboardsDirectory"] = Path.Combine(RepoPaths.Root, "dashboards");
        start.Environment["JourneyReports__PublicUrl"] = p.BaseUrl;
        start.Environment["JourneyReports__Warehouse__DemoScale"] = "0.01";
        start.Environment["JourneyReports__Accounts__FirstAdmin__Password"] = AdminPassword;
        foreach (var (name, value) in settings) start.Environment[name] = value;
        p.server = Process.Start(start)!;
        p.server.OutputDataReceived += (_, e) => { if (e.Data is { } line) p.output.Enqueue(line); };
        p.server.ErrorDataReceived += (_, e) => { if (e.Data is { } line) p.output.Enqueue(line); };
        p.server.BeginOutputReadLine();
        p.server.BeginErrorReadLine();
        using var http = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (p.server.HasExited) throw new InvalidOperationException($"the server exited with code {p.server.ExitCode}:\n{p.Output}");
            try { if ((await http.GetAsync($"{p.BaseUrl}/healthz")).IsSuccessStatusCode) break; }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > until) throw new TimeoutException("the server did not answer /healthz within 60 s");
            await Task.Delay(200);
        }
        return p;
    }

    /// <summary>An account made as an admin would make one, in the catalog file the server uses.</summary>
    public Task<UserAccount> AddAccountAsync(string email, string role, string scope, string password) =>
        new Accounts(new ReportCatalog(Path.Combine(DataDirectory, "catalog.db")), new AccountOptions(), new JourneyReportsOptions { PublicUrl = BaseUrl },
            TimeProvider.System, NullLogger<Accounts>.Instance).AddAsync(new(email, email, role, scope, password), "tests", default);

    public static async Task<IBrowser> LaunchBrowserAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (.ci/run does).");
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Signs in through the sign-in form, as a person does, and waits until the header shows who is signed in.</summary>
    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync($"{BaseUrl}/signin");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("form[action='/signin'] button[type=submit]");
        await page.Locator("header a.who", new() { HasText = email }).WaitForAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!server.HasExited) server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        server.Dispose();
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
