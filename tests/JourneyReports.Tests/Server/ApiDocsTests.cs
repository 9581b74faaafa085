using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>The OpenAPI document describes every API endpoint and how to authenticate; /api/docs shows it without the internet.</summary>
public sealed class ApiDocsTests(ServerHost host) : IClassFixture<ServerHost>
{
    [Fact]
    public async Task TheDocument_ListsEveryApiEndpointMapped_WithItsMethod()
    {
        using var document = JsonDocument.Parse(await host.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: OpenApiPath(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();

        Assert.Contains(endpoints, e => e.Path == "/api/v1/users/{id}" && e.Method == "put");
        Assert.All(endpoints, e => Assert.True(paths.TryGetProperty(e.Path, out var path) && path.TryGetProperty(e.Method, out _), $"{e.Method} {e.Path} is not in the document"));
    }

    [Fact]
    public async Task TheDocument_DeclaresTheBearerScheme_ForEveryOperation()
    {
        using var document = JsonDocument.Parse(await host.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(root.GetProperty("security")[0].TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task TheDocsPage_ShowsEachOperation_ForASignedInViewer_AndNamesNoOtherHost()
    {
        var response = await host.ClientAs("docs-reader@example.com", Roles.Viewer, "department=Beauty").GetAsync("/api/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span class=\"method put\">PUT</span> <code>/api/v1/users/{id}</code>", html);
        Assert.Contains("<span class=\"method post\">POST</span> <code>/api/v1/tokens</code>", html);
        Assert.Contains("Make a personal API token acting as oneself", html);
        Assert.Contains("application/json: UserBody", html);
        Assert.Matches("<td><code>all</code></td><td>query</td><td>boolean", html);
        Assert.Empty(Regex.Matches(html, "(?:src|href|action)=\"(?![/#])[^\"]*\""));
        Assert.DoesNotMatch("https?://|//[a-z]", html);
    }

    [Fact]
    public async Task TheDocsPage_SendsSomeoneSignedOutToSignIn()
    {
        var response = await host.AnonymousClient(followRedirects: false).GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2Fapi%2Fdocs", response.Headers.Location!.PathAndQuery);
    }

    // A route's constraints and a group's trailing slash are not part of the document's paths: /users/{id:long} is /users/{id} there.
    static string OpenApiPath(string route) => Regex.Replace(route, @"\{([^}:=?]+)[^}]*\}", "{$1}").TrimEnd('/');
}
