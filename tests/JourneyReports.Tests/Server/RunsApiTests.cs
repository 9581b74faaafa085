using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace JourneyReports.Tests;

/// <summary>
/// /api/v1/runs and the run pages through the real server, over one run of a subscription with two department heads
/// (Electronics, then Fashion): each gets only their department, and each may open only the files their slice made.
/// </summary>
[Collection(BackgroundJobs.Name)]
public sealed class RunsApiTests(RunsApiTests.Host host) : IClassFixture<RunsApiTests.Host>
{
    public const string Electronics = "electronics-head@example.com", Fashion = "fashion-head@example.com";

    /// <summary>The server, and the subscription run once through "run now" (made on first use, shared by the tests).</summary>
    public sealed class Host : ServerHost
    {
        readonly Lazy<Task<(long SubscriptionId, long RunId)>> run;

        public Host() => run = new(RunOnceAsync);

        public Task<(long SubscriptionId, long RunId)> RunAsync() => run.Value;

        public HttpClient ElectronicsHead => ClientAs(Electronics, Roles.Viewer, "department=Electronics");
        public HttpClient FashionHead => ClientAs(Fashion, Roles.Viewer, "department=Fashion");

        async Task<(long, long)> RunOnceAsync()
        {
            _ = (ElectronicsHead, FashionHead);
            var admin = CreateClient();
            var created = await admin.PostAsync("/api/v1/subscriptions", new StringContent($$"""
                {
                  "name": "department-heads", "report": "department-breakdown", "cron": "0 8 * * 1", "timeZone": "Europe/London",
                  "formats": [ "inline-png", "xlsx", "csv" ],
                  "recipients": [
                    { "email": "{{Electronics}}", "slice": { "department": "Electronics" } },
                    { "email": "{{Fashion}}", "slice": { "department": "Fashion" } }
                  ]
                }
                """, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            var queued = await admin.PostAsync($"/api/v1/subscriptions/{id}/run", null);
            Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
            Assert.False(string.IsNullOrEmpty((await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()));
            // Run now is a background job; the run is done when the history says so (no test may depend on this machine's speed).
            var until = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < until)
            {
                var runs = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/runs?subscriptionId={id}");
                if (runs.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } r && r.GetProperty("status").GetString() != RunStatus.Running)
                    return (id, r.GetProperty("runId").GetInt64());
                await Task.Delay(250);
            }
            throw new TimeoutException("the run-now run did not finish within 3 minutes");
        }
    }

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    [Fact]
    public async Task RunNow_EmailsEachRecipient_OnlyTheirDepartmentsRow()
    {
        var (_, runId) = await host.RunAsync();
        var run = await ReadAsync(await host.CreateClient().GetAsync($"/api/v1/runs/{runId}"));

        Assert.Equal(RunStatus.Succeeded, run.GetProperty("status").GetString());
        var emails = Directory.GetFiles(Path.Combine(host.DataDirectory, "outbox"), "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        foreach (var (recipient, department) in new[] { (Electronics, "Electronics"), (Fashion, "Fashion") })
        {
            var email = Assert.Single(emails, m => m.To.Mailboxes.Any(a => a.Address == recipient));
            var csv = Assert.Single(email.Attachments.OfType<MimePart>(), a => a.FileName?.EndsWith("-departments.csv", StringComparison.Ordinal) == true);
            Assert.Equal([department], DepartmentsIn(Bytes(csv)));
        }
    }

    /// <summary>The department of each row of a departments CSV.</summary>
    public static IReadOnlyList<string> DepartmentsIn(byte[] csv)
    {
        // CRLF in the file; a mail client (and MimeKit) may hand a text attachment back with LF alone.
        var lines = new StreamReader(new MemoryStream(csv), Encoding.UTF8).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var column = Array.FindIndex(lines[0].Split(','), h => h.Equals("department", StringComparison.OrdinalIgnoreCase));
        Assert.True(column >= 0, $"no department column in: {lines[0]}");
        return [.. lines.Skip(1).Select(l => l.Split(',')[column])];
    }

    public static byte[] Bytes(MimePart attachment)
    {
        using var buffer = new MemoryStream();
        attachment.Content!.DecodeTo(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public async Task EachRecipientsSlice_HasItsOwnFolder_WithTheFiltersItWasMadeWith()
    {
        var (_, runId) = await host.RunAsync();

        var files = (await ReadAsync(await host.CreateClient().GetAsync($"/api/v1/runs/{runId}/artifacts?limit=200"))).GetProperty("items").EnumerateArray().ToList();

        Assert.Contains(files, f => f.GetProperty("path").GetString() == "departments.csv" && f.GetProperty("filters").GetString()!.Contains("department = Electronics"));
        Assert.Contains(files, f => f.GetProperty("path").GetString() == "1/departments.csv" && f.GetProperty("filters").GetString()!.Contains("department = Fashion"));
        Assert.DoesNotContain(files, f => f.GetProperty("name").GetString() is RunArtifacts.Summary or RunArtifacts.Filters);
    }

    [Fact]
    public async Task AViewer_GetsTheFilesTheirSliceMade_AndA404ForTheOtherSlicesFiles()
    {
        var (_, runId) = await host.RunAsync();
        var fashion = host.FashionHead;
        var electronics = host.ElectronicsHead;
        var artifacts = $"/api/v1/runs/{runId}/artifacts";

        var own = await fashion.GetAsync($"{artifacts}/1/departments.csv");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(["Fashion"], DepartmentsIn(await own.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await fashion.GetAsync($"{artifacts}/departments.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fashion.GetAsync($"{artifacts}/workbook.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fashion.GetAsync($"/runs/{runId}/workbook.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fashion.GetAsync($"/runs/{runId}/dashboard.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fashion.GetAsync($"/runs/{runId}/files/1/dashboard.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await electronics.GetAsync($"{artifacts}/workbook.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await electronics.GetAsync($"{artifacts}/1/workbook.xlsx")).StatusCode);
        // The slice's folder named from the run's own, which Electronics may open, is not a way into Fashion's.
        Assert.Equal(HttpStatusCode.NotFound, (await electronics.GetAsync($"{artifacts}/slices/1/workbook.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await electronics.GetAsync($"/runs/{runId}/files/slices/1/workbook.xlsx")).StatusCode);
        var listed = (await ReadAsync(await fashion.GetAsync(artifacts))).GetProperty("items").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, p => Assert.StartsWith("1/", p));
    }

    [Fact]
    public async Task Deliveries_GiveEachRecipientsStatus_ToAnAdmin_AndAViewerOnlyTheirOwn()
    {
        var (_, runId) = await host.RunAsync();

        var all = (await ReadAsync(await host.CreateClient().GetAsync($"/api/v1/runs/{runId}/deliveries"))).GetProperty("items").EnumerateArray().ToList();
        var theirs = (await ReadAsync(await host.FashionHead.GetAsync($"/api/v1/runs/{runId}/deliveries"))).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([Electronics, Fashion], all.Select(d => d.GetProperty("recipient").GetString()).Order());
        Assert.All(all, d => Assert.Equal(RecipientStatus.Sent, d.GetProperty("status").GetString()));
        Assert.All(all, d => Assert.Equal(1, d.GetProperty("attempt").GetInt64()));
        Assert.Equal([Fashion], theirs.Select(d => d.GetProperty("recipient").GetString()));
    }

    [Fact]
    public async Task TheRunPage_ShowsAViewerTheirSlicesDashboard_AndTheirOwnDelivery()
    {
        var (_, runId) = await host.RunAsync();

        var html = await host.FashionHead.GetStringAsync($"/runs/{runId}");

        Assert.Contains($"src=\"/runs/{runId}/files/1/dashboard.png\"", html);
        Assert.Contains(Fashion, html);
        Assert.DoesNotContain(Electronics, html);
        Assert.DoesNotContain($"href=\"/runs/{runId}/files/departments.csv\"", html);
    }

    [Fact]
    public async Task Home_ShowsAViewerTheLatestDashboardOfTheirSlice_AndTheSubscriptionTheyReceive()
    {
        var (_, runId) = await host.RunAsync();

        var html = await host.FashionHead.GetStringAsync("/");

        Assert.Contains($"<img class=\"dashboard\" src=\"/runs/{runId}/files/1/dashboard.png\"", html);
        Assert.Contains("department-heads", html);
        Assert.DoesNotContain("/edit\"", html);
    }

    [Fact]
    public async Task AViewerOfAnotherDepartment_SeesNoneOfTheRun_AsIfItDidNotExist()
    {
        var (_, runId) = await host.RunAsync();
        var beauty = host.ClientAs("beauty-head@example.com", Roles.Viewer, "department=Beauty");

        var list = await ReadAsync(await beauty.GetAsync("/api/v1/runs"));

        Assert.Equal(0, list.GetProperty("total").GetInt32());
        foreach (var path in new[] { "", "/deliveries", "/artifacts", "/artifacts/1/workbook.xlsx" })
            Assert.Equal(HttpStatusCode.NotFound, (await beauty.GetAsync($"/api/v1/runs/{runId}{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beauty.GetAsync($"/runs/{runId}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/runs/999999")]
    [InlineData("/api/v1/runs/999999/deliveries")]
    [InlineData("/api/v1/runs/999999/artifacts")]
    [InlineData("/api/v1/runs/999999/artifacts/workbook.xlsx")]
    public async Task AnUnknownRun_Is404_AndSomeoneNotSignedIn_401(string path)
    {
        var response = await host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no run 999999", (await ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.AnonymousClient(followRedirects: false).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task TheRunList_IsPaged_AndABadPageIs400()
    {
        await host.RunAsync();
        var client = host.CreateClient();

        var page = await ReadAsync(await client.GetAsync("/api/v1/runs?limit=1"));

        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/runs?offset=-1")).StatusCode);
    }

    [Fact]
    public async Task ATestSend_GoesToTheCallerAlone_WithTheSubscriptionsEmail()
    {
        var (subscriptionId, _) = await host.RunAsync();

        var response = await host.CreateClient().PostAsync($"/api/v1/subscriptions/{subscriptionId}/test", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await ReadAsync(response);
        var delivery = Assert.Single(sent.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("admin@localhost", delivery.GetProperty("recipient").GetString());
        Assert.Equal(RecipientStatus.Sent, delivery.GetProperty("status").GetString());
        var run = await ReadAsync(await host.CreateClient().GetAsync($"/api/v1/runs/{sent.GetProperty("runId").GetInt64()}"));
        Assert.Equal(ReportRunner.TestTrigger, run.GetProperty("trigger").GetString());
        Assert.Contains(await host.Services.GetRequiredService<ReportCatalog>().AuditLogAsync("subscription-test-send", 10, 0, default), a => a.Target == "department-heads");
    }
}
