using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>
/// The admin's pages: invite someone (scope picked from the warehouse's values, a one-time link to hand over or
/// email), change an account, revoke anyone's token, read the audit log; and one's own account page. Forms post
/// with their antiforgery token, as a browser does.
/// </summary>
public sealed class UserPagesTests(UserPagesTests.Host host) : IClassFixture<UserPagesTests.Host>
{
    /// <summary>A server whose mail goes to a real SMTP server on loopback, so invitations can be emailed.</summary>
    public sealed class Host : ServerHost
    {
        public SmtpTestServer Smtp { get; } = new();

        protected override IEnumerable<(string Key, string Value)> Settings =>
        [
            ("JourneyReports:Mail:Transport", "smtp"), ("JourneyReports:Mail:Smtp:Host", Smtp.Host),
            ("JourneyReports:Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("JourneyReports:Mail:Smtp:TimeoutSeconds", "10"), ("JourneyReports:Mail:Smtp:MessagesPerMinute", "0"),
            ("JourneyReports:Mail:AllowedDomains:0", "example.com"),
        ];

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Smtp.Dispose();
        }
    }

    ReportCatalog Catalog => host.Services.GetRequiredService<ReportCatalog>();

    [Fact]
    public async Task TheInviteForm_OffersEachFiltersWarehouseValues_AndAllData()
    {
        var page = await host.CreateClient().GetStringAsync("/users/new");

        Assert.Contains("<select name=\"scope.department\" multiple", page);
        foreach (var department in new[] { "Home &amp; Kitchen", "Electronics", "Fashion", "Beauty", "Garden &amp; DIY", "Toys &amp; Books" })
            Assert.Contains($"<option value=\"{department}\">{department}</option>", page);
        Assert.Contains("name=\"scope.region\"", page);
        Assert.Contains("name=\"scope-all\"", page);
        Assert.Contains("Email them the invitation link", page);
    }

