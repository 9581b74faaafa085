using MimeKit;

namespace JourneyReports.Tests;

/// <summary>A dashboard definition run as a report, as a schedule runs it: artifacts, emails and the catalog.</summary>
public sealed class DefinitionRunTests(ReportsDemoYear demo) : IAsyncLifetime, IClassFixture<ReportsDemoYear>
{
    // The runner's clock stands at Monday 23 Nov 2026 08:00 in London: month-to-date is 1-22 Nov.
    readonly string dir = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    JourneyReportsOptions options = null!;
    ReportRunner runner = null!;

    public async Task InitializeAsync()
    {
        options = demo.Options(dir);
        runner = await DemoReportRunner.CreateAsync(options);
    }

    public Task DisposeAsync() => DemoReportRunner.DeleteAsync(dir);

    [Fact]
    public async Task Definition_RunsForItsOwnPeriod_AndEmailsItsImageWorkbookAndALiveLink()
    {
        var result = await runner.RunAsync(new RunRequest("department-breakdown", "test", ["head@example.com"], "Europe/London", JourneyFilter.None), default);

        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 22)), (result.Period.FirstDay, result.Period.LastDay)); // month-to-date
        Assert.True(File.Exists(result.DashboardPath));
        Assert.True(File.Exists(Path.Combine(result.ArtifactsDirectory, RunArtifacts.DashboardSvg)));
        var message = MimeMessage.Load(result.Deliveries.Single().Detail);
        Assert.Equal("Department breakdown: Period 1–22 Nov 2026 vs 10–31 Oct 2026", message.Subject);
        var inline = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
        Assert.Contains($"cid:{inline.ContentId}", message.HtmlBody);
        Assert.Equal("department-breakdown-2026-11-01.xlsx", message.Attachments.OfType<MimePart>().Single().FileName);
        Assert.Contains($"{options.PublicUrl}/dashboards/department-breakdown?from=2026-11-01&to=2026-11-22&tz=Europe%2FLondon", message.TextBody);
        var run = await TestEngine.Catalog(options).GetRunAsync(result.RunId, default);
        Assert.Equal(("department-breakdown", RunStatus.Succeeded), (run!.ReportId, run.Status));
    }

    [Fact]
    public async Task DefinitionRun_KeepsItsTitleKpisAndLiveLinkForTheRunPage_AndAPersonaFollowsTheLink()
    {
        var result = await runner.RunAsync(new RunRequest("funnel-and-drop-off", "test", [], "Europe/London", JourneyFilter.None), default);
        var persona = await runner.RunAsync(new RunRequest("journey-map", "test", ["cmo@example.com"], "Europe/London", new JourneyFilter(Persona: "Bargain hunter")), default);

        Assert.Empty(result.Deliveries);
        var summary = System.Text.Json.JsonSerializer.Deserialize<DefinitionRunSummary>(File.ReadAllBytes(Path.Combine(result.ArtifactsDirectory, RunArtifacts.Summary)))!;
        Assert.Equal("Funnel and drop-off", summary.Title);
        Assert.Empty(summary.Kpis);                                                                   // no KPI tiles on it
        Assert.Equal("/dashboards/funnel-and-drop-off?from=2026-10-26&to=2026-11-22&tz=Europe%2FLondon", summary.LivePath);
        var message = MimeMessage.Load(persona.Deliveries.Single().Detail);
        Assert.Contains("persona=Bargain%20hunter", message.TextBody);
    }

    [Fact]
    public async Task ADatasetThatFails_FailsTheRun_AndSendsNothing_NamingTheDatasetAndItsError()
    {
        var folder = Path.Combine(dir, "boards");
        Directory.CreateDirectory(folder);
        // Binds (so the definition is valid) but fails when it runs: the text is no number.
        File.WriteAllText(Path.Combine(folder, "bad.sql"), "SELECT CAST('many' AS INTEGER) AS n, 'x' AS label FROM customers LIMIT 1");
        File.WriteAllText(Path.Combine(folder, "half-broken.json"), """
            { "name": "half-broken", "title": "Half broken", "version": 1,
              "datasets": { "funnel": { "metric": "funnel" }, "odd": { "sql": "bad.sql" } },
              "visuals": [
                { "id": "f", "type": "funnel", "dataset": "funnel", "fields": { "label": "stage", "value": "customers" }, "position": { "row": 1, "col": 1, "width": 6, "height": 3 } },
                { "id": "t", "type": "table", "dataset": "odd", "position": { "row": 1, "col": 7, "width": 6, "height": 3 } } ],
              "layout": { "rows": 3, "columns": 12 } }
            """);
        options.DashboardsDirectory = folder;

        var e = await Assert.ThrowsAsync<ReportFailedException>(() =>
            runner.RunAsync(new RunRequest("half-broken", "test", ["ops@example.com"], "Europe/London", JourneyFilter.None), default));

        // An executive must not be sent a dashboard with a hole in it: nothing goes out, and the run says why.
        Assert.StartsWith("1 of 2 visuals could not be drawn, so nothing was sent: t (dataset odd): Could not load data: ", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir, "outbox")) && Directory.EnumerateFiles(Path.Combine(dir, "outbox")).Any());
        var run = (await TestEngine.Catalog(options).RecentRunsAsync(1, default)).Single();
        Assert.Equal((RunStatus.Failed, e.Message), (run.Status, run.Error));
        // The recipient is in the run's history, as not sent and why.
        var delivery = Assert.Single(await TestEngine.Catalog(options).DeliveriesAsync(run.RunId, default));
        Assert.Equal(("ops@example.com", RecipientStatus.NotSent, e.Message), (delivery.Recipient, delivery.Status, delivery.Detail));
        // Its dashboard is kept with the run, so whoever looks into it sees which cell failed.
        Assert.True(File.Exists(Path.Combine(run.ArtifactsDir!, RunArtifacts.DashboardPng)));
    }

    [Fact]
    public async Task AReportWhoseDefinitionIsGone_IsRecordedAsAFailedRun_NamingTheReportsThatExist()
    {
        var e = await Assert.ThrowsAsync<ReportNotRunnableException>(() =>
            runner.RunAsync(new RunRequest("sales-forecast", "schedule:weekly", [], "Europe/London", JourneyFilter.None), default));

        Assert.StartsWith("Report 'sales-forecast' cannot run: there is no dashboard definition 'sales-forecast'; there are: channels-and-attribution,", e.Message);
        var run = (await TestEngine.Catalog(options).RecentRunsAsync(10, default)).Single();
        Assert.Equal(("sales-forecast", RunStatus.Failed, e.Message), (run.ReportId, run.Status, run.Error));
    }

    [Fact]
    public void Schedule_MayNameAnyValidDefinition_AndAnUnknownReportIsAConfigurationError()
    {
        options.Schedules.Add(new ScheduleOptions { Report = "retention-and-churn", Recipients = ["cfo@example.com"] });
        options.Schedules.Add(new ScheduleOptions { Id = "typo", Report = "retention-and-chrun", Recipients = ["cfo@example.com"] });

        var errors = OptionsValidation.Validate(options);

        Assert.Equal(["JourneyReports:Schedules:1:Report 'retention-and-chrun' is not a known report; available: channels-and-attribution, customer-experience, " +
            "department-breakdown, executive-weekly, funnel-and-drop-off, journey-map, paths-and-flows, retention-and-churn."], errors);
    }

    [Fact]
    public void ScheduleNamingADefinitionWithErrors_IsAConfigurationError_ThatGivesTheDefinitionsErrors()
    {
        var folder = Path.Combine(dir, "broken-boards");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "monthly.json"), File.ReadAllText(Path.Combine(RepoPaths.Root, "dashboards", "department-breakdown.json"))
            .Replace("\"name\": \"department-breakdown\"", "\"name\": \"monthly\"").Replace("month-to-date", "month-to-dat"));
        options.DashboardsDirectory = folder;
        options.Schedules.Add(new ScheduleOptions { Report = "monthly", Recipients = ["cfo@example.com"] });

        var error = Assert.Single(OptionsValidation.Validate(options));

        Assert.StartsWith("JourneyReports:Schedules:0:Report the definition of 'monthly' has errors: ", error);
        Assert.Contains("unknown relative period 'month-to-dat'", error);
    }

    [Theory]
    [InlineData("256MB")]
    [InlineData("2GB")]
    [InlineData("512MiB")]
    [InlineData("1.5 GiB")]
    public void ImportMemoryLimit_AcceptsTheSizesDuckDbReads(string size)
    {
        options.Warehouse.ImportMemoryLimit = size;

        Assert.Empty(OptionsValidation.Validate(options));
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("25%")]
    [InlineData("256MB'; DROP TABLE events; --")]
    [InlineData("")]
    public void ImportMemoryLimit_ThatIsNotASize_IsAConfigurationError(string size)
    {
        options.Warehouse.ImportMemoryLimit = size;

        Assert.Equal([$"JourneyReports:Warehouse:ImportMemoryLimit '{size}' is not a memory size like 256MB or 2GB."], OptionsValidation.Validate(options));
    }
}
