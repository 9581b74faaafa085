using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Journeys;
using JourneyReports.Rendering;
using JourneyReports.Scheduling;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>run: run a report (any dashboard definition, e.g. executive-weekly) now, to the --to addresses only, and print where everything went; subscriptions run with "subscription run".</summary>
public static class RunVerb
{
    public static async Task<int> RunAsync(CliArgs args, IServiceProvider services)
    {
        var options = services.GetRequiredService<JourneyReportsOptions>();
        args.OnlyKnown("out", "to", "tz", "no-email");
        if (args.Positional.Count != 1) throw new CliUsageException("name one report, e.g. 'run executive-weekly'");
        var reportId = args.Positional[0];
        if (ReportRunner.ProblemWith(DashboardLibrary.Load(options.DashboardsDirectory, services.GetRequiredService<IWarehouseProvider>()), reportId) is { } problem) throw new CliUsageException(problem);
        if (args.Value("out") is { } outFolder)
        {
            try { Directory.CreateDirectory(outFolder); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CliUsageException($"--out '{outFolder}' cannot be used: {e.Message}"); }
        }
        var recipients = args.Flag("no-email") ? [] : args.Values("to");
        foreach (var to in args.Values("to").Where(t => !MimeKit.MailboxAddress.TryParse(t, out var m) || !m.Address.Contains('@')))
            throw new CliUsageException($"--to '{to}' is not an email address");
        var timeZone = args.Value("tz") ?? "Europe/London";

        await services.GetRequiredService<ReportCatalog>().MigrateAsync(CancellationToken.None);
        var runner = services.GetRequiredService<ReportRunner>();
        var result = await runner.RunAsync(new RunRequest(reportId, "cli", recipients, timeZone, JourneyFilter.None), CancellationToken.None);

        var files = new List<string> { result.DashboardPath, result.WorkbookPath };
        if (args.Value("out") is { } outDir)
        {
            Directory.CreateDirectory(outDir);
            files = files.Select(f => Copy(f, outDir)).ToList();
            files.AddRange(result.Deliveries.Where(d => d.Status == "sent" && File.Exists(d.Detail)).Select(d => Copy(d.Detail, outDir)));
        }
        Console.WriteLine($"Run {result.RunId} of {reportId} for {ReportFormat.Period(result.Period, System.Globalization.CultureInfo.GetCultureInfo(options.Culture))} ({result.Period.TimeZoneId})");
        foreach (var f in files) Console.WriteLine($"  {Path.GetFullPath(f)}");
        foreach (var d in result.Deliveries) Console.WriteLine($"  email to {d.Recipient}: {d.Status} — {d.Detail}");
        return result.Status == RunStatus.Succeeded ? 0 : 1;
    }

    static string Copy(string file, string directory)
    {
        var target = Path.Combine(directory, Path.GetFileName(file));
        File.Copy(file, target, overwrite: true);
        return target;
    }
}
