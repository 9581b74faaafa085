using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JourneyReports.Tests;

/// <summary>
/// The real server in the ASP.NET Core test host over a data folder of its own (deleted after), the built-in dashboards
/// and a small demo warehouse; <see cref="Settings"/> adds a test's own configuration (its schedules, say).
/// </summary>
public class ServerHost : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));

    /// <summary>Configuration keys and values on top of the defaults above.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    /// <summary>A schedule's settings, seeded as a subscription of that name on the first start.</summary>
    protected static IEnumerable<(string, string)> Schedule(int index, string id, string report, string cron, params string[] recipients) =>
    [
        ($"JourneyReports:Schedules:{index}:Id", id), ($"JourneyReports:Schedules:{index}:Report", report),
        ($"JourneyReports:Schedules:{index}:Cron", cron), ($"JourneyReports:Schedules:{index}:TimeZone", "Europe/London"),
        .. recipients.Select((r, i) => ($"JourneyReports:Schedules:{index}:Recipients:{i}", r)),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("JourneyReports:DataDirectory", DataDirectory);
        builder.UseSetting("JourneyReports:DashboardsDirectory", Path.Combine(RepoPaths.Root, "dashboards"));
        builder.UseSetting("JourneyReports:Warehouse:DemoScale", "0.01");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
