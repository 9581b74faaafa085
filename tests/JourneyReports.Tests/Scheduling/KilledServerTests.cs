using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace JourneyReports.Tests;

/// <summary>
/// The real server killed with SIGKILL in the middle of delivering a subscription, then started again on the same data:
/// no recipient gets two emails, none gets none.
/// </summary>
public sealed class KilledServerTests : IClassFixture<SmtpTestServer>, IDisposable
{
    static readonly string[] Recipients = ["first@example.com", "second@example.com", "third@example.com"];
    readonly SmtpTestServer smtp;
    readonly string work = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));

    public KilledServerTests(SmtpTestServer smtp)
    {
        this.smtp = smtp;
        // The second recipient's message is stalled for half a minute before the server takes it: the kill lands there.
        smtp.Configure(new SmtpTestRules { Replies = [new SmtpTestReply("second@example.com", 451, "4.3.0 slow today", Times: 1, At: "data", DelaySeconds: 30)] });
    }

    public void Dispose()
    {
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
    }

    Process Start()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyReports.Server.dll"));
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["JourneyReports__DataDirectory"] = Path.Combine(work, "data");
        start.Environment["JourneyReports__DashboardsDirectory"] = Path.Combine(RepoPaths.Root, "dashboards");
        start.Environment["JourneyReports__Warehouse__DemoScale"] = "0.01";
        start.Environment["JourneyReports__Mail__Transport"] = "smtp";
        start.Environment["JourneyReports__Mail__Smtp__Host"] = smtp.Host;
        start.Environment["JourneyReports__Mail__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["JourneyReports__Mail__Smtp__MessagesPerMinute"] = "0";
        start.Environment["JourneyReports__Schedules__0__Id"] = "executive";
        start.Environment["JourneyReports__Schedules__0__Report"] = "executive-weekly";
        for (var i = 0; i < Recipients.Length; i++) start.Environment[$"JourneyReports__Schedules__0__Recipients__{i}"] = Recipients[i];
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    int Count(string address) => smtp.Received().Count(m => m.EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase));

    static async Task Until(Func<bool> done, TimeSpan limit, string what)
    {
        var until = DateTime.UtcNow + limit;
        while (!done())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"waited {limit.TotalSeconds:0} s for {what}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task ServerKilledMidDelivery_AndStartedAgain_DeliversEveryRecipientExactlyOnce()
    {
        Directory.CreateDirectory(work);
        // A fresh start runs the seeded executive subscription at once: the first recipient is delivered, the second stalls.
        var first = Start();
        try
        {
            await Until(() => Count("first@example.com") == 1, TimeSpan.FromSeconds(120), "the first recipient's email");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(0, Count("second@example.com"));
        }
        finally
        {
            first.Kill();   // SIGKILL: no clean-up of any kind
            first.WaitForExit(10_000);
        }

        var second = Start();
        try
        {
            await Until(() => Recipients.All(r => Count(r) >= 1), TimeSpan.FromSeconds(120), "every recipient's email");
            // Give a duplicate, if there were to be one, time to arrive.
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.All(Recipients, r => Assert.Equal(1, Count(r)));
        }
        finally
        {
            second.Kill();
            second.WaitForExit(10_000);
        }
        var catalog = new ReportCatalog(Path.Combine(work, "data", "catalog.db"));
        var runs = await catalog.RecentRunsAsync(10, default);
        Assert.Contains(runs, r => r.Status == RunStatus.Interrupted);
        // After the restart the interrupted run is resumed, and the first start's "run now" is queued again (no run had
        // succeeded): whichever comes first delivers the rest, and the other finds them delivered.
        Assert.Contains(runs, r => r.Status == RunStatus.Succeeded && r.RunId > runs.Single(i => i.Status == RunStatus.Interrupted).RunId);
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
