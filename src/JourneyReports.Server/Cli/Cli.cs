using System.Globalization;
using JourneyReports.Warehouse;
using Serilog;

namespace JourneyReports.Server;

/// <summary>
/// Command-line verbs of the server executable. They read the same appsettings.json and environment variables as the
/// server and open the warehouse the same way: one process at a time, failing at once if the server is using it.
/// </summary>
public static class Cli
{
    static readonly Dictionary<string, (string Usage, Func<CliArgs, IServiceProvider, Task<int>> Run)> Verbs = new()
    {
        ["seed"] = ("seed [--scale 1] [--seed 42] [--replace]   generate demo data into the warehouse", SeedVerb.RunAsync),
        ["run"] = ("run <report> [--out DIR] [--to EMAIL ...] [--tz ZONE] [--no-email]   run a report now (any dashboard definition, e.g. executive-weekly) and print where its artifacts went", RunVerb.RunAsync),
        ["metrics"] = (MetricsVerb.Usage + "   print a metric family as JSON or CSV", MetricsVerb.RunAsync),
        ["refresh"] = (RefreshVerb.Usage + "   refresh the model from a configured source now (Import mode, docs/refresh.md)", RefreshVerb.RunAsync),
        ["import"] = ("import --mapping FILE [--data DIR] [--rejects FILE]   load CSV exports into the warehouse as a mapping file says", ImportVerb.RunAsync),
        ["dashboard"] = ("dashboard [<name> [--out FILE.png|FILE.svg|FILE.pdf] [--xlsx FILE.xlsx] [--width W (default: the layout's)] [--period NAME | --from yyyy-MM-dd --to yyyy-MM-dd] [--compare C] [--tz ZONE] [--persona P] [--segment S] [--region R] [--channel C] [--device D] [--department D]] [--folder dashboards]   validate the dashboard definitions; render one (default parameters, or those given) to a PNG, an SVG or PDF by --out's extension, and/or an Excel workbook", DashboardVerb.RunAsync),
        ["bench"] = ("bench [--scale 1] [--runs 3] [--families a,b] [--keep] | bench --sheet-rows 1000000 | bench --subscriptions [N] --smtp HOST:PORT [--recipients 200] | bench --web [--scale 1] [--clients 20] [--requests 200] | bench --refresh [--rows 5000000] | bench --peers [--runs 3] [--peer ../shared/peer] [--data ../shared/data] [--work DIR]   time demo generation, every metric family and whole report runs; or a streamed detail sheet; or the web server's dashboards under concurrent clients; or a refresh from a stand-in source; or import, funnel and the weekly report against the pandas peers", BenchVerb.RunAsync),
        ["subscription"] = (SubscriptionVerb.Usage + "   analysts' schedules in the catalog: a running server follows changes within seconds", SubscriptionVerb.RunAsync),
        ["user"] = (UserVerb.Usage + "   accounts: add, list, change; a one-time sign-in link (the way back in); an API token", UserVerb.RunAsync),
        ["gallery"] = ("gallery [--out gallery] [--scale 0.02]   every dashboard definition over a small demo warehouse as PNG, SVG and workbook, to look at", GalleryVerb.RunAsync),
        ["help"] = ("help   this list", (_, _) => Task.FromResult(Help())),
    };

    public static bool IsVerb(string arg) => Verbs.ContainsKey(arg) || arg is "--help" or "-h";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] is "help" or "--help" or "-h") return Help();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var serilog = new LoggerConfiguration();
        ServerSetup.ConfigureLogging(serilog, configuration);
        using var loggerFactory = new Serilog.Extensions.Logging.SerilogLoggerFactory(serilog.CreateLogger(), dispose: true);
        try
        {
            var options = ServerSetup.LoadOptions(configuration, Directory.GetCurrentDirectory());
            await using var services = Services(options, loggerFactory, configuration.GetSection(AccountOptions.Section).Get<AccountOptions>());
            return await Verbs[args[0]].Run(new CliArgs(args[1..]), services);
        }
        catch (Exception e) when (e is CliUsageException or WarehouseBusyException or InvalidOperationException or ArgumentException
            or System.Data.Common.DbException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException
            or Scheduling.DeliveryIncompleteException or Delivery.EmailTemplateException or TimeoutException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            if (e is CliUsageException) Console.Error.WriteLine($"usage: {Verbs[args[0]].Usage}");
            return 2;
        }
    }

    /// <summary>The engine's services for a verb: the same registration as the server's, over these options.</summary>
    internal static ServiceProvider Services(JourneyReportsOptions options, ILoggerFactory logs, AccountOptions? accounts = null) => new ServiceCollection()
        .AddSingleton(options)
        .AddSingleton(logs)
        .AddLogging()
        .AddJourneyReportsEngine()
        .AddSingleton(accounts ?? new AccountOptions())
        .AddSingleton<Accounts>()
        .AddSingleton<FilterChoices>()
        .AddSingleton<UserAdmin>()
        .BuildServiceProvider();

    static int Help()
    {
        Console.WriteLine("JourneyReports. With no verb it starts the server. Verbs:");
        foreach (var (_, (usage, _)) in Verbs) Console.WriteLine("  " + usage);
        return 0;
    }

    /// <summary>
    /// Writes a verb's output file beside the target and moves it into place only when complete, so a failed export
    /// never leaves a half-written file under the asked-for name (nor a stray .partial).
    /// </summary>
    internal static async Task WriteWholeAsync(string path, Func<Stream, ValueTask> write)
    {
        var partial = path + ".partial";
        try
        {
            await using (var file = File.Create(partial)) await write(file);
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            if (File.Exists(partial)) File.Delete(partial);
            throw;
        }
    }
}

public sealed class CliUsageException(string message) : Exception(message);

/// <summary>"--name value" options, repeatable, and bare positional words.</summary>
public sealed class CliArgs
{
    readonly List<string> positional = [];
    readonly Dictionary<string, List<string>> named = [];
    readonly HashSet<string> flags = [];

    public CliArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--")) { positional.Add(args[i]); continue; }
            var name = args[i][2..];
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--"))
                (named.TryGetValue(name, out var list) ? list : named[name] = []).Add(args[++i]);
            else
                flags.Add(name);
        }
    }

    public IReadOnlyList<string> Positional => positional;
    public bool Flag(string name) => flags.Contains(name);
    public string? Value(string name) => named.TryGetValue(name, out var v) ? v[^1] : null;
    public IReadOnlyList<string> Values(string name) => named.TryGetValue(name, out var v) ? v : [];

    public void OnlyKnown(params string[] known)
    {
        var unknown = named.Keys.Concat(flags).Where(n => !known.Contains(n)).ToList();
        if (unknown.Count > 0) throw new CliUsageException($"unknown option --{unknown[0]}");
    }

    public double Double(string name, double fallback) => Value(name) is not { } s ? fallback
        : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
        : throw new CliUsageException($"--{name} '{s}' is not a number");

    public int Int(string name, int fallback) => Value(name) is not { } s ? fallback
        : int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw new CliUsageException($"--{name} '{s}' is not a whole number");
}
