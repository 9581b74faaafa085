using JourneyReports.Catalog;
using JourneyReports.Delivery;
using JourneyReports.Scheduling;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>A schedule's next fire times in its zone, or what is wrong with its cron or zone (by field).</summary>
public sealed record SchedulePreview(string Cron, string TimeZone, IReadOnlyList<DateTimeOffset> Times, IReadOnlyDictionary<string, string[]> Problems);

/// <summary>An email's subject and text as the templates render them with sample values, or every template problem (by template).</summary>
public sealed record EmailPreview(string? Subject, string? Text, IReadOnlyDictionary<string, string[]> Problems);

/// <summary>What the subscription form shows before anything is saved; pure functions of their input.</summary>
public static class SubscriptionPreviews
{
    public const int MaxCount = 50;

    public static SchedulePreview Schedule(string? cron, string? timeZone, DateTimeOffset from, int count)
    {
        cron = (cron ?? "").Trim();
        timeZone = (timeZone ?? "").Trim();
        var problems = new Dictionary<string, string[]>();
        if (!SubscriptionValidation.IsCron(cron))
            problems["cron"] = [$"cron '{cron}' is not a cron expression of five fields (minute hour day month weekday), e.g. '0 8 * * 1' for Mondays 08:00"];
        if (TimeZones.Problem(timeZone) is { } zone) problems["timeZone"] = [$"timeZone: {zone}"];
        if (count is < 1 or > MaxCount) problems["count"] = [$"count must be 1 to {MaxCount}; it was {count}"];
        var times = problems.Count > 0 ? [] : SubscriptionJob.NextFireTimes(new Subscription { Cron = cron, TimeZone = timeZone }, from, count);
        return new SchedulePreview(cron, timeZone, times, problems);
    }

    /// <summary>Rendered as the runner renders a real email, with the sample values every template is checked against.</summary>
    public static EmailPreview Email(string? subject, string? body)
    {
        var check = EmailTemplate.Check(subject, body);
        if (check.Template is not { } template)
            return new EmailPreview(null, null, check.Problems.GroupBy(p => p.Template).ToDictionary(g => g.Key, g => g.Select(p => $"template {p}").ToArray()));
        var email = template.Render(EmailTemplateValues.Sample);
        return new EmailPreview(email.Subject, email.TextBody, new Dictionary<string, string[]>());
    }
}
