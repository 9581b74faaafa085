using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using JourneyReports.Catalog;
using JourneyReports.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace JourneyReports.Tests;

/// <summary>
/// Several instances on one shared store, as real processes: two server executables, each with its own data folder and
/// warehouse, pointed at ONE catalog file and ONE Hangfire job storage file, mailing the loopback SMTP server.
/// What keeps an email from going twice is the catalog (a fire asked again under the subscription's lock, the delivery
/// ledger), not Hangfire.Storage.SQLite's distributed lock, which is not a reliable lock across processes (docs/instances.md).
/// </summary>
public sealed class SharedStoreInstancesTests : IClassFixture<SmtpTestServer>, IDisposable
{
    readonly SmtpTestServer smtp;
    readonly string shared = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));

    readonly ITestOutputHelper output;

    public SharedStoreInstancesTests(SmtpTestServer smtp, ITestOutputHelper output)
    {
        this.smtp = smtp;
        this.output = output;
        smtp.Configure(new SmtpTestRules());
        Directory.CreateDirectory(shared);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(shared, recursive: true); } catch (IOException) { }
    }

    string CatalogPath => Path.Combine(shared, "catalog.db");
    string JobsPath => Path.Combine(shared, "jobs.db");

    /// <summary>An instance's settings: the shared catalog, job storage and artifacts, SMTP, and one subscription seeded from Schedules.</summary>
    (string, string)[] Settings(string role, string report, string cron, params string[] recipients) =>
    [
        ("JourneyReports__Instance__Role", role),
        ("JourneyReports__Catalog__Path", CatalogPath),
        ("JourneyReports__Catalog__JobStoragePath", JobsPath),
        ("JourneyReports__Catalog__ArtifactsPath", Path.Combine(shared, "artifacts")),
        ("JourneyReports__Mail__Transport", "smtp"),
        ("JourneyReports__Mail__Smtp__Host", smtp.Host),
        ("JourneyReports__Mail__Smtp__Port", smtp.Port.ToString(CultureInfo.InvariantCulture)),
        ("JourneyReports__Mail__Smtp__MessagesPerMinute", "0"),
        ("JourneyReports__Subscriptions__SyncSeconds", "1"),
        ("JourneyReports__Schedules__0__Id", "shared"),
        ("JourneyReports__Schedules__0__Report", report),
        ("JourneyReports__Schedules__0__Cron", cron),
        .. recipients.Select((r, i) => ($"JourneyReports__Schedules__0__Recipients__{i}", r)),
    ];

    int Count(string address) => smtp.Received().Count(m => m.EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase));

    static async Task<T> Until<T>(Func<Task<T?>> find, TimeSpan limit, string what, Func<string>? diagnostics = null)
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            if (await find() is { } found) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException($"waited {limit.TotalSeconds:0} s for {what}\n{diagnostics?.Invoke()}");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task TwoInstances_FiringOneScheduleOnOneSharedStore_SendEachRecipientOneEmail_AndRecordOneRunPerFireTime()
    {
        string[] recipients = ["ann@example.com", "bob@example.com"];
        // Every minute, so it fires during the test; the executive report also runs once at the first start (the home page's).
        var settings = Settings(InstanceOptions.Both, "executive-weekly", "* * * * *", recipients);
        var both = await Task.WhenAll(ServerProcess.StartAsync(settings), ServerProcess.StartAsync(settings));
        await using var a = both[0];
        await using var b = both[1];
        var catalog = new ReportCatalog(CatalogPath);
        string Logs() => $"A:\n{a.Output}\nB:\n{b.Output}";
        var subscription = await Until(() => catalog.FindSubscriptionAsync("shared", default), TimeSpan.FromSeconds(30), "the seeded subscription", Logs);

        // The schedule's next fire, handled by both instances at once: four jobs for its fire time in the shared job
        // storage now, then the recurring job's own fire at that minute, from whichever instance's Hangfire takes it.
        var fireTime = new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1);
        var storage = new SQLiteStorage(JobsPath, new SQLiteStorageOptions());
        GlobalConfiguration.Configuration.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
        var client = new BackgroundJobClient(storage);
        var again = Enumerable.Range(0, 4).Select(_ => client.Enqueue<SubscriptionJob>(j => j.ResumeAsync(subscription.Id, fireTime, null, CancellationToken.None))).ToList();
        // Done when each has succeeded (one runs; one that finds the run going waits for the schedule's retry, then finds
        // the fire delivered), and the recurring job has fired at that minute too and succeeded.
        var monitor = storage.GetMonitoringApi();
        bool Succeeded(string? job) => job is not null && monitor.JobDetails(job)?.History.FirstOrDefault()?.StateName == "Succeeded";
        await Until(() => Task.FromResult(again.All(Succeeded) ? "" : null), TimeSpan.FromSeconds(180), "the repeated fires to be handled", Logs);
        await Until(() =>
        {
            using var connection = storage.GetConnection();
            var recurring = connection.GetRecurringJobs().Single(j => j.Id == SubscriptionJob.RecurringJobId(subscription.Id));
            return Task.FromResult(recurring.LastExecution >= fireTime.UtcDateTime && Succeeded(recurring.LastJobId) ? "" : null);
        }, TimeSpan.FromSeconds(180), "the schedule's own fire at that minute", Logs);
        await Until(async () => (await Runs(catalog, subscription.Id)).All(r => r.Status != RunStatus.Running) ? "" : null, TimeSpan.FromSeconds(120), "runs to finish", Logs);

        // Which process ran each repeated fire, and how often (a retry means it found the run going on the other instance).
        foreach (var job in monitor.SucceededJobs(0, 100).Select(j => j.Key).Union(again))
            output.WriteLine($"job {job}: " + string.Join(" <- ", monitor.JobDetails(job).History.Select(h =>
                h.StateName + (h.Data.TryGetValue("ServerId", out var server) ? $" on {server}" : ""))));
        output.WriteLine($"instances: A pid {a.ProcessId}, B pid {b.ProcessId}");

        var runs = await Runs(catalog, subscription.Id);
        var report = string.Join("\n", runs.Select(r => $"run {r.RunId} {r.Trigger} {r.Status} fire {r.FireTime}"));
        // Each fire time is an email of its own (the first start's run, then each minute's fire): one run each, and each
        // recipient has each email once, by its Message-Id (the same on every attempt, so a second send would repeat it).
        Assert.All(runs.GroupBy(r => r.FireTime), fire => Assert.True(fire.Count() == 1, $"fire time {fire.Key} has more than one run:\n{report}"));
        Assert.Equal(1, runs.Count(r => r.Trigger == "run-now"));   // the first start's run, queued by one instance of the two
        Assert.Single(runs, r => r.FireTime == Iso(fireTime));
        var emails = runs.Count(r => r.Status == RunStatus.Succeeded);
        Assert.True(emails >= 2, report);
        foreach (var recipient in recipients)
        {
            var ids = smtp.Received().Where(m => m.EnvelopeTo.Contains(recipient, StringComparer.OrdinalIgnoreCase)).Select(m => m.Message.MessageId).ToList();
            Assert.True(ids.Count == emails && ids.Distinct().Count() == emails, $"{recipient} received {ids.Count} emails ({ids.Distinct().Count()} distinct) for {emails} fire times:\n{report}");
        }
    }

    [Fact]
    public async Task RunNow_ThroughAWebInstance_IsDeliveredByTheWorkerInstance()
    {
        string[] recipients = ["cara@example.com", "dan@example.com"];
        // Mondays 08:00, so only "run now" runs it here (and not the executive report, which a fresh start runs at once).
        var (web, worker) = (ServerProcess.StartAsync(Settings(InstanceOptions.Web, "customer-experience", "0 8 * * 1", recipients)),
            ServerProcess.StartAsync(Settings(InstanceOptions.Worker, "customer-experience", "0 8 * * 1", recipients)));
        await using var w = await web;
        await using var k = await worker;
        string Logs() => $"web:\n{w.Output}\nworker:\n{k.Output}";
        var catalog = new ReportCatalog(CatalogPath);
        // The worker seeds the appsettings schedules; the web instance made the first admin.
        var subscription = await Until(() => catalog.FindSubscriptionAsync("shared", default), TimeSpan.FromSeconds(30), "the seeded subscription", Logs);
        var admin = await Until(() => catalog.FindUserAsync("admin@localhost", default), TimeSpan.FromSeconds(30), "the first admin", Logs);
        var accounts = new JourneyReports.Server.Accounts(catalog, new JourneyReports.Server.AccountOptions(), new JourneyReportsOptions { PublicUrl = w.BaseUrl },
            TimeProvider.System, NullLogger<JourneyReports.Server.Accounts>.Instance);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await accounts.CreateTokenAsync(admin, "tests", 1, default)).Token);

        var queued = await http.PostAsync($"{w.BaseUrl}/api/v1/subscriptions/{subscription.Id}/run", null);
        var workerPages = await http.GetAsync($"{k.BaseUrl}/api/v1/subscriptions");

        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, workerPages.StatusCode);   // a worker serves /healthz only
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{k.BaseUrl}/healthz")).StatusCode);
        var run = await Until(async () => (await Runs(catalog, subscription.Id)).FirstOrDefault(r => r.Trigger == "run-now" && r.Status != RunStatus.Running),
            TimeSpan.FromSeconds(150), "the run-now run to finish", Logs);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.All(recipients, r => Assert.Equal(1, Count(r)));
        // Hangfire names the server that processed the job host:pid:guid: the worker's process, as the web one runs no jobs.
        var job = (await System.Text.Json.JsonDocument.ParseAsync(await queued.Content.ReadAsStreamAsync())).RootElement.GetProperty("jobId").GetString()!;
        var processing = new SQLiteStorage(JobsPath, new SQLiteStorageOptions()).GetMonitoringApi().JobDetails(job).History.First(h => h.StateName == "Processing");
        Assert.Contains($":{k.ProcessId}:", processing.Data["ServerId"]);
    }

    /// <summary>A fire time as the catalog writes it.</summary>
    static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    static async Task<IReadOnlyList<RunRecord>> Runs(ReportCatalog catalog, long subscriptionId) =>
        [.. (await catalog.RecentRunsAsync(1000, default)).Where(r => r.SubscriptionId == subscriptionId)];
}
