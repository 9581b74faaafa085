using System.Globalization;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;

namespace JourneyReports.Server;

/// <summary>One recipient row of the form: an address and their slice (filter name → value; empty ones left out).</summary>
public sealed record RecipientRow(string Email, IReadOnlyDictionary<string, string> Slice);

/// <summary>
/// The subscription form's fields as posted, kept as typed so a form with problems comes back as it was sent; and the
/// subscription they make. Recipient rows post their fields under repeated names (r.email, r.department, ...), one of
/// each per row in order, so rows can be added without script; a row without an address is dropped.
/// </summary>
public sealed class SubscriptionForm
{
    public const string BuilderMode = "builder", CronMode = "cron";

    public long? Id { get; init; }
    public string Name { get; init; } = "";
    public string Owner { get; init; } = "";
    public string Report { get; init; } = "";
    /// <summary>A relative period's name, "custom" for the dates, or empty for the definition's own.</summary>
    public string Period { get; init; } = "";
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    public string Compare { get; init; } = "";
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();
    public string ScheduleMode { get; init; } = BuilderMode;
    public ScheduleBuilder Schedule { get; init; } = ScheduleBuilder.Default;
    public string Cron { get; init; } = "0 8 * * 1";
    public string TimeZone { get; init; } = "Europe/London";
    public string StartsOn { get; init; } = "";
    public string EndsOn { get; init; } = "";
    public IReadOnlyList<RecipientRow> Recipients { get; init; } = [];
    public IReadOnlyList<string> Formats { get; init; } = [.. SubscriptionFormats.Default];
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public string WhenEmpty { get; init; } = "note";
    public string RecipientsSql { get; init; } = "";
    public bool Enabled { get; init; } = true;

    /// <summary>Empty recipient rows shown below the filled ones.</summary>
    public int SpareRows { get; init; } = 2;

    public static SubscriptionForm New(string owner, string timeZone, string report) => new() { Owner = owner, TimeZone = timeZone, Report = report };

    public static SubscriptionForm Of(Subscription s)
    {
        var p = s.Parameters;
        var builder = ScheduleBuilder.FromCron(s.Cron);
        return new()
        {
            Id = s.Id, Name = s.Name, Owner = s.Owner, Report = s.Report,
            Period = p.ContainsKey("from") || p.ContainsKey("to") ? "custom" : p.GetValueOrDefault("period") ?? "",
            From = p.GetValueOrDefault("from") ?? "", To = p.GetValueOrDefault("to") ?? "", Compare = p.GetValueOrDefault("compare") ?? "",
            Filters = DashboardFilters.Names.Where(p.ContainsKey).ToDictionary(n => n, n => p[n]),
            ScheduleMode = builder is null ? CronMode : BuilderMode, Schedule = builder ?? ScheduleBuilder.Default, Cron = s.Cron, TimeZone = s.TimeZone,
            StartsOn = Date(s.StartsOn), EndsOn = Date(s.EndsOn),
            Recipients = [.. s.Recipients.Select(r => new RecipientRow(r.Email, r.Filters))],
            Formats = s.Formats, Subject = s.Subject ?? "", Body = s.Body ?? "", WhenEmpty = s.WhenEmpty, RecipientsSql = s.RecipientsSql ?? "",
            Enabled = s.Enabled, SpareRows = s.Recipients.Count == 0 ? 2 : 1,
        };
    }

    public static SubscriptionForm Read(IFormCollection form, long? id)
    {
        string F(string key) => form[key].FirstOrDefault()?.Trim() ?? "";
        var emails = form["r.email"];
        var rows = new List<RecipientRow>();
        for (var i = 0; i < emails.Count; i++)
        {
            var slice = DashboardFilters.Names
                .Select(n => (Name: n, Value: form[$"r.{n}"].ElementAtOrDefault(i)?.Trim() ?? ""))
                .Where(f => f.Value.Length > 0).ToDictionary(f => f.Name, f => f.Value);
            var email = emails[i]?.Trim() ?? "";
            if (email.Length > 0 || slice.Count > 0) rows.Add(new RecipientRow(email, slice));
        }
        return new()
        {
            Id = id, Name = F("name"), Owner = F("owner"), Report = F("report"), Period = F("period"), From = F("from"), To = F("to"), Compare = F("compare"),
            Filters = DashboardFilters.Names.Where(n => F(n).Length > 0).ToDictionary(n => n, F),
            ScheduleMode = F("scheduleMode") == CronMode ? CronMode : BuilderMode,
            Schedule = new ScheduleBuilder(F("frequency"),
                [.. form["weekdays"].Select(d => int.TryParse(d, CultureInfo.InvariantCulture, out var n) ? n : -1).Where(n => n is >= 0 and <= 6)],
                int.TryParse(F("dayOfMonth"), CultureInfo.InvariantCulture, out var day) ? day : 0, F("time")),
            Cron = F("cron"), TimeZone = F("timeZone"), StartsOn = F("startsOn"), EndsOn = F("endsOn"), Recipients = rows,
            Formats = [.. form["formats"].Where(f => f is { Length: > 0 }).Select(f => f!)],
            Subject = form["subject"].FirstOrDefault() ?? "", Body = form["body"].FirstOrDefault() ?? "", WhenEmpty = F("whenEmpty"),
            RecipientsSql = form["recipientsSql"].FirstOrDefault() ?? "", Enabled = F("enabled") is "true" or "on",
            SpareRows = F("action") == "more-rows" ? 3 : 1,
        };
    }

    /// <summary>The cron the form makes: the builder's, or the raw one; null with the builder's problems.</summary>
    public (string? Cron, IReadOnlyDictionary<string, string> Problems) MadeCron() =>
        ScheduleMode == CronMode ? (Cron, new Dictionary<string, string>()) : Schedule.ToCron();

    /// <summary>The subscription these fields make, and the problems only the form can have (a date or time that is not one).</summary>
    public (Subscription Subscription, Dictionary<string, string[]> Problems) ToSubscription()
    {
        var problems = new Dictionary<string, string[]>();
        var (cron, cronProblems) = MadeCron();
        foreach (var (field, problem) in cronProblems) problems[field] = [problem];
        var parameters = new Dictionary<string, string>();
        if (Period == "custom")
        {
            if (From.Length > 0) parameters["from"] = From;
            if (To.Length > 0) parameters["to"] = To;
        }
        else if (Period.Length > 0) parameters["period"] = Period;
        if (Compare.Length > 0) parameters["compare"] = Compare;
        foreach (var (name, value) in Filters) parameters[name] = value;
        var subscription = new Subscription
        {
            Id = Id ?? 0, Name = Name, Owner = Owner, Report = Report, Parameters = parameters, Cron = cron ?? "", TimeZone = TimeZone, Enabled = Enabled,
            StartsOn = ParseDate(StartsOn, "startsOn", problems), EndsOn = ParseDate(EndsOn, "endsOn", problems),
            Formats = [.. Formats], Subject = Blank(Subject), Body = Blank(Body),
            Recipients = [.. Recipients.Select(r => new SubscriptionRecipient(r.Email, r.Slice.Count == 0 ? null : r.Slice))],
            RecipientsSql = Blank(RecipientsSql), WhenEmpty = WhenEmpty,
        };
        return (subscription, problems);
    }

    static DateOnly? ParseDate(string text, string field, Dictionary<string, string[]> problems)
    {
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems[field] = [$"{field} '{text}' is not a date such as 2027-01-31"];
        return null;
    }

    static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
