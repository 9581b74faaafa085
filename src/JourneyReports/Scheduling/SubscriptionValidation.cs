using System.Text.RegularExpressions;
using Cronos;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Delivery;
using JourneyReports.Warehouse;
using MimeKit;

namespace JourneyReports.Scheduling;

/// <summary>
/// Every problem with a subscription, named, all at once, before it is saved: the report, its parameters and each
/// recipient's slice against the definition, the filter values against the warehouse, cron, time zone, dates, formats,
/// addresses (and Mail:AllowedDomains), the recipients query and the templates.
/// </summary>
public static partial class SubscriptionValidation
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    static readonly string[] PeriodNames = ["period", "from", "to", "compare"];
    static readonly string[] WhenEmpty = ["note", "skip", "send"];

    /// <param name="filterValues">The values each filter takes in the warehouse (<see cref="Journeys.FilterValues"/>); null skips that check.</param>
    public static IReadOnlyList<string> Problems(Subscription s, DashboardLibrary library, IWarehouseProvider sqlChecker,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? filterValues, MailOptions mail)
    {
        var problems = new List<string>();
        if (!Slug().IsMatch(s.Name)) problems.Add($"name '{s.Name}' must be lower-case words joined by hyphens, e.g. 'weekly-heads'");
        if (!IsAddress(s.Owner)) problems.Add($"owner '{s.Owner}' is not an email address");

        var definition = library.Definitions.FirstOrDefault(d => d.Name == s.Report);
        if (ReportRunner.ProblemWith(library, s.Report) is { } report) problems.Add($"report: {report}");
        foreach (var key in s.Parameters.Keys.Where(k => !PeriodNames.Contains(k) && !DashboardFilters.Names.Contains(k)))
            problems.Add($"parameters: '{key}' is not a parameter; use {string.Join(", ", PeriodNames.Concat(DashboardFilters.Names))}");
        if (definition is not null)
            foreach (var problem in Apply(definition, s.Parameters, s.TimeZone)) problems.Add($"parameters: {problem}");
        FilterValuesKnown(s.Parameters, "parameters", filterValues, problems);

        if (!IsCron(s.Cron)) problems.Add($"cron '{s.Cron}' is not a cron expression of five fields (minute hour day month weekday), e.g. '0 8 * * 1' for Mondays 08:00");
        if (TimeZones.Problem(s.TimeZone) is { } zone) problems.Add($"timeZone: {zone}");
        if (s.StartsOn is { } from && s.EndsOn is { } to && to < from) problems.Add($"endsOn {to:yyyy-MM-dd} is before startsOn {from:yyyy-MM-dd}");
        if (s.Formats.Count == 0) problems.Add($"formats is empty; use some of {string.Join(", ", SubscriptionFormats.All)}");
        foreach (var f in s.Formats.Where(f => !SubscriptionFormats.All.Contains(f)))
            problems.Add($"format '{f}' is unknown; use {string.Join(", ", SubscriptionFormats.All)}");
        if (!WhenEmpty.Contains(s.WhenEmpty)) problems.Add($"whenEmpty '{s.WhenEmpty}' is unknown; use {string.Join(", ", WhenEmpty)}");

        if (s.Recipients.Count == 0 && string.IsNullOrWhiteSpace(s.RecipientsSql)) problems.Add("there are no recipients: list some, or give recipientsSql");
        foreach (var twice in s.Recipients.GroupBy(r => r.Email, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"recipient '{twice.Key}' is listed {twice.Count()} times; a recipient has one slice");
        foreach (var r in s.Recipients)
        {
            if (!IsAddress(r.Email)) { problems.Add($"recipient '{r.Email}' is not an email address"); continue; }
            if (DomainProblem(r.Email, mail) is { } domain) problems.Add($"recipient {domain}");
            foreach (var key in r.Filters.Keys.Where(k => !DashboardFilters.Names.Contains(k)))
                problems.Add($"recipient '{r.Email}': slice '{key}' is not a filter; use {string.Join(", ", DashboardFilters.Names)}");
            FilterValuesKnown(r.Filters, $"recipient '{r.Email}'", filterValues, problems);
            if (definition is not null && r.Filters.Count > 0)
                foreach (var problem in Apply(definition, Merge(s.Parameters, r.Filters), s.TimeZone))
                    problems.Add($"recipient '{r.Email}': {problem}");
        }
        if (s.RecipientsSql is { Length: > 0 } sql) problems.AddRange(RecipientsQueryProblems(sql, sqlChecker));
        problems.AddRange(EmailTemplate.Check(s.Subject, s.Body).Problems.Select(p => $"template {p}"));
        return problems.Distinct().ToList();
    }

    /// <summary>Null when <paramref name="address"/> may receive reports under Mail:AllowedDomains (empty: any); else why not.</summary>
    public static string? DomainProblem(string address, MailOptions mail) =>
        mail.Allows(address) ? null : $"'{address}' is outside Mail:AllowedDomains ({string.Join(", ", mail.AllowedDomains)})";

    static IEnumerable<string> RecipientsQueryProblems(string sql, IWarehouseProvider sqlChecker)
    {
        var check = sqlChecker.CheckAnalystSql(sql);
        foreach (var problem in check.Problems) yield return $"recipientsSql: {problem}";
        if (!check.Passed) yield break;
        if (!check.Columns.Any(c => c.Name.Equals("email", StringComparison.OrdinalIgnoreCase)))
            yield return "recipientsSql must return an 'email' column";
        foreach (var column in check.Columns.Where(c => !c.Name.Equals("email", StringComparison.OrdinalIgnoreCase) && !DashboardFilters.Names.Contains(c.Name.ToLowerInvariant())))
            yield return $"recipientsSql: column '{column.Name}' is neither 'email' nor a filter ({string.Join(", ", DashboardFilters.Names)})";
    }

    static void FilterValuesKnown(IReadOnlyDictionary<string, string> filters, string where, IReadOnlyDictionary<string, IReadOnlySet<string>>? known, List<string> problems)
    {
        if (known is null) return;
        foreach (var (name, value) in filters.Where(f => DashboardFilters.Names.Contains(f.Key) && f.Value.Length > 0))
            if (known.TryGetValue(name, out var values) && !values.Contains(value))
                problems.Add($"{where}: {name} '{value}' is not in the warehouse; there are: {string.Join(", ", values.Order().Take(20))}");
    }

    static IReadOnlyList<string> Apply(DashboardDefinition definition, IReadOnlyDictionary<string, string> parameters, string timeZone)
    {
        var all = new Dictionary<string, string>(parameters) { ["tz"] = timeZone };
        return ParameterOverrides.Read(all.GetValueOrDefault).ApplyTo(definition).Errors.Where(e => !e.Contains("time zone", StringComparison.Ordinal)).ToList();
    }

    internal static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> slice)
    {
        var merged = new Dictionary<string, string>(parameters);
        foreach (var (k, v) in slice) merged[k] = v;
        return merged;
    }

    static bool IsAddress(string address) => MailboxAddress.TryParse(address, out var m) && m.Address.Contains('@') && m.Address == address.Trim();

    public static bool IsCron(string cron)
    {
        try { CronExpression.Parse(cron); return true; }
        catch (CronFormatException) { return false; }
    }
}
