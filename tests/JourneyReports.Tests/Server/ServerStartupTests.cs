using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace JourneyReports.Tests;

/// <summary>
/// The server executable started as an operator starts it, with a bad setting in the environment: it must name every
/// problem and exit with 1, not die of an unhandled exception (SIGABRT, exit 134) with a stack trace.
/// </summary>
public sealed class ServerStartupTests : IDisposable
{
    readonly string work = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));

    public ServerStartupTests() => Directory.CreateDirectory(work);

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task BadConfiguration_ExitsWith1_ListingEveryProblem_WithoutAStackTrace()
    {
        var (exitCode, output) = await StartServerAsync(("JourneyReports__Mail__Transport", "pigeon"),
            ("JourneyReports__Schedules__0__Report", "executive-weekly"), ("JourneyReports__Schedules__0__Cron", "nonsense"),
            ("JourneyReports__Schedules__0__TimeZone", "Europe/Londres"), ("JourneyReports__Schedules__0__Recipients__0", "ceo@example.com"));

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains("JourneyReports:Mail:Transport 'pigeon' is unknown", output);
        Assert.Contains("JourneyReports:Schedules:0:Cron 'nonsense' is not a valid cron expression", output);
        Assert.Contains("JourneyReports:Schedules:0:TimeZone: unknown time zone 'Europe/Londres'", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task AnImpossibleDataDirectory_ExitsWith1_NamingTheSettingAndThePath()
    {
        var file = Path.Combine(work, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var data = Path.Combine(file, "data");

        var (exitCode, output) = await StartServerAsync(("JourneyReports__DataDirectory", data));

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains($"JourneyReports:DataDirectory '{data}'", output);
        Assert.Contains($"'{file}' is a file", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task UnknownCatalogAndJobStorageProvidersAndRole_ExitWith1_NamingEachSetting()
    {
        var (exitCode, output) = await StartServerAsync(("JourneyReports__Catalog__Provider", "oracle"),
            ("JourneyReports__Catalog__JobStorage", "redis"), ("JourneyReports__Instance__Role", "boss"));

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains("JourneyReports:Catalog:Provider 'oracle' is not available; use 'sqlite' or 'sqlserver'", output);
        Assert.Contains("JourneyReports:Catalog:JobStorage 'redis' is not available; use 'sqlite' or 'sqlserver'", output);
        Assert.Contains("JourneyReports:Instance:Role 'boss' is not a role; use 'both', 'web', 'worker'", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task ASqlServerCatalog_WithAnIncompleteConnectionString_ExitsWith1_WithoutShowingIt()
    {
        var (exitCode, output) = await StartServerAsync(("JourneyReports__Catalog__Provider", "sqlserver"), ("JourneyReports__Catalog__JobStorage", "sqlserver"),
            ("JourneyReports__Catalog__ConnectionString", "Server=db.example.com;User ID=reports;Password=hunter2-secret"));

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains("JourneyReports:Catalog:ConnectionString names no database (Database=...)", output);
        Assert.Contains("JourneyReports:Catalog:JobStorageConnectionString (or ConnectionString) names no database", output);
        Assert.DoesNotContain("hunter2-secret", output);
    }

    [Fact]
    public async Task ASqlServerCatalog_ThatCannotBeReached_ExitsWith1_NamingTheServerAndDatabase_WithoutThePassword()
    {
        // Nothing listens on port 1 of this machine: the connection is refused at once.
        var (exitCode, output) = await StartServerAsync(("JourneyReports__Catalog__Provider", "sqlserver"),
            ("JourneyReports__Catalog__ConnectionString", "Server=tcp:127.0.0.1,1;Database=JourneyReportsCatalog;User ID=journeyreports_app;Password=hunter2-secret;Connect Timeout=3;ConnectRetryCount=0"));

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains("The server does not start: the catalog (SQL Server database JourneyReportsCatalog on tcp:127.0.0.1,1) or Hangfire's job storage (sqlite) cannot be used", output);
        Assert.DoesNotContain("hunter2-secret", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task ASecondServer_OnTheWarehouseFileOfARunningOne_ExitsWith1_SayingEachInstanceKeepsItsOwn()
    {
        await using var first = await ServerProcess.StartAsync();

        var (exitCode, output) = await StartServerAsync(("JourneyReports__Warehouse__Path", Path.Combine(first.DataDirectory, "warehouse.duckdb")));

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains($"The warehouse file {Path.Combine(first.DataDirectory, "warehouse.duckdb")} is used by another JourneyReports server", output);
        Assert.Contains("give each instance its own warehouse", output);
        Assert.DoesNotContain("   at ", output);
    }

    /// <summary>Starts the server in an empty folder (no appsettings.json) and waits for it to exit, at most a minute.</summary>
    async Task<(int ExitCode, string Output)> StartServerAsync(params (string Name, string Value)[] env)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyReports.Server.dll"));
        start.Environment["Urls"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["JourneyReports__DataDirectory"] = Path.Combine(work, "data");
        start.Environment["JourneyReports__DashboardsDirectory"] = Path.Combine(RepoPaths.Root, "dashboards");
        start.Environment["JourneyReports__Warehouse__DemoScale"] = "0.01";
        foreach (var (name, value) in env) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the server did not exit within a minute: it started despite the bad setting");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
