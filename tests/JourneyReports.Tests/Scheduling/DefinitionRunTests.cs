using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace JourneyReports.Tests;

/// <summary>A dashboard definition run as a report, as a schedule runs it: artifacts, emails and the catalog.</summary>
public sealed class DefinitionRunTests : IAsyncLifetime
{
    // Monday 23 Nov 2026 08:00 in London: month-to-date is 1-22 Nov.
    static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    readonly string dir = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    JourneyReportsOptions options = null!;
    ReportRunner runner = null!;

    public async Task InitializeAsync()
    {
        options = new JourneyReportsOptions { DataDirectory = dir, DashboardsDirectory = Path.Combine(RepoPaths.Root, "dashboards") };
        await DemoWarehouse.SeedAsync(Warehouse.From(options), new DemoSpec(0.01, 7, new DateOnly(2026, 11, 22)), replace: false, null, default);
        var catalog = Catalog.From(options);
        await catalog.MigrateAsync(default);
        runner = new ReportRunner(options, catalog, IMailTransport.From(options), new FixedClock(Monday), NullLogger<ReportRunner>.Instance);
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Definition_RunsForItsOwnPeriod_AndEmailsItsImageWorkbookAndALiveLink()
    {
        var result = await runner.RunAsync(new RunRequest("department-breakdown", "test", ["head@example.com"], "Europe/London", JourneyFilter.None), default);

        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 22)), (result.Period.FirstDay, result.Period.LastDay)); // month-to-date
        Assert.True(File.Exists(result.DashboardPath));
        Assert.True(File.Exists(Path.Combine(result.ArtifactsDirectory, ReportRunner.DashboardSvg)));
        var message = MimeMessage.Load(result.Deliveries.Single().Detail);
        Assert.Equal("Department breakdown: Period 1–22 Nov 2026 vs 10–31 Oct 2026", message.Subject);
        var inline = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
        Assert.Contains($"cid:{inline.ContentId}", message.HtmlBody);
        Assert.Equal("department-breakdown-2026-11-01.xlsx", message.Attachments.OfType<MimePart>().Single().FileName);
        Assert.Contains($"{options.PublicUrl}/dashboards/department-breakdown?from=2026-11-01&to=2026-11-22&tz=Europe%2FLondon", message.TextBody);
        var run = await Catalog.From(options).GetRunAsync(result.RunId, default);
        Assert.Equal(("department-breakdown", RunStatus.Succeeded), (run!.ReportId, run.Status));
    }

    [Fact]
    public async Task DefinitionWithKpiTiles_ListsItsKpisInTheEmailText_AndKeepsThemForTheRunPage()
    {
        var result = await runner.RunAsync(new RunRequest("funnel-and-drop-off", "test", [], "Europe/London", JourneyFilter.None), default);
        var weekly = await runner.RunAsync(new RunRequest("journey-map", "test", ["cmo@example.com"], "Europe/London", new JourneyFilter(Persona: "Bargain hunter")), default);

        Assert.Empty(result.Deliveries);
        Assert.Equal("[]", File.ReadAllText(Path.Combine(result.ArtifactsDirectory, ReportRunner.KpisJson)));   // no KPI tiles
        var message = MimeMessage.Load(weekly.Deliveries.Single().Detail);
        Assert.Contains("persona=Bargain%20hunter", message.TextBody);                                           // the filter follows the link
    }

    [Fact]
    public async Task UnknownReport_IsRefused_ListingTheReportsThatExist_WithoutARunRecord()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            runner.RunAsync(new RunRequest("sales-forecast", "test", [], "Europe/London", JourneyFilter.None), default));

        Assert.StartsWith("Unknown report 'sales-forecast'. Available: executive-weekly, channels-and-attribution,", e.Message);
        Assert.Empty(await Catalog.From(options).RecentRunsAsync(10, default));
    }

    [Fact]
    public void Schedule_MayNameAnyValidDefinition_AndAnUnknownReportIsAConfigurationError()
    {
        options.Schedules.Add(new ScheduleOptions { Report = "retention-and-churn", Recipients = ["cfo@example.com"] });
        options.Schedules.Add(new ScheduleOptions { Id = "typo", Report = "retention-and-chrun", Recipients = ["cfo@example.com"] });

        var errors = OptionsValidation.Validate(options);

        Assert.Equal(["JourneyReports:Schedules:1:Report 'retention-and-chrun' is not a known report; available: " + string.Join(", ", ReportRunner.ReportIds(options)) + "."], errors);
    }
}
