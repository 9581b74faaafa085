using System.Net;
using System.Text.RegularExpressions;
using JourneyReports.Catalog;
using JourneyReports.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>Signing in and who may do what: everything needs an account; passwords lock after failures; links work once; tokens until revoked.</summary>
public sealed class AccountTests(AccountTests.Host host) : IClassFixture<AccountTests.Host>
{
    public sealed class Host : ServerHost
    {
        protected override IEnumerable<(string Key, string Value)> Settings => [("JourneyReports:Accounts:LockoutAttempts", "3")];
    }

    Accounts Accounts => host.Services.GetRequiredService<Accounts>();
    ReportCatalog Catalog => host.Services.GetRequiredService<ReportCatalog>();

    [Theory]
    [InlineData("/")]
    [InlineData("/runs")]
    [InlineData("/dashboards/executive-weekly")]
    [InlineData("/dashboards/executive-weekly/data/kpis.csv")]
    [InlineData("/account")]
    public async Task EveryPage_SendsSomeoneNotSignedIn_ToSignIn_AndBackAfter(string path)
    {
        var response = await host.AnonymousClient(followRedirects: false).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/signin?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task TheJobDashboard_IsForAdminsOnly_EvenFromThisMachine()
    {
        var analyst = host.ClientAs("jobs-analyst@example.com", Roles.Analyst, "all");
        var anonymous = host.AnonymousClient(followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_OpensThePortal_AndAWrongOneSaysSoWithoutSayingWhich()
    {
        await Accounts.AddAsync(new("sign-in@example.com", "Sam", Roles.Analyst, "all", "correct horse battery"), "test", default);
        var browser = host.AnonymousClient();

        var wrong = await PostSignIn(browser, "sign-in@example.com", "wrong password!");
        var unknown = await PostSignIn(browser, "nobody@example.com", "wrong password!");
        var right = await PostSignIn(browser, "sign-in@example.com", "correct horse battery");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("The email or password is not right.", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("The email or password is not right.", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("/account", right.RequestMessage!.RequestUri!.AbsolutePath);
        var audit = await Catalog.AuditLogAsync(null, 100, 0, default);
        Assert.Contains(audit, a => a.Action == "sign-in" && a.Actor == "sign-in@example.com");
        Assert.Equal(2, audit.Count(a => a.Action == "sign-in-failed" && a.Target is "sign-in@example.com" or "nobody@example.com"));
    }

    [Fact]
    public async Task AnAccount_LocksAfterTheConfiguredFailures_AndTheRightPasswordDoesNotOpenItWhileLocked()
    {
        await Accounts.AddAsync(new("locked@example.com", "Lee", Roles.Viewer, "department=Electronics", "correct horse battery"), "test", default);
        var browser = host.AnonymousClient();

        for (var i = 0; i < 3; i++) await PostSignIn(browser, "locked@example.com", "guess number " + i);
        var locked = await PostSignIn(browser, "locked@example.com", "correct horse battery");

        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Contains("locked after 3 failed sign-ins", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AOneTimeLink_SignsInOnce_AndAsksForAPassword_ThenNeverWorksAgain()
    {
        var user = await Accounts.AddAsync(new("invited@example.com", "Ivy", Roles.Analyst, "all"), "test", default);
        var link = new Uri(await Accounts.LinkAsync(user, SignInLinkPurpose.Invitation, "test", default));
        var browser = host.AnonymousClient();

        var first = await browser.GetAsync(link.PathAndQuery);
        var again = await host.AnonymousClient().GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("/account", first.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Set a password", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This sign-in link does not work", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheFirstStart_MakesTheFirstAdmin_WithoutAPassword()
    {
        var admin = await Catalog.FindUserAsync("admin@localhost", default);

        Assert.NotNull(admin);
        Assert.Equal(Roles.Admin, admin.Role);
        Assert.True(admin.DataScope.IsAll);
        Assert.Null(admin.PasswordHash);
    }

    [Fact]
    public async Task AnApiToken_WorksUntilRevoked_AndIsKeptOnlyAsAHash()
    {
        var user = await Accounts.AddAsync(new("script@example.com", "Script", Roles.Analyst, "all"), "test", default);
        var (token, id, _) = await Accounts.CreateTokenAsync(user, "nightly export", 30, default);
        var client = host.AnonymousClient(followRedirects: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var before = await client.GetAsync("/runs");
        await Catalog.RevokeTokenAsync(id, user.UserId, DateTimeOffset.UtcNow, default);
        var after = await client.GetAsync("/runs");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.DoesNotContain(token, await File.ReadAllTextAsync(Catalog.FilePath + "-wal") + await File.ReadAllTextAsync(Catalog.FilePath));
    }

    [Fact]
    public async Task AViewer_MustBeGivenAScope_AndABadScopeIsNamed()
    {
        var noScope = await Assert.ThrowsAsync<Accounts.AccountException>(() => Accounts.AddAsync(new("v1@example.com", "V", Roles.Viewer, null), "test", default));
        var badName = await Assert.ThrowsAsync<Accounts.AccountException>(() => Accounts.AddAsync(new("v2@example.com", "V", Roles.Viewer, "colour=Red"), "test", default));

        Assert.Contains("a viewer needs a data scope", noScope.Message);
        Assert.Contains("'colour' is not a filter a scope can restrict", badName.Message);
    }

    static async Task<HttpResponseMessage> PostSignIn(HttpClient browser, string email, string password)
    {
        var form = await browser.GetStringAsync("/signin?returnUrl=/account");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = "/account", ["__RequestVerificationToken"] = token,
        }));
    }
}
