using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>/api/v1/subscriptions through the real server: CRUD, checks naming every problem, the schedule preview, who may call it.</summary>
[Collection(BackgroundJobs.Name)]
public sealed class SubscriptionsApiTests(SubscriptionsApiTests.Host host) : IClassFixture<SubscriptionsApiTests.Host>
{
    public sealed class Host : ServerHost;

    const string Api = "/api/v1/subscriptions";
    ReportCatalog Catalog => host.Services.GetRequiredService<ReportCatalog>();

    static string Body(string name, string cron = "0 8 * * 1", string extra = "") => $$"""
        {
          "name": "{{name}}", "report": "department-breakdown", "cron": "{{cron}}", "timeZone": "Europe/London",
          "parameters": { "period": "last-complete-week" },
          "recipients": [ { "email": "head@example.com", "slice": { "department": "Electronics" } } ]{{extra}}
        }
        """;

    static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    [Fact]
    public async Task Create_SavesIt_GetReturnsIt_AndTheAuditLogNamesWhoDidIt()
    {
        var client = host.CreateClient();

        var created = await client.PostAsync(Api, Json(Body("api-created")));
        var body = await ReadAsync(created);
        var id = body.GetProperty("id").GetInt64();
        var fetched = await ReadAsync(await client.GetAsync($"{Api}/{id}"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Api}/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("admin@localhost", body.GetProperty("owner").GetString());
        Assert.Equal("Electronics", fetched.GetProperty("recipients")[0].GetProperty("slice").GetProperty("department").GetString());
        Assert.Equal("0 8 * * 1", fetched.GetProperty("cron").GetString());
        var audit = await Catalog.AuditLogAsync("subscription-saved", 100, 0, default);
        Assert.Contains(audit, a => a.Actor == "admin@localhost" && a.Target == "api-created");
    }

    [Fact]
    public async Task WhatGetReturns_CanBePutBack_AndPutRaisesTheVersion()
    {
        var client = host.CreateClient();
        var id = (await ReadAsync(await client.PostAsync(Api, Json(Body("api-round-trip"))))).GetProperty("id").GetInt64();
        var json = await client.GetStringAsync($"{Api}/{id}");

        var put = await client.PutAsync($"{Api}/{id}", Json(json.Replace("0 8 * * 1", "30 7 * * 1,3")));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await ReadAsync(put);
        Assert.Equal("30 7 * * 1,3", saved.GetProperty("cron").GetString());
        Assert.Equal(2, saved.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Put_CannotRenameASubscription_AndNamesTheField()
    {
        var client = host.CreateClient();
        var id = (await ReadAsync(await client.PostAsync(Api, Json(Body("api-keeps-name"))))).GetProperty("id").GetInt64();

        var put = await client.PutAsync($"{Api}/{id}", Json(Body("api-new-name")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.Contains("cannot change", (await ReadAsync(put)).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Create_WithATakenName_Is409()
    {
        var client = host.CreateClient();
        await client.PostAsync(Api, Json(Body("api-taken")));

        var again = await client.PostAsync(Api, Json(Body("api-taken")));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("is taken", (await ReadAsync(again)).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Theory]
    [InlineData("""{ "name": "x", "colour": "red" }""", "colour")]
    [InlineData("""{ "name": "x", "recipients": [ { "email": "a@example.com", "sliced": {} } ] }""", "sliced")]
    [InlineData("""{ "name": "x", """, "")]
    [InlineData("""[ 1, 2 ]""", "")]
    [InlineData("""{ "name": 42 }""", "$.name")]
    public async Task Create_WithAMalformedBodyOrAnUnknownMember_Is400NamingIt(string json, string named)
    {
        var response = await host.CreateClient().PostAsync(Api, Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync(response);
        Assert.Equal("The body is not a subscription", problem.GetProperty("title").GetString());
        Assert.Contains(named, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Create_WithABodyThatIsNotJson_Is415()
    {
        var response = await host.CreateClient().PostAsync(Api, new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Create_WithNullsWhereValuesBelong_Is422NamingThem_Not500()
    {
        var response = await host.CreateClient().PostAsync(Api, Json("""{ "name": null, "report": null, "recipients": [ { "email": null } ], "formats": null }"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("formats", out _));
    }

    [Fact]
    public async Task ASubscriptionWithEveryKindOfProblem_Is422_WithEachProblemUnderItsField_AndNothingIsSaved()
    {
        var json = """
            {
              "name": "Bad Name", "report": "no-such-report", "cron": "every monday", "timeZone": "Mars/Olympus",
              "formats": [ "fax" ], "whenEmpty": "maybe", "subject": "{{ reprot.title }}",
              "recipients": [ { "email": "not-an-address" }, { "email": "b@example.com", "slice": { "colour": "red" } } ]
            }
            """;

        var response = await host.CreateClient().PostAsync(Api, Json(json));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["cron", "formats", "name", "recipients[0]", "recipients[1]", "report", "subject", "timeZone", "whenEmpty"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("'fax' is unknown", errors.GetProperty("formats")[0].GetString());
        Assert.Contains("'colour' is not a filter", errors.GetProperty("recipients[1]")[0].GetString());
        Assert.Contains("reprot", errors.GetProperty("subject")[0].GetString());
        Assert.Null(await Catalog.FindSubscriptionAsync("Bad Name", default));
    }

    [Fact]
    public async Task Validate_NamesEveryProblem_WithoutSaving_AndAValidOneGetsItsNextFiveFireTimes()
    {
        var client = host.CreateClient();

        var bad = await ReadAsync(await client.PostAsync($"{Api}/validate", Json(Body("api-validate", cron: "61 8 * * 1", extra: """, "formats": [] """))));
        var good = await ReadAsync(await client.PostAsync($"{Api}/validate", Json(Body("api-validate"))));

        Assert.False(bad.GetProperty("valid").GetBoolean());
        Assert.Equal(2, bad.GetProperty("problems").EnumerateObject().Count());
        Assert.Contains("cron '61 8 * * 1'", bad.GetProperty("problems").GetProperty("cron")[0].GetString());
        Assert.Contains("formats is empty", bad.GetProperty("problems").GetProperty("formats")[0].GetString());
        Assert.True(good.GetProperty("valid").GetBoolean());
        Assert.Equal(5, good.GetProperty("nextFireTimes").GetArrayLength());
        Assert.Null(await Catalog.FindSubscriptionAsync("api-validate", default));
    }

    [Theory]
    // The clocks go forward on Sunday 28 March 2027: Mondays at 08:00 in London are 08:00Z, then 07:00Z.
    [InlineData("2027-03-20T00:00:00Z", "2027-03-22T08:00:00+00:00", "2027-03-29T08:00:00+01:00", "2027-04-05T08:00:00+01:00", "2027-04-12T08:00:00+01:00", "2027-04-19T08:00:00+01:00")]
    // And back on Sunday 31 October 2027.
    [InlineData("2027-10-20T00:00:00Z", "2027-10-25T08:00:00+01:00", "2027-11-01T08:00:00+00:00", "2027-11-08T08:00:00+00:00", "2027-11-15T08:00:00+00:00", "2027-11-22T08:00:00+00:00")]
    public async Task SchedulePreview_GivesTheNextFiveMondays_AtEightInLondon_WithTheOffsetOfEach(string from, params string[] expected)
    {
        var preview = await ReadAsync(await host.CreateClient().GetAsync(
            $"{Api}/schedule-preview?cron={Uri.EscapeDataString("0 8 * * 1")}&tz=Europe/London&count=5&from={Uri.EscapeDataString(from)}"));

        var times = preview.GetProperty("times").EnumerateArray().Select(t => t.GetDateTimeOffset()).ToList();
        Assert.Equal(expected.Select(DateTimeOffset.Parse), times);
        Assert.Equal(expected.Select(e => e[^6..]), times.Select(t => t.ToString("zzz")));
    }

    [Fact]
    public async Task SchedulePreview_WithABadCronAndZone_Is400NamingBoth()
    {
        var response = await host.CreateClient().GetAsync($"{Api}/schedule-preview?cron=whenever&tz=Mars/Olympus&count=500");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Contains("cron 'whenever'", errors.GetProperty("cron")[0].GetString());
        Assert.Contains("Mars/Olympus", errors.GetProperty("tz")[0].GetString());
        Assert.Contains("count must be 1 to 50", errors.GetProperty("count")[0].GetString());
    }

    [Fact]
    public async Task PauseAndResume_SwitchIt_AndAPausedOneDoesNotRunNow()
    {
        var client = host.CreateClient();
        var id = (await ReadAsync(await client.PostAsync(Api, Json(Body("api-paused"))))).GetProperty("id").GetInt64();

        var paused = await client.PostAsync($"{Api}/{id}/pause", null);
        var run = await client.PostAsync($"{Api}/{id}/run", null);
        var resumed = await client.PostAsync($"{Api}/{id}/resume", null);

        Assert.False((await ReadAsync(paused)).GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
        Assert.Contains("paused", (await ReadAsync(run)).GetProperty("detail").GetString());
        Assert.True((await ReadAsync(resumed)).GetProperty("enabled").GetBoolean());
        var audit = await Catalog.AuditLogAsync(null, 200, 0, default);
        Assert.Contains(audit, a => a.Action == "subscription-paused" && a.Target == "api-paused");
        Assert.Contains(audit, a => a.Action == "subscription-resumed" && a.Target == "api-paused");
    }

    [Fact]
    public async Task Delete_RemovesIt_AndThenItIs404()
    {
        var client = host.CreateClient();
        var id = (await ReadAsync(await client.PostAsync(Api, Json(Body("api-deleted"))))).GetProperty("id").GetInt64();

        var deleted = await client.DeleteAsync($"{Api}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Api}/{id}")).StatusCode);
        Assert.Contains(await Catalog.AuditLogAsync("subscription-deleted", 10, 0, default), a => a.Target == "api-deleted");
    }

    [Theory]
    [InlineData("GET", "/999999")]
    [InlineData("PUT", "/999999")]
    [InlineData("DELETE", "/999999")]
    [InlineData("POST", "/999999/pause")]
    [InlineData("POST", "/999999/resume")]
    [InlineData("POST", "/999999/run")]
    [InlineData("POST", "/999999/test")]
    public async Task AnUnknownSubscription_Is404(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Api + path) { Content = method == "PUT" ? Json(Body("api-unknown")) : null };

        var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no subscription 999999", (await ReadAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task List_IsPaged_AndShowsEachOnesNextFireTime()
    {
        var client = host.CreateClient();
        await client.PostAsync(Api, Json(Body("api-listed-1")));
        await client.PostAsync(Api, Json(Body("api-listed-2")));

        var page = await ReadAsync(await client.GetAsync($"{Api}?limit=1"));

        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
        Assert.Equal($"{Api}?offset=1&limit=1", page.GetProperty("next").GetString());
        Assert.Equal(DayOfWeek.Monday, page.GetProperty("items")[0].GetProperty("nextFire").GetDateTimeOffset().DayOfWeek);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Api}?limit=0")).StatusCode);
    }

    [Fact]
    public async Task SomeoneNotSignedIn_Is401_AndAViewer_Is403_ForListingAndCreating()
    {
        var viewer = host.ClientAs("api-viewer@example.com", Roles.Viewer, "department=Electronics");
        var anonymous = host.AnonymousClient(followRedirects: false);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Api)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Api, Json(Body("api-anonymous")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(Api)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(Api, Json(Body("api-by-viewer")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"{Api}/schedule-preview?cron=0+8+*+*+1&tz=UTC")).StatusCode);
        Assert.Null(await Catalog.FindSubscriptionAsync("api-by-viewer", default));
    }

    [Fact]
    public async Task AnAnalystRestrictedToOneDepartment_CannotScheduleAnotherDepartment_NorSendToARecipientOutsideTheirOwnScope()
    {
        host.ClientAs("fashion-head-account@example.com", Roles.Viewer, "department=Fashion");
        var analyst = host.ClientAs("electronics-analyst@example.com", Roles.Analyst, "department=Electronics");
        var json = Body("api-restricted").Replace("\"head@example.com\"", "\"fashion-head-account@example.com\"");

        var response = await analyst.PostAsync(Api, Json(json));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var recipient = (await ReadAsync(response)).GetProperty("errors").GetProperty("recipients[0]").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(recipient, p => p!.Contains("department 'Electronics' is outside their own data scope (department: Fashion)"));
        var allData = await analyst.PostAsync(Api, Json(Body("api-restricted-all").Replace("""{ "department": "Electronics" }""", "null")));
        Assert.Contains("every department is outside your data scope", await allData.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesEverySubscriptionAndRunEndpoint()
    {
        var document = await host.AnonymousClient().GetStringAsync("/openapi/v1.json");

        foreach (var operation in new[] { "ListSubscriptions", "CreateSubscription", "ValidateSubscription", "PreviewSchedule", "GetSubscription", "UpdateSubscription",
                     "DeleteSubscription", "PauseSubscription", "ResumeSubscription", "RunSubscriptionNow", "TestSubscription",
                     "ListRuns", "GetRun", "ListRunDeliveries", "ListRunArtifacts", "GetRunArtifact", "GetRunSliceArtifact" })
            Assert.Contains($"\"operationId\": \"{operation}\"", document);
        Assert.DoesNotContain("SubscriptionActions", document);
    }
}
