using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using MimeKit;
using SkiaSharp;

namespace JourneyReports.Tests;

/// <summary>One real run of the executive weekly report over a generated demo warehouse: every artifact checked as a user would open it.</summary>
public sealed class ReportRunnerTests(ReportRunnerTests.OneRun run) : IClassFixture<ReportRunnerTests.OneRun>
{
    /// <summary>The run every test here looks at, made once.</summary>
    public sealed class OneRun : IAsyncLifetime
    {
        // The runner's clock stands at Monday 23 Nov 2026 08:00 in London: the last complete week is 16-22 Nov.
        readonly ReportsDemoYear demo = new();
        public JourneyReportsOptions Options { get; private set; } = null!;
        public RunResult Result { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await demo.InitializeAsync();
            Options = demo.Options(Path.Combine(demo.Directory, "data"));
            var runner = await DemoReportRunner.CreateAsync(Options);
            Result = await runner.RunAsync(new RunRequest("executive-weekly", "test", ["ceo@example.com", "cfo@example.com"], "Europe/London", JourneyFilter.None), default);
        }

        public Task DisposeAsync() => demo.DisposeAsync();
    }

    readonly JourneyReportsOptions options = run.Options;
    readonly RunResult result = run.Result;

    [Fact]
    public void Run_CoversTheLastCompleteWeek_InTheScheduleTimeZone()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), result.Period.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 22), result.Period.LastDay);
    }

    [Fact]
    public void Run_ProducesADashboardPng_ThatDecodesAtTheDashboardSize()
    {
        using var bitmap = SKBitmap.Decode(result.DashboardPath);
        Assert.NotNull(bitmap);
        // The width the executive definition's layout asks for, an email's width.
        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(DashboardComposer.PageHeight(SampleDashboards.Executive(), 1200), bitmap.Height);
    }

    [Fact]
    public void Run_ProducesAWorkbook_WithNoOpenXmlValidationErrors()
    {
        using var document = SpreadsheetDocument.Open(result.WorkbookPath, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void Run_WritesOneEmailPerRecipient_WithTheDashboardInlineAndTheWorkbookAttached()
    {
        Assert.Equal(["ceo@example.com", "cfo@example.com"], result.Deliveries.Select(d => d.Recipient));
        Assert.All(result.Deliveries, d => Assert.Equal("sent", d.Status));
        foreach (var delivery in result.Deliveries)
        {
            var message = MimeMessage.Load(delivery.Detail);
            Assert.Equal(delivery.Recipient, message.To.Mailboxes.Single().Address);
            Assert.Contains("Executive weekly journey", message.Subject);

            var inline = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
            Assert.False(string.IsNullOrEmpty(inline.ContentId));
            Assert.Contains($"cid:{inline.ContentId}", message.HtmlBody);
            Assert.Contains($"{options.PublicUrl}/dashboards/executive-weekly?from=2026-11-16&amp;to=2026-11-22&amp;tz=Europe%2FLondon", message.HtmlBody);
            Assert.Contains("Conversion rate", message.TextBody);

            var workbook = message.Attachments.OfType<MimePart>().Single();
            Assert.Equal("executive-weekly-2026-11-16.xlsx", workbook.FileName);
            Assert.Equal(ReportEmail.XlsxMediaType, workbook.ContentType.MimeType);
        }
    }

    [Fact]
    public async Task Run_IsRecordedInTheCatalog_WithItsDeliveries()
    {
        var catalog = TestEngine.Catalog(options);
        var run = await catalog.GetRunAsync(result.RunId, default);

        Assert.NotNull(run);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal("2026-11-16", run.PeriodFirst);
        Assert.Equal(result.ArtifactsDirectory, run.ArtifactsDir);
        Assert.Equal(2, (await catalog.DeliveriesAsync(result.RunId, default)).Count);
    }
}
