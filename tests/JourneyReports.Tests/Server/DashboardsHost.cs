using System.Net;
using System.Text.RegularExpressions;
using JourneyReports.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>
/// The server over a copy of the built-in dashboards in a folder of its own, so definitions can be uploaded without
/// touching the repository's; shared by the dashboard, definition and row-level security tests (one server for all).
/// </summary>
public sealed class DashboardsHost : ServerHost
{
    public string DashboardsDirectory { get; }

    public DashboardsHost()
    {
        DashboardsDirectory = Path.Combine(DataDirectory, "dashboards");
        Directory.CreateDirectory(DashboardsDirectory);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "dashboards"), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(DashboardsDirectory, Path.GetRelativePath(Path.Combine(RepoPaths.Root, "dashboards"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    protected override IEnumerable<(string Key, string Value)> Settings => [("JourneyReports:DashboardsDirectory", DashboardsDirectory)];

    public ReportCatalog Catalog => Services.GetRequiredService<ReportCatalog>();

    /// <summary>The viewer every row-level security test attacks with: department Electronics only.</summary>
    public HttpClient ElectronicsViewer() => ClientAs("electronics-head@example.com", Roles.Viewer, "department=Electronics");

    public HttpClient Analyst() => ClientAs("analyst@example.com", Roles.Analyst, "all");

    /// <summary>A client acting as <paramref name="like"/> (its API token) that does not follow redirects: HttpClient drops the token on a redirect.</summary>
    public HttpClient NotFollowing(HttpClient like)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = like.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>A small valid definition named <paramref name="name"/> with one dataset, "departments" (one row per department).</summary>
    public static string Definition(string name, string filters = "{}", string metric = "departments") => $$"""
        {
          "name": "{{name}}",
          "title": "Departments ({{name}})",
          "version": 1,
          "parameters": { "period": "last-90-days", "comparison": "none", "timeZone": "Europe/London", "filters": {{filters}} },
          "datasets": {
            "departments": { "metric": "{{metric}}" }
          },
          "visuals": [
            { "id": "table", "type": "table", "dataset": "departments", "title": "Departments", "fields": {},
              "columns": ["department", "revenue"], "position": { "row": 1, "col": 1, "width": 12, "height": 3 } }
          ],
          "layout": { "rows": 3, "columns": 12 }
        }
        """;

    /// <summary>The data rows of a CSV (after its header), each as its fields by header name.</summary>
    public static List<Dictionary<string, string>> CsvRows(string csv)
    {
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        // The departments' names hold no commas or quotes, so a plain split reads these files.
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    /// <summary>The values a page's &lt;select name="…"&gt; offers, decoded.</summary>
    public static List<string> PickerValues(string html, string name)
    {
        var select = Regex.Match(html, $"<select name=\"{name}\">(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"the page has no picker '{name}'");
        // Razor writes an empty value (the "all" option) as a bare attribute: <option value selected>.
        return [.. Regex.Matches(select.Groups[1].Value, "<option value(?:=\"([^\"]*)\")?[ >]").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    /// <summary>No file but the definitions themselves in the folder: no temporary file from an upload left behind.</summary>
    public void AssertNoStrayFiles() =>
        Assert.DoesNotContain(Directory.EnumerateFiles(DashboardsDirectory, "*", SearchOption.AllDirectories),
            f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".sql", StringComparison.Ordinal));
}

[CollectionDefinition(Name)]
public sealed class DashboardsCollection : ICollectionFixture<DashboardsHost>
{
    public const string Name = "dashboards host";
}
