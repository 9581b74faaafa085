using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>
/// Dashboard results kept by the web server, through real HTTP on the test host: what is asked again is not queried
/// again, and everything that makes a result different (filters, period, the day, the data, the definition and its SQL)
/// is queried afresh. Queries are counted by the cache's own counter, never timed. Each test asks for parameters no
/// other test here uses, so the tests do not depend on one another's results.
/// </summary>
public sealed class DashboardResultCacheTests : IClassFixture<DashboardResultCacheTests.Host>
{
    /// <summary>The server over a copy of the built-in dashboards (the tests edit it), at Tuesday 17 November 2026 09:00 UTC.</summary>
    public sealed class Host : ServerHost
    {
        public string Dashboards { get; } = CopyOfTheDashboards();
        public MovableClock Clock { get; } = new(Tuesday);

        protected override IEnumerable<(string, string)> Settings => [("JourneyReports:DashboardsDirectory", Dashboards)];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        static string CopyOfTheDashboards()
        {
            var folder = Path.Combine(Path.GetTempPath(), "jr-tests", "boards-" + Guid.NewGuid().ToString("n"));
            Directory.CreateDirectory(Path.Combine(folder, "queries"));
            foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "dashboards"), "*.json"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            return folder;
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            try { Directory.Delete(Dashboards, recursive: true); } catch (IOException) { }
        }
    }

    static readonly DateTimeOffset Tuesday = new(2026, 11, 17, 9, 0, 0, TimeSpan.Zero);

    readonly Host host;
    readonly HttpClient client;

    public DashboardResultCacheTests(Host host)
    {
        this.host = host;
        client = host.CreateClient();
    }

    /// <summary>How many times the dashboards' queries ran while <paramref name="requests"/> were answered.</summary>
    async Task<int> QueriesRunFor(Func<Task> requests)
    {
        var cache = host.Services.GetRequiredService<DashboardResultCache>();
        var before = cache.Computations;
        await requests();
        return cache.Computations - before;
    }

    async Task<string> Get(string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task TheSameDashboardAskedTwice_IsQueriedOnce_AndDrawnTheSame()
    {
        var pages = new List<string>();

        var runs = await QueriesRunFor(async () =>
        {
            pages.Add(await Get("/dashboards/executive-weekly?persona=Loyal+regular"));
            pages.Add(await Get("/dashboards/executive-weekly?persona=Loyal+regular"));
        });

        Assert.Equal(1, runs);
        // The same page but for the sign-out form's antiforgery token, which is new with every page by design.
        static string WithoutToken(string page) => System.Text.RegularExpressions.Regex.Replace(page, "name=\"__RequestVerificationToken\" value=\"[^\"]*\"", "");
        Assert.Equal(WithoutToken(pages[0]), WithoutToken(pages[1]));
    }

    [Fact]
    public async Task APageAndItsDownloads_ForTheSameParameters_ShareOneResult()
    {
        var runs = await QueriesRunFor(async () =>
        {
            foreach (var file in new[] { "", "/dashboard.png", "/dashboard.svg", "/workbook.xlsx" })
                await Get($"/dashboards/executive-weekly{file}?device=tablet");
        });

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task TwentyRequestsAtOnce_ForADashboardNotYetComputed_RunItsQueriesOnce()
    {
        var runs = await QueriesRunFor(() => Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Get("/dashboards/executive-weekly?segment=vip"))));

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task ADifferentFilterPeriodComparisonOrZone_IsQueriedAfresh()
    {
        var runs = await QueriesRunFor(async () =>
        {
            await Get("/dashboards/executive-weekly?channel=email");
            await Get("/dashboards/executive-weekly?channel=social");                         // another filter value
            await Get("/dashboards/executive-weekly?channel=email&period=last-28-days");      // another period
            await Get("/dashboards/executive-weekly?channel=email&compare=none");             // no comparison
            await Get("/dashboards/executive-weekly?channel=email&tz=America/New_York");      // the same week in another zone
            await Get("/dashboards/executive-weekly?channel=email");                          // the first again
        });

        Assert.Equal(5, runs);
    }

    [Fact]
    public async Task ParametersThatMeanTheSame_ShareOneResult_WhateverTheUrlSays()
    {
        // At Tuesday 17 November 09:00 in London the last 28 days are 20 October to 16 November; a blank persona is no persona.
        var runs = await QueriesRunFor(async () =>
        {
            await Get("/dashboards/executive-weekly?period=last-28-days&device=desktop&channel=search");
            await Get("/dashboards/executive-weekly?channel=search&device=desktop&persona=&from=2026-10-20&to=2026-11-16");
        });

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task ARelativePeriod_IsKeptForItsDates_ALaterHourReusesIt_TheNextDayQueriesAfresh()
    {
        const string url = "/dashboards/executive-weekly?period=last-7-days&tz=UTC&region=North";
        try
        {
            var runs = await QueriesRunFor(async () =>
            {
                host.Clock.Now = Tuesday;
                await Get(url);
                host.Clock.Now = Tuesday.AddHours(14);   // 23:00 the same day: still 10 to 16 November
                await Get(url);
                host.Clock.Now = Tuesday.AddDays(1);     // Wednesday: 11 to 17 November
                await Get(url);
            });

            Assert.Equal(2, runs);
        }
        finally
        {
            host.Clock.Now = Tuesday;
        }
    }

    [Fact]
    public async Task ASeed_ChangesTheDataVersion_SoTheSameDashboardIsQueriedAfresh()
    {
        const string url = "/dashboards/executive-weekly?region=South";
        var warehouse = host.Services.GetRequiredService<JourneyWarehouse>();
        await Get(url);
        var before = warehouse.Provider.DataVersion;

        var runs = await QueriesRunFor(async () =>
        {
            await DemoWarehouse.SeedAsync(warehouse, new DemoSpec(0.01, 7, DateOnly.FromDateTime(Tuesday.UtcDateTime)), replace: true, null, default);
            await Get(url);
            await Get(url);
        });

        Assert.NotEqual(before, warehouse.Provider.DataVersion);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task AnEditedDefinition_IsQueriedAfresh_AndShowsTheEdit()
    {
        const string url = "/dashboards/funnel-and-drop-off?channel=email";
        var file = Path.Combine(host.Dashboards, "funnel-and-drop-off.json");
        await Get(url);

        string edited = "";
        var runs = await QueriesRunFor(async () =>
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace("\"title\": \"Funnel and drop-off\"", "\"title\": \"Funnel, edited\""));
            edited = await Get(url);
            await Get(url);
        });

        Assert.Equal(1, runs);
        Assert.Contains("<h1>Funnel, edited</h1>", edited);
    }

    [Fact]
    public async Task ADefinitionDroppedIntoTheFolder_ShowsUpWithoutARestart()
    {
        var json = File.ReadAllText(Path.Combine(host.Dashboards, "executive-weekly.json"))
            .Replace("\"name\": \"executive-weekly\"", "\"name\": \"dropped-in\"").Replace("\"title\": \"Executive weekly journey\"", "\"title\": \"Dropped in\"");
        Assert.DoesNotContain("Dropped in", await Get("/dashboards"));

        File.WriteAllText(Path.Combine(host.Dashboards, "dropped-in.json"), json);

        Assert.Contains("Dropped in", await Get("/dashboards"));
        Assert.Contains("<h1>Dropped in</h1>", await Get("/dashboards/dropped-in"));
    }

    [Fact]
    public async Task AnEditedAnalystSqlFile_IsQueriedAfresh()
    {
        var sql = Path.Combine(host.Dashboards, "queries", "labels.sql");
        File.WriteAllText(sql, "SELECT 'before' AS label, 1 AS n");
        File.WriteAllText(Path.Combine(host.Dashboards, "analyst-labels.json"), AnalystBoard("analyst-labels", "queries/labels.sql"));
        await Get("/dashboards/analyst-labels/data/labels.csv");

        string csv = "";
        var runs = await QueriesRunFor(async () =>
        {
            File.WriteAllText(sql, "SELECT 'after, edited' AS label, 2 AS n");
            csv = await Get("/dashboards/analyst-labels/data/labels.csv");
            await Get("/dashboards/analyst-labels/data/labels.csv");
        });

        Assert.Equal(1, runs);
        Assert.Contains("\"after, edited\",2", csv);
    }

    [Fact]
    public async Task ADashboardWithAFailedDataset_IsNotKept_SoEveryRequestTriesAgain()
    {
        // Valid SQL that fails only when it runs: an event type is no number.
        File.WriteAllText(Path.Combine(host.Dashboards, "queries", "fails.sql"), "SELECT event_type AS label, CAST(event_type AS INTEGER) AS n FROM events");
        File.WriteAllText(Path.Combine(host.Dashboards, "analyst-fails.json"), AnalystBoard("analyst-fails", "queries/fails.sql"));
        var pages = new List<string>();

        var runs = await QueriesRunFor(async () =>
        {
            pages.Add(await Get("/dashboards/analyst-fails"));
            pages.Add(await Get("/dashboards/analyst-fails"));
        });

        Assert.Equal(2, runs);
        Assert.All(pages, page => Assert.Contains("could not be drawn", page));
    }

    /// <summary>A one-table definition whose only dataset, "labels", is the analyst SQL file <paramref name="sql"/>.</summary>
    static string AnalystBoard(string name, string sql) => $$"""
        { "name": "{{name}}", "title": "{{name}}", "version": 1,
          "datasets": { "labels": { "sql": "{{sql}}" } },
          "visuals": [ { "id": "t", "type": "table", "dataset": "labels", "position": { "row": 1, "col": 1, "width": 12, "height": 3 } } ],
          "layout": { "rows": 3, "columns": 12 } }
        """;
}
