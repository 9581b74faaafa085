using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>
/// Single sign-on for real, short of the internet: the server's OpenID Connect handler against a provider on loopback
/// (<see cref="FakeIdentityProvider"/>): challenge, the provider's answer, the callback, the code redeemed at its token
/// endpoint, the id_token checked against its key; then the person is the account with the same email, or refused.
/// </summary>
public sealed class OpenIdConnectTests(OpenIdConnectTests.Host host) : IClassFixture<OpenIdConnectTests.Host>
{
    public sealed class Host : ServerHost
    {
        public FakeIdentityProvider Provider { get; } = new();

        protected override IEnumerable<(string Key, string Value)> Settings =>
        [
            ("JourneyReports:Accounts:OpenIdConnect:Authority", Provider.Issuer),
            ("JourneyReports:Accounts:OpenIdConnect:ClientId", FakeIdentityProvider.ClientId),
            ("JourneyReports:Accounts:OpenIdConnect:ClientSecret", FakeIdentityProvider.ClientSecret),
            ("JourneyReports:Accounts:OpenIdConnect:DisplayName", "Company SSO"),
            ("JourneyReports:Accounts:OpenIdConnect:RequireHttpsMetadata", "false"),
        ];

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    // The correlation and nonce cookies are Secure, as a real deployment behind TLS has them: the browser is on https.
    HttpClient Browser()
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>What a browser does: /signin/oidc, on to the provider, and its answer posted back to the callback.</summary>
    async Task<HttpResponseMessage> SignInAtTheProviderAsync(HttpClient browser, string email)
    {
        host.Provider.NextEmail = email;
        var challenge = await browser.GetAsync("/signin/oidc?returnUrl=/account");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await (await provider.GetAsync(challenge.Headers.Location)).Content.ReadAsStringAsync();
        var action = Regex.Match(answer, "action=\"([^\"]+)\"").Groups[1].Value;
        var fields = Regex.Matches(answer, "name=\"([^\"]+)\" value=\"([^\"]*)\"").ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return await browser.PostAsync(new Uri(action).PathAndQuery, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task TheSignInPage_OffersTheProvider_AndItsChallengeGoesToTheAuthorizeEndpointWithTheClientId()
    {
        var browser = Browser();

        var page = await browser.GetStringAsync("/signin?returnUrl=/runs");
        var challenge = await browser.GetAsync("/signin/oidc?returnUrl=/runs");

        Assert.Contains("<a class=\"button\" href=\"/signin/oidc?returnUrl=%2Fruns\">Sign in with Company SSO</a>", page);
        var location = challenge.Headers.Location!;
        Assert.Equal($"{host.Provider.Issuer}/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Contains($"client_id={FakeIdentityProvider.ClientId}", location.Query);
        Assert.Contains("redirect_uri=https%3A%2F%2Flocalhost%2Fsignin%2Foidc-callback", location.Query);
        Assert.Contains("code_challenge_method=S256", location.Query);
    }

    [Fact]
    public async Task SigningInAtTheProvider_SignsInAsTheAccountWithTheSameEmail()
    {
        await host.Services.GetRequiredService<Accounts>().AddAsync(new("Sso.Person@example.com", "Sasha", Roles.Viewer, "department=Electronics"), "test", default);
        var browser = Browser();
        var issued = host.Provider.TokensIssued;

        var callback = await SignInAtTheProviderAsync(browser, "sso.person@example.com");
        var account = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/account", callback.Headers.Location!.OriginalString);
        Assert.Equal(issued + 1, host.Provider.TokensIssued);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        var html = await account.Content.ReadAsStringAsync();
        Assert.Contains("Sso.Person@example.com · role <b>viewer</b> · data: <b>department: Electronics</b>", html);
        var audit = await host.Services.GetRequiredService<ReportCatalog>().AuditLogAsync("sign-in", 20, 0, default);
        Assert.Contains(audit, a => a.Actor == "Sso.Person@example.com" && a.Detail == "OpenID Connect");
    }

    [Fact]
    public async Task AnEmailWithoutAnAccount_IsRefused_WithAClearMessage_AndNotSignedIn()
    {
        var browser = Browser();

        var callback = await SignInAtTheProviderAsync(browser, "stranger@example.com");
        var account = await browser.GetAsync("/account");

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Contains("stranger@example.com has no JourneyReports account; ask an admin to add one.", await callback.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/signin", account.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ADisabledAccount_IsRefusedAtTheProviderToo()
    {
        var accounts = host.Services.GetRequiredService<Accounts>();
        var user = await accounts.AddAsync(new("sso-disabled@example.com", "Dee", Roles.Analyst, "all"), "test", default);
        await accounts.UpdateAsync(user.UserId, new(user.Email, user.Name, Roles.Analyst, "all", Disabled: true), "test", default);

        var callback = await SignInAtTheProviderAsync(Browser(), "sso-disabled@example.com");

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
    }

    [Fact]
    public void EmailOf_TakesTheEmailClaim_ElseEntrasUpn_ElsePreferredUsernameWhenItIsAnAddress()
    {
        static System.Security.Claims.ClaimsPrincipal With(params (string Type, string Value)[] claims) =>
            new(new System.Security.Claims.ClaimsIdentity(claims.Select(c => new System.Security.Claims.Claim(c.Type, c.Value))));

        Assert.Equal("a@example.com", OpenIdSignIn.EmailOf(With(("email", "a@example.com"), ("upn", "b@example.com"))));
        Assert.Equal("b@example.com", OpenIdSignIn.EmailOf(With(("upn", "b@example.com"))));
        Assert.Equal("c@example.com", OpenIdSignIn.EmailOf(With(("preferred_username", "c@example.com"))));
        Assert.Null(OpenIdSignIn.EmailOf(With(("preferred_username", "just-a-name"))));
    }
}
