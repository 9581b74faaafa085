using Microsoft.Playwright;

namespace JourneyReports.Tests;

/// <summary>
/// An admin invites a department head in a real browser (Debian's Chromium via Playwright, the real server on a
/// loopback port): the scope is picked from the warehouse's departments, the one-time link is handed to a second
/// browser, which signs in with it, sets a password, and then sees its own slice and no admin page.
/// </summary>
public sealed class UserAdminBrowserTests : IAsyncLifetime
{
    const string AdminPassword = ServerProcess.AdminPassword;
    ServerProcess server = null!;
    string BaseUrl => server.BaseUrl;

    public async Task InitializeAsync() => server = await ServerProcess.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task AnAdmin_InvitesADepartmentHead_WhoSignsInByTheLink_SetsAPassword_AndSeesOnlyTheirSlice()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ServerProcess.LaunchBrowserAsync(playwright);
        var elsewhere = new List<string>();
        var admin = await browser.NewPageAsync();
        admin.Request += (_, r) => { if (!r.Url.StartsWith(BaseUrl, StringComparison.Ordinal)) elsewhere.Add(r.Url); };

        await SignInAsync(admin, "admin@localhost", AdminPassword);
        await admin.ClickAsync("header >> text=Users");
        await admin.ClickAsync("text=Invite someone");
        await admin.FillAsync("input[name=email]", "head-of-fashion@example.com");
        await admin.FillAsync("input[name=name]", "Fran");
        await admin.SelectOptionAsync("select[name=role]", "viewer");
        await admin.SelectOptionAsync("select[name='scope.department']", "Fashion");
        await admin.ClickAsync("text=Make the account and its invitation link");
        var link = await admin.InnerTextAsync("#sign-in-link");
        await admin.GotoAsync($"{BaseUrl}/api/docs");
        Assert.Contains("/api/v1/users/{id}", await admin.InnerTextAsync("main"));

        var head = await (await browser.NewContextAsync()).NewPageAsync();
        await head.GotoAsync(link);
        Assert.Contains("Set a password", await head.InnerTextAsync("main"));
        Assert.Contains("data: department: Fashion", await head.InnerTextAsync("main"));
        await head.FillAsync("input[name=password]", "head of fashion's password");
        await head.FillAsync("input[name=confirm]", "head of fashion's password");
        await head.ClickAsync("text=Set password");
        Assert.Contains("Your password is set.", await head.InnerTextAsync("main"));
        await head.ClickAsync("header >> text=Sign out");
        await head.WaitForURLAsync($"{BaseUrl}/signin");
        await SignInAsync(head, "head-of-fashion@example.com", "head of fashion's password");
        Assert.Contains("head-of-fashion@example.com", await head.InnerTextAsync("header"));
        Assert.DoesNotContain("Users", await head.InnerTextAsync("header"));
        var refused = await head.GotoAsync($"{BaseUrl}/users");
        Assert.Equal(403, refused!.Status);
        Assert.Empty(elsewhere);
    }

    async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync($"{BaseUrl}/signin?returnUrl=/account");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("main >> button:has-text('Sign in')");
        await page.Locator("header a.who", new() { HasText = email }).WaitForAsync();
        Assert.Equal($"{BaseUrl}/account", page.Url);
    }
}
