using System.Globalization;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Delivery;
using JourneyReports.Journeys;
using JourneyReports.Rendering;
using MimeKit;

namespace JourneyReports.Scheduling;

public sealed partial class ReportRunner
{
    /// <summary>
    /// One recipient's email: the subscription's formats of their slice, the KPIs as text, a link to the live dashboard
    /// of their slice and, from a subscription, a signed link to stop receiving it. With <paramref name="note"/> (a
    /// period without data) only the note goes out.
    /// </summary>
    MimeMessage Message(RunPlan plan, Rendered rendered, SubscriptionRecipient recipient, string? note)
    {
        var culture = options.ReportCulture();
        var content = EmailText(rendered.Summary.Title, rendered.Result, note is null ? rendered.Summary.Kpis : [], culture, note);
        var url = options.PublicUrl.TrimEnd('/') + rendered.Summary.LivePath;
        var workbookName = $"{rendered.Definition.Name}-{rendered.Result.Period.FirstDay:yyyy-MM-dd}.xlsx";
        var message = ReportEmail.Build(content, rendered.Files[RunArtifacts.DashboardPng], rendered.Files[RunArtifacts.Workbook], workbookName, url,
            options.Mail.From, recipient.Email);
        if (plan.Subscription is { } subscription)
            message.Headers.Add("List-Unsubscribe", $"<{links.Unsubscribe(subscription, recipient.Email)}>");
        return message;
    }

    /// <summary>The email's words and numbers, written out here so delivery only moves finished text and files.</summary>
    static EmailContent EmailText(string title, DashboardResult result, IReadOnlyList<Kpi> kpis, CultureInfo culture, string? note)
    {
        var periodLine = result.Comparison is { } c ? ReportFormat.PeriodLine(result.Period, c, culture) : ReportFormat.Period(result.Period, culture);
        var symbol = culture.NumberFormat.CurrencySymbol;
        return new EmailContent(title, periodLine,
            [.. kpis.Select(k => new EmailKpi(k.Label, ReportFormat.KpiValue(k, symbol, culture), ReportFormat.Change(k, culture) ?? "no comparison",
                ReportFormat.Sentiment(k)))],
            result.GeneratedAt, note);
    }
}
