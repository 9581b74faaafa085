using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>The analysts' subscription pages through the real server: the editor's schedule builder and previews, problems beside their fields, the buttons, and home.</summary>
[Collection(BackgroundJobs.Name)]
public sealed class SubscriptionPagesTests(SubscriptionPagesTests.Host host) : IClassFixture<SubscriptionPagesTests.Host>
{
    public sealed class Host : ServerHost;

    ReportCatalog Catalog => host.Services.GetRequiredService<ReportCatalog>();

    // The admin by API token; redirects are followed by PostAsync itself, as HttpClient drops the token when it follows one.
    HttpClient Admin() => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Fields of the editor for a weekly subscription on Mondays and Wednesdays at 07:30 to two department heads.</summary>
    static List<KeyValuePair<string, string>> Weekly(string name, string action = "save") =>
    [
        new("name", name), new("owner", ""), new("report", "department-breakdown"), new("period", "last-complete-week"), new("compare", ""),
        new("scheduleMode", "builder"), new("frequency", "weekly"), new("weekdays", "1"), new("weekdays", "3"), new("dayOfMonth", "1"), new("time", "07:30"),
        new("cron", ""), new("timeZone", "Europe/London"),
        new("r.email", "electronics@example.com"), new("r.department", "Electronics"), new("r.region", ""),
        new("r.email", "fashion@example.com"), new("r.department", "Fashion"), new("r.region", ""),
        new("r.email", ""), new("r.department", ""), new("r.region", ""),
        new("formats", "inline-png"), new("formats", "xlsx"), new("whenEmpty", "note"), new("subject", ""), new("body", ""), new("enabled", "true"),
        new("action", action),
    ];

