using System.Globalization;
using Cronos;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Warehouse;
using MimeKit;

namespace JourneyReports.Scheduling;

/// <summary>Checks the whole configuration at start-up and names every problem, so nothing fails at 08:00 on Monday instead.</summary>
public static class OptionsValidation
{
    public static IReadOnlyList<string> Validate(JourneyReportsOptions o)
    {
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }

        Check(IsCulture(o.Culture), $"JourneyReports:Culture '{o.Culture}' is not a known culture (e.g. en-GB).");
        Check(Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _), $"JourneyReports:PublicUrl '{o.PublicUrl}' is not an absolute URL.");
        if (WarehouseProviders.Problem(o.Warehouse.Provider) is { } provider) errors.Add(provider + ".");
        var providerProblems = WarehouseProviders.Problems(o.Warehouse, o.Sources.Count).ToList();
        errors.AddRange(providerProblems);
        Check(o.Warehouse.DemoScale is > 0 and <= 100, $"JourneyReports:Warehouse:DemoScale must be above 0 and at most 100 (was {o.Warehouse.DemoScale}).");
        errors.AddRange(o.Warehouse.AnalystSql.Problems());
        Check(WarehouseOptions.IsMemorySize(o.Warehouse.ImportMemoryLimit),
            $"JourneyReports:Warehouse:ImportMemoryLimit '{o.Warehouse.ImportMemoryLimit}' is not a memory size like 256MB or 2GB.");
        Check(o.Journey.ConversionWindowDays is >= 1 and <= 365, $"JourneyReports:Journey:ConversionWindowDays must be 1 to 365 (was {o.Journey.ConversionWindowDays}).");
        foreach (var stage in o.Journey.StageMap.Keys.Where(s => JourneyStages.OrderOf(s) == 0))
            errors.Add($"JourneyReports:Journey:StageMap names an unknown stage '{stage}'; stages are {string.Join(", ", JourneyStages.InOrder)}.");
        foreach (var twice in o.Journey.EventStages().GroupBy(e => e.EventType).Where(g => g.Count() > 1))
            errors.Add($"JourneyReports:Journey:StageMap puts event type '{twice.Key}' in more than one stage ({string.Join(", ", twice.Select(t => t.Stage))}).");
        errors.AddRange(o.Instance.Problems());
        errors.AddRange(o.Catalog.Problems());
        errors.AddRange(o.Mail.Problems());
        errors.AddRange(o.Subscriptions.Problems());
        Check(o.Dashboards.CacheEntries is >= 0 and <= 100_000, $"JourneyReports:Dashboards:CacheEntries must be 0 (no cache) to 100000 (was {o.Dashboards.CacheEntries}).");
        foreach (var (name, source) in o.Sources) errors.AddRange(source.Problems(name));

        var library = new Lazy<DashboardLibrary>(() => DashboardLibrary.Load(o.DashboardsDirectory, WarehouseProviders.Create(o.Warehouse, o.ResolvePath)));
        foreach (var (s, i) in o.Schedules.Select((s, i) => (s, i)))
        {
            var at = $"JourneyReports:Schedules:{i}";
            // Which reports exist depends on the warehouse's SQL checker: without a known provider that is said above.
            if (WarehouseProviders.Problem(o.Warehouse.Provider) is null && providerProblems.Count == 0 && ReportRunner.ProblemWith(library.Value, s.Report) is { } problem) errors.Add($"{at}:Report {problem}.");
            Check(SubscriptionValidation.IsCron(s.Cron), $"{at}:Cron '{s.Cron}' is not a valid cron expression (five fields, e.g. '0 8 * * 1' for Mondays 08:00).");
            if (TimeZones.Problem(s.TimeZone) is { } zoneProblem) errors.Add($"{at}:TimeZone: {zoneProblem}.");
            Check(s.Recipients.Count > 0, $"{at}:Recipients is empty.");
            foreach (var r in s.Recipients.Where(r => !MailboxAddress.TryParse(r, out var m) || !m.Address.Contains('@')))
                errors.Add($"{at}:Recipients '{r}' is not an email address.");
        }
        foreach (var dup in o.Schedules.GroupBy(s => s.Key).Where(g => g.Count() > 1))
            errors.Add($"JourneyReports:Schedules has {dup.Count()} schedules named '{dup.Key}'; give each an Id of its own.");
        return errors;
    }

    static bool IsCulture(string name)
    {
        try { return !string.IsNullOrEmpty(CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name); }
        catch (CultureNotFoundException) { return false; }
    }


}