    [Fact]
    public async Task Inviting_MakesTheAccountWithThePickedScope_AndEmailsAOneTimeLinkThatSignsThemIn()
    {
        var admin = host.CreateClient();

        var response = await PostForm(admin, "/users/new", "/users/new",
            ("email", "head-of-toys@example.com"), ("name", "Toni"), ("role", "viewer"),
            ("scope.department", "Toys & Books"), ("scope.department", "Garden & DIY"), ("sendEmail", "true"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var link = new Uri(WebUtility.HtmlDecode(Regex.Match(html, "<code id=\"sign-in-link\">([^<]+)</code>").Groups[1].Value));
        Assert.Contains("Emailed to head-of-toys@example.com", html);
        var user = (await Catalog.FindUserAsync("head-of-toys@example.com", default))!;
        Assert.Equal(Roles.Viewer, user.Role);
        Assert.Equal(["Toys & Books", "Garden & DIY"], user.DataScope.Allowed["department"]);
        var mail = Assert.Single(host.Smtp.Received(), m => m.EnvelopeTo.Contains("head-of-toys@example.com"));
        Assert.Contains(link.ToString(), mail.Message.TextBody);
        var browser = host.AnonymousClient();
        var signedIn = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal("/account", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("department: Toys &amp; Books, Garden &amp; DIY", await signedIn.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnInviteWithProblems_IsShownAgain_EachBesideItsField_WithTheValuesKept()
    {
        var response = await PostForm(host.CreateClient(), "/users/new", "/users/new", ("email", "not-an-email"), ("name", "Nell"), ("role", "viewer"));
        var contradiction = await PostForm(host.CreateClient(), "/users/new", "/users/new",
            ("email", "both@example.com"), ("role", "analyst"), ("scope-all", "1"), ("scope.department", "Beauty"));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("&#x27;not-an-email&#x27; is not an email address", html);
        Assert.Contains("a viewer needs a data scope", html);
        Assert.Contains("value=\"not-an-email\"", html);
        Assert.Contains("value=\"Nell\"", html);
        Assert.Equal((HttpStatusCode)422, contradiction.StatusCode);
        Assert.Contains("choose either all data or some values, not both", await contradiction.Content.ReadAsStringAsync());
        Assert.Null(await Catalog.FindUserAsync("both@example.com", default));
    }

    [Fact]
    public async Task AnInvitationThatMailMayNotCarry_IsRefusedBeforeTheAccountIsMade()
    {
        var response = await PostForm(host.CreateClient(), "/users/new", "/users/new",
            ("email", "outsider@elsewhere.org"), ("role", "analyst"), ("scope-all", "1"), ("sendEmail", "true"));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("outsider@elsewhere.org is outside the domains mail may go to", await response.Content.ReadAsStringAsync());
        Assert.Null(await Catalog.FindUserAsync("outsider@elsewhere.org", default));
    }

    [Fact]
    public async Task Saving_AnAccount_ChangesRoleScopeAndAccess_ThenShowsItSaved()
    {
        var admin = AdminNotFollowingRedirects();
        var user = await host.Services.GetRequiredService<Accounts>().AddAsync(new("promote-me@example.com", "Pat", Roles.Viewer, "department=Beauty"), "test", default);

        var saved = await PostForm(admin, $"/users/{user.UserId}", $"/users/{user.UserId}",
            ("name", "Pat Analyst"), ("role", "analyst"), ("scope-all", "1"), ("disabled", "true"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/users/{user.UserId}?saved=1", saved.Headers.Location!.OriginalString);
        Assert.Contains("Saved.", await admin.GetStringAsync(saved.Headers.Location));
        var changed = (await Catalog.GetUserAsync(user.UserId, default))!;
        Assert.Equal((Roles.Analyst, true, true, "Pat Analyst"), (changed.Role, changed.DataScope.IsAll, changed.IsDisabled, changed.Name));
    }

    [Fact]
    public async Task TheLastAdmin_CannotBeDemotedInTheForm_AndThePageSaysWhy()
    {
        var admin = (await Catalog.FindUserAsync("admin@localhost", default))!;

        var response = await PostForm(host.CreateClient(), $"/users/{admin.UserId}", $"/users/{admin.UserId}", ("role", "viewer"), ("scope-all", "1"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("this is the last admin who can sign in; make another admin first", await response.Content.ReadAsStringAsync());
        Assert.Equal(Roles.Admin, (await Catalog.GetUserAsync(admin.UserId, default))!.Role);
    }

    [Fact]
    public async Task AResetLink_MadeOnTheAccountsPage_IsShownOnce()
    {
        var user = await host.Services.GetRequiredService<Accounts>().AddAsync(new("forgot@example.com", "Flo", Roles.Analyst, "all", "an old long password"), "test", default);

        var response = await PostForm(host.CreateClient(), $"/users/{user.UserId}", $"/users/{user.UserId}/link", ("purpose", "reset"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = WebUtility.HtmlDecode(Regex.Match(await response.Content.ReadAsStringAsync(), "<code id=\"sign-in-link\">([^<]+)</code>").Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await host.AnonymousClient().GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        Assert.Contains((await Catalog.AuditLogAsync("sign-in-link", 50, 0, default)), a => a.Target == "forgot@example.com" && a.Detail == "reset");
    }

    [Fact]
    public async Task AnAdmin_RevokesSomeoneElsesToken_FromTheTokensPage_AndItStopsWorking()
    {
        var script = host.ClientAs("revoked-by-admin@example.com", Roles.Analyst, "all");
        var user = (await Catalog.FindUserAsync("revoked-by-admin@example.com", default))!;
        var token = (await Catalog.TokensAsync(user.UserId, default)).Single();
        var admin = AdminNotFollowingRedirects();

        var page = await admin.GetStringAsync("/users/tokens");
        var revoked = await PostForm(admin, "/users/tokens", $"/users/tokens/{token.TokenId}/revoke");

        Assert.Contains("revoked-by-admin@example.com", page);
        Assert.Contains($"<code>{token.Prefix}…</code>", page);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("The token is revoked.", await admin.GetStringAsync(revoked.Headers.Location));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task TheAuditLog_FiltersByAction()
    {
        await host.Services.GetRequiredService<Accounts>().AddAsync(new("audit-page@example.com", "Aud", Roles.Viewer, "department=Fashion"), "test", default);

        var page = await host.CreateClient().GetStringAsync("/audit?action=user-added");

        Assert.Contains("<td>audit-page@example.com</td>", page);
        Assert.Contains("<option value=\"user-added\" selected", page);
        Assert.DoesNotContain("<td>sign-in-link</td>", page);
    }

    [Theory]
    [InlineData("/users")]
    [InlineData("/users/new")]
    [InlineData("/users/tokens")]
    [InlineData("/audit")]
    public async Task AdminPages_AreForbiddenToAnalysts_AndSendTheSignedOutToSignIn(string path)
    {
        var analyst = await host.ClientAs("pages-analyst@example.com", Roles.Analyst, "all").GetAsync(path);
        var anonymous = await host.AnonymousClient(followRedirects: false).GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/signin", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ASignedInAnalystsBrowser_IsSentToTheForbiddenPage_ForAnAdminPage()
    {
        var analyst = await host.Services.GetRequiredService<Accounts>().AddAsync(new("browser-analyst@example.com", "Bri", Roles.Analyst, "all"), "test", default);
        var browser = host.AnonymousClient();
        await browser.GetAsync(new Uri(await host.Services.GetRequiredService<Accounts>().LinkAsync(analyst, SignInLinkPurpose.Invitation, "test", default)).PathAndQuery);

        var response = await browser.GetAsync("/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("/forbidden", response.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("Your account&#x27;s role does not allow this page.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheAccountPage_ShowsANewTokenOnce_ThenOnlyItsPrefix()
    {
        var me = host.ClientAs("own-token@example.com", Roles.Viewer, "department=Beauty");

        var made = await PostForm(me, "/account", "/account/tokens", ("name", "spreadsheet refresh"), ("days", "7"));
        var token = Regex.Match(await made.Content.ReadAsStringAsync(), "<code id=\"new-token\">([^<]+)</code>").Groups[1].Value;
        var later = await me.GetStringAsync("/account");
        var bad = await PostForm(me, "/account", "/account/tokens", ("name", ""), ("days", "0"));

        Assert.StartsWith("jr_", token);
        Assert.DoesNotContain(token, later);
        Assert.Contains($"<code>{token[..10]}…</code>", later);
        Assert.Contains("spreadsheet refresh", later);
        Assert.Equal((HttpStatusCode)422, bad.StatusCode);
        Assert.Contains("a token lives 1 to 365 days, not 0", await bad.Content.ReadAsStringAsync());
    }

    // HttpClient drops the Authorization header when it follows a redirect, so the admin's redirects are followed by hand.
    HttpClient AdminNotFollowingRedirects() => host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Posts a form as the browser would: with the antiforgery token of the page it is on.</summary>
    static async Task<HttpResponseMessage> PostForm(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync(action, new FormUrlEncodedContent(
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token))));
    }
}
