using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyReports.Tests;

/// <summary>The user verb over a data folder of its own: accounts, one-time links and tokens from the command line.</summary>
public sealed class UserVerbTests : IDisposable
{
    readonly string work = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    readonly Microsoft.Extensions.DependencyInjection.ServiceProvider services;

    public UserVerbTests()
    {
        Directory.CreateDirectory(work);
        services = Cli.Services(new JourneyReportsOptions { DataDirectory = work, PublicUrl = "http://reports.example:5080" }, NullLoggerFactory.Instance);
    }

    public void Dispose()
    {
        services.Dispose();
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
    }

    Accounts Accounts => services.GetRequiredService<Accounts>();

    async Task<(int ExitCode, string Output, string Errors)> UserAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await UserVerb.RunAsync(new CliArgs(args), services, output, errors, new StringReader(input));
        return (code, output.ToString(), errors.ToString());
    }

    static string LastLine(string text) => text.Trim().Split('\n')[^1].Trim();

    [Fact]
    public async Task Add_WithAPasswordFromStandardInput_MakesAnAccountThatSignsIn()
    {
        var added = await UserAsync("a long enough password\n", "add", "boss@example.com", "--role", "admin", "--name", "Bo", "--password-stdin");
        var (outcome, user) = await Accounts.SignInAsync("boss@example.com", "a long enough password", null, default);

        Assert.True(added.ExitCode == 0, added.Errors);
        Assert.Equal("Added admin boss@example.com (data: all data).", added.Output.Trim());
        Assert.Equal(Accounts.SignInOutcome.SignedIn, outcome);
        Assert.Equal("Bo", user!.Name);
    }

    [Fact]
    public async Task Add_WithoutAPassword_PrintsAnInvitationLink_ThatSignsInOnce()
    {
        var added = await UserAsync("", "add", "head@example.com", "--role", "viewer", "--scope", "department=Electronics,Toys & Books");
        var link = new Uri(LastLine(added.Output));
        var secret = link.Query["?token=".Length..];

        Assert.True(added.ExitCode == 0, added.Errors);
        Assert.Contains("Added viewer head@example.com (data: department: Electronics, Toys & Books).", added.Output);
        Assert.Equal("http://reports.example:5080/signin/link", link.GetLeftPart(UriPartial.Path));
        Assert.Equal("head@example.com", (await Accounts.UseLinkAsync(secret, null, default))?.User.Email);
        Assert.Null(await Accounts.UseLinkAsync(secret, null, default));
    }

    [Fact]
    public async Task Add_WithBadValues_NamesEachProblem_AndExitsWith2()
    {
        var bad = await UserAsync("", "add", "nope", "--role", "boss", "--scope", "colour=Red");
        var noRole = await UserAsync("", "add", "someone@example.com");

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("error: 'nope' is not an email address", bad.Errors);
        Assert.Contains("error: role 'boss' is not one of admin, analyst, viewer", bad.Errors);
        Assert.Contains("'colour' is not a filter a scope can restrict", bad.Errors);
        Assert.Equal(2, noRole.ExitCode);
        Assert.Contains("error: 'add' needs --role admin, analyst or viewer", noRole.Errors);
        Assert.Contains("usage: user add EMAIL", noRole.Errors);
    }

    [Fact]
    public async Task Link_IsTheWayBackIn_ForAnAdminWhoLostTheirPassword()
    {
        await UserAsync("forgotten password 1\n", "add", "admin@example.com", "--role", "admin", "--password-stdin");

        var reset = await UserAsync("", "link", "ADMIN@example.com");
        var unknown = await UserAsync("", "link", "nobody@example.com");

        Assert.True(reset.ExitCode == 0, reset.Errors);
        Assert.Contains("One-time sign-in link for admin@example.com (reset;", reset.Output);
        var use = await Accounts.UseLinkAsync(new Uri(LastLine(reset.Output)).Query["?token=".Length..], null, default);
        Assert.Equal(("admin@example.com", SignInLinkPurpose.Reset), (use?.User.Email, use?.Purpose));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("there is no account nobody@example.com", unknown.Errors);
    }

    [Fact]
    public async Task Set_ChangesRoleScopeAndAccess_ButNeverLeavesNoAdmin()
    {
        await UserAsync("only admin password\n", "add", "only-admin@example.com", "--role", "admin", "--password-stdin");
        await UserAsync("", "add", "ana@example.com", "--role", "analyst", "--scope", "all");

        var narrowed = await UserAsync("", "set", "ana@example.com", "--role", "viewer", "--scope", "region=Wales");
        var disabled = await UserAsync("", "set", "ana@example.com", "--disable");
        var lastAdmin = await UserAsync("", "set", "only-admin@example.com", "--role", "analyst");

        Assert.Equal("ana@example.com: viewer, data: region: Wales.", narrowed.Output.Trim());
        Assert.Equal("ana@example.com: viewer, data: region: Wales, disabled.", disabled.Output.Trim());
        Assert.Equal(2, lastAdmin.ExitCode);
        Assert.Contains("error: this is the last admin who can sign in; make another admin first", lastAdmin.Errors);
        var list = await UserAsync("", "list");
        Assert.Contains("ana@example.com  viewer  data: region=Wales  disabled", list.Output);
        Assert.Contains("only-admin@example.com  admin  data: all  active", list.Output);
    }

    [Fact]
    public async Task Token_PrintsATokenOnce_ThatActsAsTheAccount()
    {
        await UserAsync("", "add", "script@example.com", "--role", "analyst", "--scope", "all");

        var made = await UserAsync("", "token", "script@example.com", "--name", "nightly export", "--days", "30");
        var tooLong = await UserAsync("", "token", "script@example.com", "--name", "forever", "--days", "9999");

        Assert.True(made.ExitCode == 0, made.Errors);
        Assert.Equal("script@example.com", (await Accounts.UserOfTokenAsync(LastLine(made.Output), default))?.Email);
        Assert.Equal(2, tooLong.ExitCode);
        Assert.Contains("error: a token lives 1 to 365 days, not 9999", tooLong.Errors);
    }
}
