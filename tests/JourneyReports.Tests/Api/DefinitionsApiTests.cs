using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace JourneyReports.Tests;

/// <summary>/api/v1/definitions: list, get, validate, upload — for analysts and admins, refusals as problem details.</summary>
[Collection(DashboardsCollection.Name)]
public sealed class DefinitionsApiTests(DashboardsHost host)
{
    static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task List_IsPaged_AndNamesEveryDefinition()
    {
        var page = await host.Analyst().GetFromJsonAsync<JsonElement>("/api/v1/definitions?limit=3");
        var all = await host.Analyst().GetFromJsonAsync<JsonElement>("/api/v1/definitions?limit=200");

        Assert.Equal(3, page.GetProperty("items").GetArrayLength());
        Assert.Equal("/api/v1/definitions?offset=3&limit=3", page.GetProperty("next").GetString());
        Assert.Contains(all.GetProperty("items").EnumerateArray(), d => d.GetProperty("name").GetString() == "department-breakdown"
            && d.GetProperty("title").GetString() == "Department breakdown");
    }

    [Theory]
    [InlineData("/api/v1/definitions?limit=0", "limit must be 1 to 200")]
    [InlineData("/api/v1/definitions?offset=-1", "offset must be 0 or more")]
    public async Task List_WithABadPage_Is400_NamingIt(string url, string title)
    {
        var response = await host.Analyst().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/definitions")]
    [InlineData("GET", "/api/v1/definitions/department-breakdown")]
    [InlineData("POST", "/api/v1/definitions/validate")]
    [InlineData("PUT", "/api/v1/definitions/viewer-upload")]
    public async Task EveryEndpoint_Is401SignedOut_And403ForAViewer(string method, string url)
    {
        HttpRequestMessage Request() => new(new HttpMethod(method), url) { Content = method == "GET" ? null : Body(DashboardsHost.Definition("viewer-upload")) };

        var anonymous = await host.AnonymousClient(followRedirects: false).SendAsync(Request());
        var viewer = await host.ElectronicsViewer().SendAsync(Request());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.False(File.Exists(Path.Combine(host.DashboardsDirectory, "viewer-upload.json")));
    }

    [Fact]
    public async Task Get_IsTheFilesJson_AndAnUnknownOneIs404NamingThoseThatExist()
    {
        var json = await host.Analyst().GetStringAsync("/api/v1/definitions/department-breakdown");
        var missing = await host.Analyst().GetAsync("/api/v1/definitions/sales-forecast");

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(host.DashboardsDirectory, "department-breakdown.json")), json);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("executive-weekly", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Validate_AValidDefinition_Is200_AndSavesNothing()
    {
        var response = await host.Analyst().PostAsync("/api/v1/definitions/validate", Body(DashboardsHost.Definition("api-checked")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("valid").GetBoolean());
        Assert.False(File.Exists(Path.Combine(host.DashboardsDirectory, "api-checked.json")));
    }

    [Fact]
    public async Task Validate_AnInvalidDefinition_Is422_WithEveryErrorAndItsLine()
    {
        var json = DashboardsHost.Definition("api-invalid", metric: "revenue-by-moon").Replace("\"timeZone\": \"Europe/London\"", "\"timeZone\": \"Mars/Olympus\"", StringComparison.Ordinal);

        var response = await host.Analyst().PostAsync("/api/v1/definitions/validate", Body(json));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (Line: e.GetProperty("line").GetInt32(), Problem: e.GetProperty("problem").GetString()!)).ToList();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Line == 5 && e.Problem.Contains("unknown time zone 'Mars/Olympus'"));
        Assert.Contains(errors, e => e.Line == 7 && e.Problem.Contains("unknown metric 'revenue-by-moon'"));
    }

    [Fact]
    public async Task Validate_InvalidJson_Is422_NamingTheLine()
    {
        var response = await host.Analyst().PostAsync("/api/v1/definitions/validate", Body("{\n  \"name\": \"x\",\n  \"title\" \"no colon\"\n}"));
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.StartsWith("JSON syntax error", error.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task Put_Creates201_ThenConflicts409_ThenReplaces200WithReplace()
    {
        var analyst = host.Analyst();
        var second = DashboardsHost.Definition("api-upload").Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal);

        var created = await analyst.PutAsync("/api/v1/definitions/api-upload", Body(DashboardsHost.Definition("api-upload")));
        var conflict = await analyst.PutAsync("/api/v1/definitions/api-upload", Body(second));
        var afterConflict = await File.ReadAllTextAsync(Path.Combine(host.DashboardsDirectory, "api-upload.json"));
        var replaced = await analyst.PutAsync("/api/v1/definitions/api-upload?replace=true", Body(second));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/definitions/api-upload", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("\"version\": 1", afterConflict);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(second, await File.ReadAllTextAsync(Path.Combine(host.DashboardsDirectory, "api-upload.json")));
        Assert.Equal(2, (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/dashboards?limit=200")).GetProperty("items").EnumerateArray()
            .Single(d => d.GetProperty("name").GetString() == "api-upload").GetProperty("version").GetInt32());
        host.AssertNoStrayFiles();
    }

    [Theory]
    [InlineData("/api/v1/definitions/Not_A_Slug", "x")]
    [InlineData("/api/v1/definitions/..%2F..%2Fescaped", "x")]
    [InlineData("/api/v1/definitions/other-name", "api-mismatch")]
    public async Task Put_UnderAnUnsafeOrDifferentName_Is400_AndWritesNothing(string url, string ownName)
    {
        var before = Directory.GetFiles(host.DashboardsDirectory).Length;

        var response = await host.Analyst().PutAsync(url, Body(DashboardsHost.Definition(ownName)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, Directory.GetFiles(host.DashboardsDirectory).Length);
    }

    [Fact]
    public async Task Put_AnInvalidDefinition_Is422_AndLeavesNoFile()
    {
        var response = await host.Analyst().PutAsync("/api/v1/definitions/api-broken",
            Body(DashboardsHost.Definition("api-broken").Replace("\"layout\": { \"rows\": 3, \"columns\": 12 }", "\"layout\": { \"rows\": 3, \"columns\": ", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(host.DashboardsDirectory, "api-broken.json")));
        host.AssertNoStrayFiles();
    }
}