    static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string key, params string[] values) =>
        [.. fields.Where(f => f.Key != key), .. values.Select(v => new KeyValuePair<string, string>(key, v))];

    /// <summary>Posts a form as the page's own would (with the antiforgery token the page carries), then follows a redirect (PRG).</summary>
    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = Regex.Match(await client.GetStringAsync(page), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var response = await client.PostAsync(action, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
        return response.StatusCode == HttpStatusCode.Redirect ? await client.GetAsync(response.Headers.Location) : response;
    }

    async Task<Subscription> SaveAsync(HttpClient client, string name)
    {
        var saved = await PostAsync(client, "/subscriptions/new", "/subscriptions/new", Weekly(name));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return (await Catalog.FindSubscriptionAsync(name, default))!;
    }

    [Theory]
    [InlineData("/subscriptions")]
    [InlineData("/subscriptions/new")]
    [InlineData("/subscriptions/1/edit")]
    public async Task AViewer_IsForbiddenTheSubscriptionPages(string path)
    {
        var viewer = host.ClientAs("pages-viewer@example.com", Roles.Viewer, "department=Fashion");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task SavingTheForm_MakesTheCronOfTheBuilder_KeepsEachRecipientsSlice_AndGoesToTheSavedSubscription()
    {
        var client = Admin();

        var response = await PostAsync(client, "/subscriptions/new", "/subscriptions/new", Weekly("pages-weekly"));

        var saved = await Catalog.FindSubscriptionAsync("pages-weekly", default);
        Assert.NotNull(saved);
        Assert.Equal($"/subscriptions/{saved.Id}/edit", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Saved.", await response.Content.ReadAsStringAsync());
        Assert.Equal("30 7 * * 1,3", saved.Cron);
        Assert.Equal("admin@localhost", saved.Owner);
        Assert.Equal(["electronics@example.com:Electronics", "fashion@example.com:Fashion"], saved.Recipients.Select(r => $"{r.Email}:{r.Filters["department"]}"));
        Assert.Equal(["inline-png", "xlsx"], saved.Formats);
        Assert.Equal("last-complete-week", saved.Parameters["period"]);
        Assert.Contains(await Catalog.AuditLogAsync("subscription-saved", 50, 0, default), a => a.Target == "pages-weekly" && a.Actor == "admin@localhost");
    }

    [Fact]
    public async Task AFormWithProblems_ComesBack422_WithEachProblemBesideItsField_AndEveryValueKept()
    {
        var fields = With(With(With(Weekly("Not A Slug"), "weekdays"), "r.email", "not-an-address", "fashion@example.com", ""), "subject", "{{ reprot.title }}");

        var response = await PostAsync(Admin(), "/subscriptions/new", "/subscriptions/new", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("value=\"Not A Slug\"", html);
        Assert.Contains("value=\"not-an-address\"", html);
        Assert.Contains("value=\"{{ reprot.title }}\"", html);
        Assert.Matches("data-field=\"name\">name &#x27;Not A Slug&#x27; must be lower-case", html);
        Assert.Contains("data-field=\"weekdays\">a weekly schedule needs at least one weekday", html);
        Assert.Contains("data-field=\"recipients[0]\">recipient &#x27;not-an-address&#x27; is not an email address", html);
        Assert.Contains("data-field=\"subject\">template subject", html);
        Assert.Contains("4 problem(s)", html);
        Assert.Null(await Catalog.FindSubscriptionAsync("Not A Slug", default));
    }

    [Fact]
    public async Task PreviewSchedule_ShowsTheCronItMakes_AndTheNextFiveFireTimes_InTheChosenZone_WithoutSaving()
    {
        var fields = With(With(With(Weekly("pages-preview", action: "preview"), "frequency", "monthly"), "dayOfMonth", "1"), "timeZone", "America/New_York");

        var response = await PostAsync(Admin(), "/subscriptions/new", "/subscriptions/new", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<code id=\"made-cron\">30 7 1 * *</code>", html);
        var times = Regex.Matches(Regex.Match(html, "<ol class=\"fire-times\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value, @"<li>(\w{3} \d{4}-\d{2}-(\d{2}) 07:30 -0[45]:00)</li>");
        Assert.Equal(5, times.Count);
        Assert.All(times, t => Assert.Equal("01", t.Groups[2].Value));
        Assert.Null(await Catalog.FindSubscriptionAsync("pages-preview", default));
    }

    [Fact]
    public async Task MoreRows_AddsThreeEmptyRecipientRows_AndKeepsTheFilledOnes()
    {
        var response = await PostAsync(Admin(), "/subscriptions/new", "/subscriptions/new", Weekly("pages-rows", action: "more-rows"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(5, Regex.Matches(html, "name=\"r.email\"").Count);
        Assert.Contains("value=\"fashion@example.com\"", html);
    }

    [Fact]
    public async Task PreviewEmail_RendersTheTemplates_WithSampleValues()
    {
        var fields = With(Weekly("pages-email", action: "preview-email"), "subject", "{{ report.title }} for {{ recipient.slice_line }}");

        var html = await (await PostAsync(Admin(), "/subscriptions/new", "/subscriptions/new", fields)).Content.ReadAsStringAsync();

        Assert.Contains("<b id=\"preview-subject\">Executive weekly journey for Department: Fashion</b>", html);
    }

    [Fact]
    public async Task TheButtons_PauseResumeRunNowAndDelete_EachRecordedAsTheSignedInPerson()
    {
        var client = Admin();
        var s = await SaveAsync(client, "pages-buttons");
        var edit = $"/subscriptions/{s.Id}/edit";

        var paused = await PostAsync(client, edit, $"/subscriptions/{s.Id}/pause", []);
        Assert.Contains("Paused", await paused.Content.ReadAsStringAsync());
        Assert.False((await Catalog.GetSubscriptionAsync(s.Id, default))!.Enabled);
        var refused = await PostAsync(client, edit, $"/subscriptions/{s.Id}/run", []);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("is paused: resume it to run it", await refused.Content.ReadAsStringAsync());
        await PostAsync(client, edit, $"/subscriptions/{s.Id}/resume", []);
        Assert.True((await Catalog.GetSubscriptionAsync(s.Id, default))!.Enabled);
        var run = await PostAsync(client, edit, $"/subscriptions/{s.Id}/run", []);
        Assert.Contains("Run queued (job", await run.Content.ReadAsStringAsync());
        var deleted = await PostAsync(client, edit, $"/subscriptions/{s.Id}/delete", []);
        Assert.Equal("/subscriptions", deleted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Subscription pages-buttons deleted", await deleted.Content.ReadAsStringAsync());
        Assert.Null(await Catalog.GetSubscriptionAsync(s.Id, default));

        var actions = (await Catalog.AuditLogAsync(null, 500, 0, default)).Where(a => a.Target == "pages-buttons").Select(a => a.Action).Reverse();
        Assert.Equal(["subscription-saved", "subscription-paused", "subscription-resumed", "subscription-run-now", "subscription-deleted"], actions);
    }

    [Fact]
    public async Task APostWithoutTheFormsToken_IsRefused_AndChangesNothing()
    {
        var client = Admin();
        var s = await SaveAsync(client, "pages-forged");

        var forged = await client.PostAsync($"/subscriptions/{s.Id}/delete", new FormUrlEncodedContent([]));
        var notAForm = await client.PostAsync($"/subscriptions/{s.Id}/delete", new StringContent("delete", System.Text.Encoding.UTF8, "text/plain"));
        var forgedForm = await client.PostAsync("/subscriptions/new", new FormUrlEncodedContent(Weekly("pages-forged-new")));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedForm.StatusCode);
        Assert.NotNull(await Catalog.GetSubscriptionAsync(s.Id, default));
        Assert.Null(await Catalog.FindSubscriptionAsync("pages-forged-new", default));
    }

    [Fact]
    public async Task Editing_ShowsTheSavedValues_AndSavesAChange_KeepingTheName()
    {
        var client = Admin();
        var s = await SaveAsync(client, "pages-edited");
        var edit = $"/subscriptions/{s.Id}/edit";
        var page = await client.GetStringAsync(edit);

        var response = await PostAsync(client, edit, edit, With(With(Weekly("pages-edited"), "frequency", "daily"), "time", "06:15"));

        Assert.Matches("value=\"pages-edited\" readonly", page);
        Assert.Matches("<option value=\"Europe/London\" selected", page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = (await Catalog.GetSubscriptionAsync(s.Id, default))!;
        Assert.Equal("15 6 * * *", changed.Cron);
        Assert.Equal(2, changed.Version);
    }

    [Fact]
    public async Task AnUnknownSubscription_Is404()
    {
        var response = await Admin().GetAsync("/subscriptions/999999/edit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no subscription 999999", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_ShowsAnalystsEverySubscriptionWithItsNextFire_AndAViewerOnlyThoseTheyReceive_WithoutEditing()
    {
        var s = await SaveAsync(Admin(), "pages-home");
        var receiving = host.ClientAs("fashion@example.com", Roles.Viewer, "department=Fashion");
        var other = host.ClientAs("beauty-viewer@example.com", Roles.Viewer, "department=Beauty");

        var analyst = await host.ClientAs("pages-analyst@example.com", Roles.Analyst, "all").GetStringAsync("/");
        var theirs = await receiving.GetStringAsync("/");
        var none = await other.GetStringAsync("/");

        Assert.Contains($"<a href=\"/subscriptions/{s.Id}/edit\">pages-home</a>", analyst);
        Assert.Matches(@"(Mon|Wed) \d{4}-\d{2}-\d{2} 07:30 (\+|&#x2B;)0[01]:00", analyst);
        Assert.Contains("href=\"/dashboards/department-breakdown\"", analyst);
        Assert.Contains("pages-home", theirs);
        Assert.DoesNotContain($"/subscriptions/{s.Id}/edit", theirs);
        Assert.DoesNotContain("pages-home", none);
        Assert.Contains("You receive no subscriptions.", none);
    }
}
