using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace JourneyReports.Tests;

/// <summary>
/// Subscriptions run as the schedule runs them, over a demo year and a real SMTP server on loopback: each recipient gets
/// their own slice, exactly once, whatever the server answers. The clock stands at Monday 23 Nov 2026 08:00 London
/// (the week is 16–22 Nov), the fire time of a Mondays-08:00 subscription.
/// </summary>
public sealed class SubscriptionRunTests : IClassFixture<ReportsDemoYear>, IClassFixture<SmtpTestServer>, IDisposable
{
    static readonly DateTimeOffset Fire = DemoReportRunner.Monday;
    static readonly string[] Departments = ["Beauty", "Electronics", "Fashion", "Garden & DIY", "Home & Kitchen", "Toys & Books"];
    readonly ReportsDemoYear demo;
    readonly SmtpTestServer smtp;
    readonly string dir = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));

    public SubscriptionRunTests(ReportsDemoYear demo, SmtpTestServer smtp)
    {
        (this.demo, this.smtp) = (demo, smtp);
        smtp.Configure(new SmtpTestRules());
    }

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>The engine over the demo year, mailing the loopback server (or <paramref name="port"/>), retrying once at once.</summary>
    async Task<ServiceProvider> EngineAsync(int? port = null, int timeoutSeconds = 10, DateTimeOffset? now = null, long? maxMessageBytes = null)
    {
        var options = demo.Options(dir);
        if (maxMessageBytes is { } max) options.Mail.MaxMessageBytes = max;
        options.Mail.Transport = "smtp";
        options.Mail.Smtp = smtp.Options(timeoutSeconds);
        if (port is { } p) options.Mail.Smtp.Port = p;
        options.Mail.Retry = new RetryOptions { MaxAttempts = 2, FirstDelaySeconds = 0, MaxDelaySeconds = 0 };
        var services = TestEngine.Services(options, new FixedClock(now ?? Fire));
        await services.GetRequiredService<ReportCatalog>().MigrateAsync(default);
        return services;
    }

    static async Task<Subscription> SaveAsync(ServiceProvider services, Subscription subscription) =>
        await services.GetRequiredService<ReportCatalog>().SaveSubscriptionAsync(subscription, Fire, default);

    static Subscription Heads(params SubscriptionRecipient[] recipients) => new()
    {
        Name = "department-heads", Owner = "analyst@example.com", Report = "department-breakdown", Cron = "0 8 * * 1", TimeZone = "Europe/London",
        Parameters = new() { ["period"] = "last-complete-week" }, Formats = ["inline-png", "xlsx"], Recipients = [.. recipients],
    };

    static SubscriptionRecipient Head(string email, string department) => new(email, new Dictionary<string, string> { ["department"] = department });

    static Task RunAsync(ServiceProvider services, Subscription subscription) =>
        services.GetRequiredService<SubscriptionJob>().RunAsync(subscription, Fire, "schedule", default);

    async Task<RunRecord> LastRunAsync(ServiceProvider services) =>
        (await services.GetRequiredService<ReportCatalog>().RecentRunsAsync(1, default)).Single();

    IReadOnlyList<string> ReceivedBy(string address) =>
        [.. smtp.Received().Where(m => m.EnvelopeTo.Contains(address, StringComparer.OrdinalIgnoreCase)).Select(m => m.Message.Subject ?? "")];

    /// <summary>
    /// Every text and number in the attached workbook. Read with the Open XML SDK: ClosedXML cannot open a workbook that
    /// holds a picture (the dashboard) without libgdiplus.
    /// </summary>
    static IEnumerable<string> WorkbookText(MimeMessage message)
    {
        var xlsx = message.Attachments.OfType<MimePart>().Single(p => p.FileName?.EndsWith(".xlsx", StringComparison.Ordinal) == true);
        using var content = new MemoryStream();
        xlsx.Content!.DecodeTo(content);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(content, isEditable: false);
        var part = document.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return [.. part.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            .Select(c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)] : c.InnerText)];
    }

    [Fact]
    public async Task EachRecipient_GetsTheirOwnDepartment_AndNoOtherDepartmentsName_InTheEmailTheWorkbookOrTheDashboard()
    {
        await using var services = await EngineAsync();
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion"), Head("head.beauty@example.com", "Beauty")));

        await RunAsync(services, subscription);

        var run = await LastRunAsync(services);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        foreach (var (address, department) in new[] { ("head.fashion@example.com", "Fashion"), ("head.beauty@example.com", "Beauty") })
        {
            var message = smtp.Received().Single(m => m.EnvelopeTo.Contains(address)).Message;
            var others = Departments.Where(d => d != department).ToList();
            var workbook = WorkbookText(message).ToList();
            Assert.Contains(department, workbook);
            Assert.DoesNotContain(workbook, cell => others.Any(o => cell.Contains(o, StringComparison.Ordinal)));
            Assert.Contains($"department={Uri.EscapeDataString(department)}", message.TextBody);
            Assert.Contains($"Department: {department}", message.TextBody);
            Assert.DoesNotContain(others, o => message.TextBody!.Contains(o, StringComparison.Ordinal) || message.HtmlBody!.Contains(o, StringComparison.Ordinal));
        }
        // Each slice's dashboard is kept with the run: the first slice's at the run's root, the second beside it.
        var svgs = new[] { Path.Combine(run.ArtifactsDir!, RunArtifacts.DashboardSvg), Path.Combine(run.ArtifactsDir!, "slices", "1", RunArtifacts.DashboardSvg) };
        Assert.Contains("Fashion", File.ReadAllText(svgs[0]));
        Assert.DoesNotContain("Beauty", File.ReadAllText(svgs[0]));
        Assert.Contains("Beauty", File.ReadAllText(svgs[1]));
        Assert.DoesNotContain("Fashion", File.ReadAllText(svgs[1]));

        // The numbers are the department's: its revenue in the week, as the departments metric filtered to it gives it.
        var (metrics, connection) = await demo.MetricsAsync();
        await using (connection)
        {
            var week = ReportPeriod.Days(new(2026, 11, 16), new(2026, 11, 22), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
            var fashion = Assert.Single(await metrics.DepartmentsAsync(week, new JourneyFilter(Department: "Fashion"), default));
            var all = await metrics.DepartmentsAsync(week, JourneyFilter.None, default);
            Assert.Equal(6, all.Count);
            var fashionWorkbook = WorkbookText(smtp.Received().Single(m => m.EnvelopeTo.Contains("head.fashion@example.com")).Message).ToList();
            Assert.Contains(fashionWorkbook, cell => decimal.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out var v) && v == fashion.Revenue);
            Assert.True(all.Sum(d => d.Revenue) > fashion.Revenue);
        }
    }

    [Fact]
    public async Task ARecipientWithAnAccount_GetsTheirOwnScope_NotTheOwnersNorTheSubscriptions_AndASliceOutsideItIsNotSent()
    {
        await using var services = await EngineAsync();
        var catalog = services.GetRequiredService<ReportCatalog>();
        await catalog.AddUserAsync("head.electronics@example.com", "Elle", Roles.Viewer, DataScope.Parse("department=Electronics").Scope!.ToJson(), null, Fire, default);
        await catalog.AddUserAsync("head.toys@example.com", "Toby", Roles.Viewer, DataScope.Parse("department=Toys & Books").Scope!.ToJson(), null, Fire, default);
        // The subscription itself asks for Fashion (the owner's view); one recipient has no slice, the other names one outside their scope.
        var subscription = await SaveAsync(services, Heads(new SubscriptionRecipient("head.electronics@example.com"), Head("head.toys@example.com", "Beauty")) with
        {
            Parameters = new() { ["period"] = "last-complete-week", ["department"] = "Fashion" },
        });

        await RunAsync(services, subscription);

        var electronics = WorkbookText(smtp.Received().Single(m => m.EnvelopeTo.Contains("head.electronics@example.com")).Message).ToList();
        Assert.Contains("Electronics", electronics);
        Assert.DoesNotContain(electronics, cell => Departments.Where(d => d != "Electronics").Any(o => cell.Contains(o, StringComparison.Ordinal)));
        Assert.Empty(ReceivedBy("head.toys@example.com"));
        var deliveries = await catalog.DeliveriesAsync((await LastRunAsync(services)).RunId, default);
        var refused = Assert.Single(deliveries, d => d.Recipient == "head.toys@example.com");
        Assert.Equal(RecipientStatus.Skipped, refused.Status);
        Assert.Equal("not sent: the slice's department 'Beauty' is outside head.toys@example.com's data scope (department: Toys & Books)", refused.Detail);
        // Both outcomes are in the audit log, with the sign-ins and changes.
        var audit = await catalog.AuditLogAsync("delivery", 10, 0, default);
        Assert.Contains(audit, a => a.Target == "head.electronics@example.com" && a.Detail!.StartsWith("run 1 via smtp: sent: ", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Target == "head.toys@example.com" && a.Detail!.StartsWith("run 1 via smtp: skipped: not sent: the slice's department 'Beauty'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARunOfTheSameFireAgain_SendsNobodyASecondEmail()
    {
        await using var services = await EngineAsync();
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion"), Head("head.beauty@example.com", "Beauty")));
        await RunAsync(services, subscription);

        // A retried job or a second fire of the same time (the fire was already delivered: nothing to do) ...
        await RunAsync(services, subscription);
        // ... and a resumed run that gets as far as delivering: the ledger says each was delivered for the week.
        await services.GetRequiredService<ReportRunner>().RunAsync(
            RunPlan.For(subscription, await services.GetRequiredService<SubscriptionRecipients>().ResolveAsync(subscription, default), "resume", Fire), default);

        Assert.Single(ReceivedBy("head.fashion@example.com"));
        Assert.Single(ReceivedBy("head.beauty@example.com"));
        var last = await LastRunAsync(services);
        Assert.All(await services.GetRequiredService<ReportCatalog>().DeliveriesAsync(last.RunId, default),
            d => Assert.Equal(RecipientStatus.AlreadyDelivered, d.Status));
    }

    [Fact]
    public async Task A451_IsTriedAgain_AndDeliveredOnce()
    {
        smtp.Configure(new SmtpTestRules { Replies = [new SmtpTestReply("head.fashion@example.com", 451, "4.3.0 Try again later", Times: 1)] });
        await using var services = await EngineAsync();
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion")));

        await RunAsync(services, subscription);

        Assert.Single(ReceivedBy("head.fashion@example.com"));
        var run = await LastRunAsync(services);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        var entry = await services.GetRequiredService<ReportCatalog>().LedgerEntryAsync(subscription.Id, "2026-11-23T08:00:00Z 2026-11-16..2026-11-22 Europe/London", "head.fashion@example.com", default);
        Assert.Equal(RecipientStatus.Sent, entry!.Status);
    }

    [Fact]
    public async Task A550ForOneOfThree_LeavesTheRunPartial_TellsTheOwner_AndTheOthersAreDelivered()
    {
        smtp.Configure(new SmtpTestRules { Replies = [new SmtpTestReply("gone@example.com", 550, "5.1.1 No such user")] });
        await using var services = await EngineAsync();
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion"), Head("gone@example.com", "Fashion"),
            Head("head.beauty@example.com", "Beauty")));

        await RunAsync(services, subscription);

        var run = await LastRunAsync(services);
        Assert.Equal(RunStatus.Partial, run.Status);
        Assert.Contains("gone@example.com (permanent)", run.Error);
        Assert.Single(ReceivedBy("head.fashion@example.com"));
        Assert.Single(ReceivedBy("head.beauty@example.com"));
        Assert.Empty(ReceivedBy("gone@example.com"));
        var notice = Assert.Single(ReceivedBy("analyst@example.com"));
        Assert.Equal($"JourneyReports: subscription 'department-heads' run {run.RunId} partial", notice);
        var deliveries = await services.GetRequiredService<ReportCatalog>().DeliveriesAsync(run.RunId, default);
        Assert.Contains(deliveries, d => d.Recipient == "gone@example.com" && d.Status == RecipientStatus.Permanent && d.Detail!.Contains("550"));
    }

    [Fact]
    public async Task AServerThatIsDown_FailsTheRunForARetry_AndTheRetryDeliversEachOnce()
    {
        var subscription = Heads(Head("head.fashion@example.com", "Fashion"), Head("head.beauty@example.com", "Beauty"));
        await using (var down = await EngineAsync(port: SmtpTestServer.UnusedPort()))
        {
            subscription = await SaveAsync(down, subscription);
            await Assert.ThrowsAsync<DeliveryIncompleteException>(() => RunAsync(down, subscription));
            var failed = await LastRunAsync(down);
            Assert.Equal(RunStatus.Failed, failed.Status);
            Assert.Contains("will be tried again", failed.Error);
        }

        await using var up = await EngineAsync();
        await RunAsync(up, subscription);

        Assert.Single(ReceivedBy("head.fashion@example.com"));
        Assert.Single(ReceivedBy("head.beauty@example.com"));
        Assert.Equal(RunStatus.Succeeded, (await LastRunAsync(up)).Status);
    }

    [Fact]
    public async Task NoReplyAfterTheWholeMessage_IsUncertain_AndNotSentAgain()
    {
        // The server keeps the message but answers after the client's timeout: a resend would be a duplicate.
        smtp.Configure(new SmtpTestRules { DataDelaySeconds = 3 });
        await using var services = await EngineAsync(timeoutSeconds: 1);
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion")));

        await RunAsync(services, subscription);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await services.GetRequiredService<ReportRunner>().RunAsync(
            RunPlan.For(subscription, await services.GetRequiredService<SubscriptionRecipients>().ResolveAsync(subscription, default), "resume", Fire), default);

        Assert.Single(ReceivedBy("head.fashion@example.com"));
        var entry = await services.GetRequiredService<ReportCatalog>().LedgerEntryAsync(subscription.Id, "2026-11-23T08:00:00Z 2026-11-16..2026-11-22 Europe/London", "head.fashion@example.com", default);
        Assert.Equal(RecipientStatus.Uncertain, entry!.Status);
    }

    [Fact]
    public async Task AnUnsubscribedRecipient_IsSkipped_AndSaidSoInTheHistory()
    {
        await using var services = await EngineAsync();
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion"), Head("head.beauty@example.com", "Beauty")));
        await services.GetRequiredService<ReportCatalog>().UnsubscribeAsync(subscription.Id, "HEAD.BEAUTY@example.com", Fire, default);

        await RunAsync(services, subscription);

        Assert.Single(ReceivedBy("head.fashion@example.com"));
        Assert.Empty(ReceivedBy("head.beauty@example.com"));
        var deliveries = await services.GetRequiredService<ReportCatalog>().DeliveriesAsync((await LastRunAsync(services)).RunId, default);
        Assert.Contains(deliveries, d => d.Recipient == "head.beauty@example.com" && d.Status == RecipientStatus.Skipped && d.Detail == "unsubscribed");
    }

    [Fact]
    public async Task ARecipientsQuery_GivesEveryDepartmentHeadOfTheWarehouse_TheirOwnSlice()
    {
        await using var services = await EngineAsync();
        // One address per department there is: a department added to the warehouse gets its email with no edit here.
        var subscription = await SaveAsync(services, Heads() with
        {
            RecipientsSql = "SELECT 'head' || CAST(row_number() OVER (ORDER BY department) AS VARCHAR) || '@example.com' AS email, department " +
                            "FROM (SELECT DISTINCT department FROM products)",
        });

        await RunAsync(services, subscription);

        var received = smtp.Received();
        Assert.Equal(6, received.Count);
        for (var i = 0; i < Departments.Length; i++)
        {
            var message = received.Single(m => m.EnvelopeTo.Contains($"head{i + 1}@example.com")).Message;
            Assert.Contains($"Department: {Departments[i]}", message.TextBody);
        }
    }

    [Fact]
    public async Task APeriodWithoutData_SendsAShortNote_WithoutTheDashboardsFiles()
    {
        await using var services = await EngineAsync();
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion")) with
        {
            Parameters = new() { ["from"] = "2020-01-06", ["to"] = "2020-01-12" }, WhenEmpty = "note",
        });

        await RunAsync(services, subscription);

        var message = smtp.Received().Single().Message;
        Assert.Contains("There is no data for 6–12 Jan 2020 yet", message.TextBody);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public async Task AFireMissedWhileTheServerWasDown_RunsOnceWithinTheGrace_AndIsSkippedAfterIt()
    {
        // Back six hours and one minute after the 08:00 fire: past the grace, so that week is not sent late.
        await using (var late = await EngineAsync(now: Fire.AddHours(6).AddMinutes(1)))
        {
            var subscription = await SaveAsync(late, Heads(Head("head.fashion@example.com", "Fashion")));
            await late.GetRequiredService<SubscriptionJob>().FireAsync(subscription.Id, null, default);
            Assert.Empty(smtp.Received());
            Assert.Empty(await late.GetRequiredService<ReportCatalog>().RecentRunsAsync(5, default));
        }
        // Back within the grace: the missed fire runs once, for its own week.
        await using var soon = await EngineAsync(now: Fire.AddHours(2));
        var same = (await soon.GetRequiredService<ReportCatalog>().FindSubscriptionAsync("department-heads", default))!;
        await soon.GetRequiredService<SubscriptionJob>().FireAsync(same.Id, null, default);
        await soon.GetRequiredService<SubscriptionJob>().FireAsync(same.Id, null, default);

        Assert.Single(smtp.Received());
        Assert.Equal(Fire, DateTimeOffset.Parse((await LastRunAsync(soon)).FireTime!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task APausedSubscription_SendsNothing()
    {
        await using var services = await EngineAsync();
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion")) with { Enabled = false });

        await RunAsync(services, subscription);

        Assert.Empty(smtp.Received());
    }

    [Fact]
    public async Task ASubscriptionRunningAlready_IsNotRunASecondTimeAtOnce()
    {
        await using var services = await EngineAsync();
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion")));
        var catalog = services.GetRequiredService<ReportCatalog>();

        await using (var running = await catalog.TryLockSubscriptionAsync(subscription.Id, TimeSpan.FromMinutes(5), Fire, default))
        {
            Assert.NotNull(running);
            // Not run, and not dropped either: the schedule's retry runs it once the other run is done.
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(services, subscription));
            Assert.Contains("is running already", e.Message);
            Assert.Empty(smtp.Received());
            Assert.Empty(await catalog.RecentRunsAsync(5, default));
        }
        // Once the first run lets go, the fire runs.
        await RunAsync(services, subscription);
        Assert.Single(smtp.Received());
    }

    [Fact]
    public async Task AnEmailTooLargeForTheServer_LinksItsFiles_InsteadOfAttachingThem()
    {
        await using var services = await EngineAsync(maxMessageBytes: 200_000);
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion")) with { Formats = ["inline-png", "xlsx", "pdf"] });

        await RunAsync(services, subscription);

        var message = smtp.Received().Single().Message;
        Assert.Empty(message.Attachments);
        Assert.Contains("The files were too large to send by email, so they are not attached; download them instead:", message.TextBody);
        var run = await LastRunAsync(services);
        Assert.Contains($"- department-breakdown-2026-11-16.pdf: {demo.Options(dir).PublicUrl}/runs/{run.RunId}/files/dashboard.pdf", message.TextBody);
        Assert.Contains($"/runs/{run.RunId}/files/workbook.xlsx", message.TextBody);
        Assert.True(File.Exists(Path.Combine(run.ArtifactsDir!, RunArtifacts.DashboardPdf)));
        // The dashboard itself is still in the email.
        Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
    }

    [Fact]
    public async Task RunNow_AfterTheScheduledFire_IsADeliveryOfItsOwn()
    {
        await using var services = await EngineAsync();
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion")));
        await RunAsync(services, subscription);

        await services.GetRequiredService<SubscriptionJob>().RunNowAsync(subscription.Id, Fire.AddHours(1), default);

        Assert.Equal(2, ReceivedBy("head.fashion@example.com").Count);
    }

    [Fact]
    public async Task ARecipientRefusedForGood_StaysRefused_NotDelivered_WhenTheFireIsRunAgain()
    {
        smtp.Configure(new SmtpTestRules { Replies = [new SmtpTestReply("gone@example.com", 550, "5.1.1 No such user")] });
        await using var services = await EngineAsync();
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion"), Head("gone@example.com", "Fashion")));
        await RunAsync(services, subscription);

        await services.GetRequiredService<ReportRunner>().RunAsync(
            RunPlan.For(subscription, await services.GetRequiredService<SubscriptionRecipients>().ResolveAsync(subscription, default), "resume", Fire), default);

        var again = await LastRunAsync(services);
        Assert.Equal(RunStatus.Partial, again.Status);
        var deliveries = await services.GetRequiredService<ReportCatalog>().DeliveriesAsync(again.RunId, default);
        Assert.Contains(deliveries, d => d.Recipient == "gone@example.com" && d.Status == RecipientStatus.Permanent && d.Detail!.Contains("550"));
        Assert.Contains(deliveries, d => d.Recipient == "head.fashion@example.com" && d.Status == RecipientStatus.AlreadyDelivered);
        Assert.Single(ReceivedBy("head.fashion@example.com"));
    }

    [Fact]
    public async Task ARunLate_ReportsTheFiresPeriod_NotTheOneOfTheDayItRuns()
    {
        // Resumed eight days after the Monday fire: still the week before that Monday, not the week before this one.
        await using var services = await EngineAsync(now: Fire.AddDays(8));
        var subscription = await SaveAsync(services, Heads(Head("head.fashion@example.com", "Fashion")));

        await RunAsync(services, subscription);

        Assert.Equal(["Department breakdown: Week 16–22 Nov 2026 vs 9–15 Nov 2026"], ReceivedBy("head.fashion@example.com"));
    }
}
