using System.Globalization;
using System.Text.Json;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Journeys;
using JourneyReports.Scheduling;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>
/// subscription: analysts' schedules, kept in the catalog. save (create or change, from a JSON file), list, show,
/// pause, resume, delete, and run now (in this process; --to sends a test to those addresses instead). A running server
/// follows the changes within seconds (Subscriptions:SyncSeconds) without a restart.
/// </summary>
public static class SubscriptionVerb
{
    public const string Usage = "subscription save FILE.json|- | list | show NAME | pause NAME | resume NAME | delete NAME | run NAME [--to EMAIL ...]";

    public static async Task<int> RunAsync(CliArgs args, IServiceProvider services)
    {
        args.OnlyKnown("to");
        if (args.Positional.Count == 0) throw new CliUsageException("name what to do: save, list, show, pause, resume, delete or run");
        var catalog = services.GetRequiredService<ReportCatalog>();
        await catalog.MigrateAsync(CancellationToken.None);
        var clock = services.GetRequiredService<TimeProvider>();
        string Name() => args.Positional.Count == 2 ? args.Positional[1] : throw new CliUsageException($"'{args.Positional[0]}' needs one subscription name");
        async Task<Subscription> Find() => await catalog.FindSubscriptionAsync(Name(), CancellationToken.None)
            ?? throw new CliUsageException($"there is no subscription '{Name()}'; 'subscription list' shows them");
        switch (args.Positional[0])
        {
            case "save": return await SaveAsync(Name(), services, catalog, clock);
            case "list":
                foreach (var s in await catalog.SubscriptionsAsync(CancellationToken.None))
                {
                    var next = SubscriptionJob.NextFireTimes(s, clock.GetUtcNow(), 1).FirstOrDefault();
                    Console.WriteLine($"{s.Name}  {s.Report}  '{s.Cron}' {s.TimeZone}  {(s.Enabled ? "enabled" : "paused")}  " +
                        $"{s.Recipients.Count} recipient(s){(s.RecipientsSql is null ? "" : " + query")}  next {(s.Enabled && next != default ? next.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : "-")}");
                }
                return 0;
            case "show":
                Console.WriteLine(JsonSerializer.Serialize(await Find(), Subscription.Json));
                return 0;
            case "pause" or "resume":
                var enable = args.Positional[0] == "resume";
                if (!await catalog.SetSubscriptionEnabledAsync(Name(), enable, clock.GetUtcNow(), CancellationToken.None)) await Find();
                Console.WriteLine($"Subscription {Name()} {(enable ? "resumed" : "paused")}.");
                return 0;
            case "delete":
                if (!await catalog.DeleteSubscriptionAsync(Name(), CancellationToken.None)) await Find();
                Console.WriteLine($"Subscription {Name()} deleted (its runs stay in the history).");
                return 0;
            case "run":
                return await RunNowAsync(await Find(), args.Values("to"), services, clock);
            default:
                throw new CliUsageException($"'{args.Positional[0]}' is not save, list, show, pause, resume, delete or run");
        }
    }

    /// <summary>Reads, checks (every problem at once) and saves a subscription file; prints its next fire times.</summary>
    static async Task<int> SaveAsync(string file, IServiceProvider services, ReportCatalog catalog, TimeProvider clock)
    {
        Subscription subscription;
        try
        {
            var json = file == "-" ? await Console.In.ReadToEndAsync() : await File.ReadAllTextAsync(file);
            subscription = JsonSerializer.Deserialize<Subscription>(json, Subscription.Json) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"{file} is not a subscription: {e.Message}");
        }
        catch (FileNotFoundException)
        {
            throw new CliUsageException($"{file} does not exist");
        }
        var options = services.GetRequiredService<JourneyReportsOptions>();
        var warehouse = services.GetRequiredService<JourneyWarehouse>();
        IReadOnlyDictionary<string, IReadOnlySet<string>> values;
        await using (var connection = await warehouse.OpenAsync(CancellationToken.None))
            values = await FilterValues.LoadAsync(warehouse, connection, CancellationToken.None);
        var problems = SubscriptionValidation.Problems(subscription, DashboardLibrary.Load(options.DashboardsDirectory, warehouse.Provider),
            warehouse.Provider, values, options.Mail);
        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"{file}: the subscription '{subscription.Name}' has {problems.Count} problem(s), nothing was saved:");
            foreach (var p in problems) Console.Error.WriteLine($"  - {p}");
            return 2;
        }
        var saved = await catalog.SaveSubscriptionAsync(subscription, clock.GetUtcNow(), CancellationToken.None);
        Console.WriteLine($"Saved subscription {saved.Name} (id {saved.Id}, version {saved.Version}): {saved.Report} at '{saved.Cron}' {saved.TimeZone}, " +
            $"{(saved.Enabled ? "enabled" : "paused")}. Next fire times:");
        foreach (var next in SubscriptionJob.NextFireTimes(saved, clock.GetUtcNow(), 5))
            Console.WriteLine($"  {next.ToString("ddd yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}");
        return 0;
    }

    /// <summary>Runs the subscription now in this process, through its ledger; with --to, a test to those addresses only.</summary>
    static async Task<int> RunNowAsync(Subscription subscription, IReadOnlyList<string> to, IServiceProvider services, TimeProvider clock)
    {
        foreach (var address in to.Where(t => !MimeKit.MailboxAddress.TryParse(t, out var m) || !m.Address.Contains('@')))
            throw new CliUsageException($"--to '{address}' is not an email address");
        if (to.Count > 0)
        {
            // The subscription's own email (templates, formats), to these addresses only: no ledger, no owner notices.
            var plan = new RunPlan(subscription.Report, ReportRunner.TestTrigger, subscription.TimeZone, subscription.Parameters,
                [.. to.Select(t => new SubscriptionRecipient(t))], subscription.Formats, subscription, clock.GetUtcNow());
            return Print(await services.GetRequiredService<ReportRunner>().RunAsync(plan, CancellationToken.None));
        }
        var before = (await services.GetRequiredService<ReportCatalog>().RecentRunsAsync(1, CancellationToken.None)).FirstOrDefault()?.RunId ?? 0;
        await services.GetRequiredService<SubscriptionJob>().RunAsync(subscription, clock.GetUtcNow(), "cli", CancellationToken.None);
        var run = (await services.GetRequiredService<ReportCatalog>().RecentRunsAsync(1, CancellationToken.None)).FirstOrDefault();
        if (run is null || run.RunId == before) { Console.WriteLine($"Subscription {subscription.Name} did not run (see the log: paused, outside its dates, or running already)."); return 1; }
        Console.WriteLine($"Run {run.RunId} of {subscription.Name}: {run.Status}{(run.Error is null ? "" : " — " + run.Error)}");
        foreach (var d in await services.GetRequiredService<ReportCatalog>().DeliveriesAsync(run.RunId, CancellationToken.None))
            Console.WriteLine($"  {d.Recipient}: {d.Status} — {d.Detail}");
        return run.Status is RunStatus.Succeeded or RunStatus.Skipped ? 0 : 1;
    }

    static int Print(RunResult result)
    {
        Console.WriteLine($"Run {result.RunId}: {result.Status}");
        foreach (var d in result.Deliveries) Console.WriteLine($"  {d.Recipient}: {d.Status} — {d.Detail}");
        return result.Status == RunStatus.Succeeded ? 0 : 1;
    }
}
