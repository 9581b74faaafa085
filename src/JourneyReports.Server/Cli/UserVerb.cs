using System.Globalization;
using JourneyReports.Catalog;

namespace JourneyReports.Server;

/// <summary>
/// user: accounts from the command line, through the same code as the users pages and the API. It works while the
/// server runs (the catalog is shared), so it is the way back in for an admin who lost their password: 'user link'.
/// </summary>
public static class UserVerb
{
    public const string Usage = "user add EMAIL --role admin|analyst|viewer [--name N] [--scope \"department=X,Y; region=Z\"|all] [--password-stdin] | user list " +
        "| user link EMAIL [--invite] | user set EMAIL [--role R] [--scope S] [--name N] [--disable|--enable] | user token EMAIL --name N [--days 90]";

    const string Actor = "cli";

    public static Task<int> RunAsync(CliArgs args, IServiceProvider services) => RunAsync(args, services, Console.Out, Console.Error, Console.In);

    /// <summary>The verb with its output, errors and standard input given, so a test can read what it says.</summary>
    public static async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter output, TextWriter errors, TextReader input)
    {
        try
        {
            args.OnlyKnown("role", "name", "scope", "password-stdin", "invite", "disable", "enable", "days");
            if (args.Positional.Count == 0) throw new CliUsageException("name what to do: add, list, link, set or token");
            await services.GetRequiredService<ReportCatalog>().MigrateAsync(CancellationToken.None);
            var admin = services.GetRequiredService<UserAdmin>();
            return args.Positional[0] switch
            {
                "add" => await AddAsync(args, admin, services.GetRequiredService<Accounts>(), output, input),
                "list" => await ListAsync(admin, output),
                "link" => await LinkAsync(args, admin, output),
                "set" => await SetAsync(args, admin, output),
                "token" => await TokenAsync(args, admin, services.GetRequiredService<Accounts>(), output),
                var other => throw new CliUsageException($"'{other}' is not add, list, link, set or token"),
            };
        }
        catch (CliUsageException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}\nusage: {Usage}");
            return 2;
        }
        catch (Accounts.AccountException e)
        {
            foreach (var problem in e.Problems) await errors.WriteLineAsync($"error: {problem}");
            return 2;
        }
    }

    static string Email(CliArgs args) => args.Positional.Count == 2 ? args.Positional[1]
        : throw new CliUsageException($"'{args.Positional[0]}' needs one email address");

    static async Task<UserAccount> FindAsync(CliArgs args, UserAdmin admin) =>
        (await admin.UsersAsync(CancellationToken.None)).FirstOrDefault(u => u.Email.Equals(Email(args).Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new CliUsageException($"there is no account {Email(args)}; 'user list' shows them");

    static async Task<int> AddAsync(CliArgs args, UserAdmin admin, Accounts accounts, TextWriter output, TextReader input)
    {
        var role = args.Value("role") ?? throw new CliUsageException("'add' needs --role admin, analyst or viewer");
        // From standard input, so a password is neither in the shell's history nor in the process list.
        var password = args.Flag("password-stdin") ? (await input.ReadLineAsync())?.TrimEnd('\r', '\n') : null;
        if (args.Flag("password-stdin") && string.IsNullOrEmpty(password)) throw new CliUsageException("--password-stdin read no password");
        var user = await admin.AddAsync(new(Email(args), args.Value("name") ?? "", role, args.Value("scope"), password), Actor, CancellationToken.None);
        await output.WriteLineAsync($"Added {user.Role} {user.Email} (data: {user.DataScope}).");
        if (password is null)
        {
            var link = await admin.LinkAsync(user, SignInLinkPurpose.Invitation, email: false, Actor, CancellationToken.None);
            await output.WriteLineAsync($"Invitation link (works once, until {When(link.ExpiresAt)}):\n{link.Url}");
        }
        return 0;
    }

    static async Task<int> ListAsync(UserAdmin admin, TextWriter output)
    {
        foreach (var u in await admin.UsersAsync(CancellationToken.None))
            await output.WriteLineAsync($"{u.Email}  {u.Role}  data: {ScopeChoices.Text(u.DataScope)}  {(u.IsDisabled ? "disabled" : u.PasswordHash is null ? "no password" : "active")}  " +
                $"last sign-in {u.LastSignInAt ?? "never"}");
        return 0;
    }

    static async Task<int> LinkAsync(CliArgs args, UserAdmin admin, TextWriter output)
    {
        var user = await FindAsync(args, admin);
        var purpose = args.Flag("invite") ? SignInLinkPurpose.Invitation : SignInLinkPurpose.Reset;
        var link = await admin.LinkAsync(user, purpose, email: false, Actor, CancellationToken.None);
        await output.WriteLineAsync($"One-time sign-in link for {user.Email} ({purpose}; works once, until {When(link.ExpiresAt)}):\n{link.Url}");
        return 0;
    }

    static async Task<int> SetAsync(CliArgs args, UserAdmin admin, TextWriter output)
    {
        if (args.Flag("disable") && args.Flag("enable")) throw new CliUsageException("--disable and --enable contradict each other");
        var user = await FindAsync(args, admin);
        var changed = await admin.UpdateAsync(user.UserId, new(user.Email, args.Value("name") ?? user.Name, args.Value("role") ?? user.Role,
            args.Value("scope") ?? ScopeChoices.Text(user.DataScope), Disabled: args.Flag("disable") || (user.IsDisabled && !args.Flag("enable"))), Actor, CancellationToken.None);
        await output.WriteLineAsync($"{changed.Email}: {changed.Role}, data: {changed.DataScope}{(changed.IsDisabled ? ", disabled" : "")}.");
        return 0;
    }

    static async Task<int> TokenAsync(CliArgs args, UserAdmin admin, Accounts accounts, TextWriter output)
    {
        var user = await FindAsync(args, admin);
        var name = args.Value("name") ?? throw new CliUsageException("'token' needs --name (what the token is for)");
        var (token, _, expires) = await accounts.CreateTokenAsync(user, name, args.Value("days") is null ? null : args.Int("days", 0), CancellationToken.None);
        await output.WriteLineAsync($"API token '{name}' for {user.Email}, until {When(expires)} (shown this once; send it as Authorization: Bearer <token>):\n{token}");
        return 0;
    }

    static string When(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
