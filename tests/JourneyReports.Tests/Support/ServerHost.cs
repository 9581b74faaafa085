using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// Clients made by <c>CreateClient</c> act as the first admin (an API token made for it, for the longest a token may
    /// live: some tests move the server's clock on by days), so a test of a page is not
    /// a test of signing in; <see cref="ClientAs"/> makes one for another account, <see cref="AnonymousClient"/> none.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        adminToken ??= TokenFor(Services.GetRequiredService<JourneyReports.Catalog.ReportCatalog>().FindUserAsync("admin@localhost", default).Result!);
        client.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
    }

    string? adminToken;

    string TokenFor(JourneyReports.Catalog.UserAccount user) =>
        Services.GetRequiredService<JourneyReports.Server.Accounts>().CreateTokenAsync(user, "tests", 365, default).Result.Token;

    /// <summary>A client signed in (by API token) as a new account with this role and scope ("department=Electronics", "all").</summary>
    public HttpClient ClientAs(string email, string role, string scope)
    {
        var accounts = Services.GetRequiredService<JourneyReports.Server.Accounts>();
        var user = Services.GetRequiredService<JourneyReports.Catalog.ReportCatalog>().FindUserAsync(email, default).Result
            ?? accounts.AddAsync(new(email, email, role, scope), "tests", default).Result;
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TokenFor(user));
        return client;
    }

    /// <summary>A client that has not signed in.</summary>
    public HttpClient AnonymousClient(bool followRedirects = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
