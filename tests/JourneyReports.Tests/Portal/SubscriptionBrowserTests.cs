using Microsoft.Playwright;
using MimeKit;

namespace JourneyReports.Tests;

/// <summary>
/// An analyst in a real browser (Debian's Chromium via Playwright) against the real server executable, which mails
/// through a real SMTP server on loopback: signs in, makes a weekly subscription for two department heads through the
/// form, runs it now, and each head's email holds their own department's rows and no other's.
/// </summary>
public sealed class SubscriptionBrowserTests : IAsyncLifetime, IClassFixture<SmtpTestServer>
{
    const string Analyst = "analyst@example.com", Password = "correct horse battery staple";
    readonly SmtpTestServer smtp;
    ServerProcess server = null!;
    string BaseUrl => server.BaseUrl;

    public SubscriptionBrowserTests(SmtpTestServer smtp)
    {
        this.smtp = smtp;
        smtp.Configure(new SmtpTestRules());
    }

    public async Task InitializeAsync()
    {
        server = await ServerProcess.StartAsync(("JourneyReports__Mail__Transport", "smtp"), ("JourneyReports__Mail__Smtp__Host", smtp.Host),
            ("JourneyReports__Mail__Smtp__Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("JourneyReports__Mail__Smtp__MessagesPerMinute", "0"));
        await server.AddAccountAsync(Analyst, Roles.Analyst, "all", Password);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task AnAnalyst_MakesAWeeklySubscriptionForTwoDepartmentHeads_RunsItNow_AndEachEmailHoldsOnlyTheirDepartment()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ServerProcess.LaunchBrowserAsync(playwright);
        // A phone's screen: the form must work there too.
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 412, Height = 900 } });

        await page.GotoAsync($"{BaseUrl}/subscriptions/new");
        await page.FillAsync("input[name=email]", Analyst);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync("**/subscriptions/new");

        await page.FillAsync("input[name=name]", "browser-heads");
        await page.SelectOptionAsync("select[name=report]", "department-breakdown");
        await page.SelectOptionAsync("select[name=period]", "last-complete-week");
        await page.SelectOptionAsync("select[name=frequency]", "weekly");
        await page.CheckAsync("input[name=weekdays][value='1']");
        await page.FillAsync("input[name=time]", "08:00");
        await page.SelectOptionAsync("select[name=timeZone]", "Europe/London");
        var emails = page.Locator("input[name='r.email']");
        var departments = page.Locator("input[name='r.department']");
        await emails.Nth(0).FillAsync("electronics-head@example.com");
        await departments.Nth(0).FillAsync("Electronics");
        await emails.Nth(1).FillAsync("fashion-head@example.com");
        await departments.Nth(1).FillAsync("Fashion");
        await page.CheckAsync("input[name=formats][value=csv]");

        await page.ClickAsync("button:has-text('Preview schedule')");
        Assert.Equal("0 8 * * 1", await page.InnerTextAsync("#made-cron"));
        Assert.Equal(5, await page.Locator("ol.fire-times li").CountAsync());
        Assert.All(await page.Locator("ol.fire-times li").AllInnerTextsAsync(), t => Assert.Matches(@"^Mon \d{4}-\d{2}-\d{2} 08:00 \+0[01]:00$", t));
        Assert.Equal("fashion-head@example.com", await emails.Nth(1).InputValueAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "jr-portal-subscription-form.png"), FullPage = true });

        await page.ClickAsync("button[value=save]");
        await page.WaitForURLAsync("**/subscriptions/*/edit?done=saved");
        await page.ClickAsync("button:has-text('Run now')");
        await page.WaitForURLAsync("**done=run**");
        Assert.Contains("Run queued", await page.InnerTextAsync("main"));

        // The run is a background job: wait for both emails, however long this machine takes.
        var received = await ReceivedAsync(2, TimeSpan.FromMinutes(3));
        foreach (var (head, department) in new[] { ("electronics-head@example.com", "Electronics"), ("fashion-head@example.com", "Fashion") })
        {
            var email = Assert.Single(received, m => m.EnvelopeTo.Contains(head)).Message;
            Assert.Equal(head, email.To.Mailboxes.Single().Address);
            var csv = Assert.Single(email.Attachments.OfType<MimePart>(), a => a.FileName?.EndsWith("-departments.csv", StringComparison.Ordinal) == true);
            Assert.Equal([department], RunsApiTests.DepartmentsIn(RunsApiTests.Bytes(csv)));
        }

        await page.ClickAsync("header >> text=Run history");
        await page.ClickAsync("table.runs a");
        var deliveries = await page.InnerTextAsync("table.deliveries");
        Assert.Contains("electronics-head@example.com", deliveries);
        Assert.Contains("fashion-head@example.com", deliveries);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "jr-portal-subscription-run.png"), FullPage = true });
    }

    async Task<IReadOnlyList<ReceivedMail>> ReceivedAsync(int count, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            var received = smtp.Received();
            if (received.Count >= count) return received;
            await Task.Delay(250);
        }
        throw new TimeoutException($"{count} emails did not arrive within {limit.TotalMinutes} minutes; the SMTP server got {smtp.Received().Count}. {smtp.Errors}");
    }
}
