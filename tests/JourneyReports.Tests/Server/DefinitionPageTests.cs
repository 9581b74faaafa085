using System.Net;
using System.Text.RegularExpressions;
using JourneyReports.Catalog;

namespace JourneyReports.Tests;

/// <summary>
/// The /definitions page: an analyst uploads a definition file (a multipart form with its antiforgery token); it is
/// checked against the warehouse and written whole into the dashboards folder, or shown again with each problem at its line.
/// </summary>
[Collection(DashboardsCollection.Name)]
public sealed class DefinitionPageTests(DashboardsHost host)
{
    [Fact]
    public async Task AValidFile_IsSaved_AuditedAndLiveAtOnce()
    {
        var analyst = host.NotFollowing(host.Analyst());
        var json = DashboardsHost.Definition("page-upload");

        var response = await Post(analyst, file: json, intent: "upload");
        var next = await analyst.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);             // after the POST, so a reload does not upload again
        Assert.Equal("/definitions?saved=page-upload&outcome=created", response.Headers.Location.OriginalString);
        Assert.Contains("Definition 'page-upload' uploaded", WebUtility.HtmlDecode(next));
        Assert.Equal(json, await File.ReadAllTextAsync(Path.Combine(host.DashboardsDirectory, "page-upload.json")));
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/dashboards/page-upload")).StatusCode);
        var audit = await host.Catalog.AuditLogAsync("definition-uploaded", 100, 0, default);
        Assert.Contains(audit, a => a.Target == "page-upload" && a.Actor == "analyst@example.com" && a.Detail == "created, version 1");
        host.AssertNoStrayFiles();
    }

    [Fact]
    public async Task InvalidJson_IsNamedWithItsLine_AndTheTextIsKept_AndNothingIsWritten()
    {
        var json = DashboardsHost.Definition("broken-json").Replace("\"version\": 1,", "\"version\": 1", StringComparison.Ordinal);

        var response = await Post(host.Analyst(), file: json, intent: "upload");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches("line 5</a>: JSON syntax error at column", html);
        Assert.Contains("<li id=\"line-5\" class=\"bad\">", html);
        Assert.Contains(json.Replace("\r\n", "\n", StringComparison.Ordinal), html.Replace("\r\n", "\n", StringComparison.Ordinal));   // in the text box
        Assert.False(File.Exists(Path.Combine(host.DashboardsDirectory, "broken-json.json")));
        host.AssertNoStrayFiles();
    }

    [Fact]
    public async Task AnUnknownMetric_IsNamedAtItsLine()
    {
        var response = await Post(host.Analyst(), json: DashboardsHost.Definition("moon-metric", metric: "revenue-by-moon"), intent: "upload");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("line 7</a>: dataset 'departments': unknown metric 'revenue-by-moon'", html);
        Assert.False(File.Exists(Path.Combine(host.DashboardsDirectory, "moon-metric.json")));
    }

    [Fact]
    public async Task AnUnsafeName_IsRefused_AndNoFileIsWrittenAnywhere()
    {
        var json = DashboardsHost.Definition("x").Replace("\"name\": \"x\"", "\"name\": \"../../escaped\"", StringComparison.Ordinal);

        var response = await Post(host.Analyst(), json: json, intent: "upload");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("line 2</a>: name '../../escaped' must be lower-case words joined by hyphens", html);
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(host.DashboardsDirectory, "../../escaped.json"))));
        host.AssertNoStrayFiles();
    }

    [Fact]
    public async Task AnExistingDefinition_IsReplacedOnlyWhenReplaceIsTicked()
    {
        var analyst = host.Analyst();
        await Post(analyst, json: DashboardsHost.Definition("replace-me"), intent: "upload");
        var second = DashboardsHost.Definition("replace-me").Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal);

        var refused = await Post(analyst, json: second, intent: "upload");
        var kept = await File.ReadAllTextAsync(Path.Combine(host.DashboardsDirectory, "replace-me.json"));
        var replaced = await Post(host.NotFollowing(analyst), json: second, intent: "upload", replace: true);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("tick replace to overwrite it", await refused.Content.ReadAsStringAsync());
        Assert.Contains("\"version\": 1", kept);
        Assert.Equal("/definitions?saved=replace-me&outcome=replaced", replaced.Headers.Location?.OriginalString);
        Assert.Equal(second, await File.ReadAllTextAsync(Path.Combine(host.DashboardsDirectory, "replace-me.json")));
    }

    [Fact]
    public async Task ValidateOnly_SaysItIsValid_AndWritesNothing()
    {
        var response = await Post(host.Analyst(), json: DashboardsHost.Definition("only-checked"), intent: "validate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is valid (not saved)", await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(Path.Combine(host.DashboardsDirectory, "only-checked.json")));
    }

    [Fact]
    public async Task AFileOverTheSizeCap_IsRefused()
    {
        var json = DashboardsHost.Definition("too-big").Replace("\"version\": 1,", $"\"version\": 1, \"notes\": [\"{new string('x', 1024 * 1024)}\"],", StringComparison.Ordinal);

        var response = await Post(host.Analyst(), file: json, intent: "upload");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(host.DashboardsDirectory, "too-big.json")));
        host.AssertNoStrayFiles();
    }

    [Fact]
    public async Task APostWithoutTheFormToken_IsRefused()
    {
        var form = new MultipartFormDataContent { { new StringContent(DashboardsHost.Definition("no-token")), "json" }, { new StringContent("upload"), "intent" } };

        var response = await host.Analyst().PostAsync("/definitions", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(host.DashboardsDirectory, "no-token.json")));
    }

    [Fact]
    public async Task TheDefinitionsPage_IsForAnalystsAndAdmins()
    {
        var viewer = await host.ElectronicsViewer().GetAsync("/definitions");
        var analyst = await host.Analyst().GetAsync("/definitions");

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, analyst.StatusCode);
        Assert.Contains("department-breakdown", await analyst.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheDashboardsList_NamesABrokenFileWithItsLine()
    {
        await File.WriteAllTextAsync(Path.Combine(host.DashboardsDirectory, "dropped-in.json"), "{\n  \"name\": \"dropped-in\",\n  \"title\": 5\n}");

        var html = WebUtility.HtmlDecode(await host.ElectronicsViewer().GetStringAsync("/dashboards"));
        File.Delete(Path.Combine(host.DashboardsDirectory, "dropped-in.json"));

        Assert.Contains("<code>dropped-in.json:3</code> title must be a string, not 5", html);
    }

    /// <summary>Posts the upload form as a browser does: multipart, with the page's antiforgery token.</summary>
    static async Task<HttpResponseMessage> Post(HttpClient client, string intent, string? file = null, string? json = null, bool replace = false)
    {
        var page = await client.GetStringAsync("/definitions");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(intent), "intent" } };
        if (file is not null) form.Add(new StringContent(file), "file", "definition.json");
        if (json is not null) form.Add(new StringContent(json), "json");
        if (replace) form.Add(new StringContent("true"), "replace");
        return await client.PostAsync("/definitions", form);
    }
}
