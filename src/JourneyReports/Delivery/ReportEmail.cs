using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace JourneyReports;

/// <summary>
/// What a report's email says: its title, the period line, the headline KPIs (none for a dashboard without KPI tiles)
/// and, when some of its data could not be loaded, a note saying which.
/// </summary>
public sealed record EmailContent(string Title, string PeriodLine, IReadOnlyList<Kpi> Kpis, string CurrencySymbol, DateTimeOffset GeneratedAt, string? Note = null)
{
    public static EmailContent For(ExecutiveWeeklyData data, CultureInfo culture) =>
        new(data.Title, ReportFormat.PeriodLine(data.Period, data.ComparisonPeriod, culture), data.Kpis, data.CurrencySymbol, data.GeneratedAt);
}

/// <summary>The report email: the dashboard inline, the KPIs as text, the workbook attached, a link to the live dashboard.</summary>
public static class ReportEmail
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static MimeMessage Build(
        ExecutiveWeeklyData data, byte[] dashboardPng, byte[] workbook, string workbookFileName,
        string dashboardUrl, string from, string to, CultureInfo culture) =>
        Build(EmailContent.For(data, culture), dashboardPng, workbook, workbookFileName, dashboardUrl, from, to, culture);

    /// <summary>Any report's email: its title and period line as the subject, its KPIs (if any) as text, the dashboard inline.</summary>
    public static MimeMessage Build(
        EmailContent content, byte[] dashboardPng, byte[] workbook, string workbookFileName,
        string dashboardUrl, string from, string to, CultureInfo culture)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = $"{content.Title}: {content.PeriodLine}";
        message.Date = content.GeneratedAt;

        var body = new BodyBuilder();
        var image = body.LinkedResources.Add("dashboard.png", dashboardPng, new ContentType("image", "png"));
        image.ContentId = MimeUtils.GenerateMessageId();
        body.Attachments.Add(workbookFileName, workbook, ContentType.Parse(XlsxMediaType));
        body.TextBody = Text(content, dashboardUrl, culture);
        body.HtmlBody = Html(content, image.ContentId, dashboardUrl, culture);
        message.Body = body.ToMessageBody();
        return message;
    }

    static string Text(EmailContent data, string url, CultureInfo culture)
    {
        var s = new StringBuilder();
        s.AppendLine($"{data.Title} — {data.PeriodLine}").AppendLine();
        foreach (var k in data.Kpis)
            s.AppendLine($"{k.Label}: {ReportFormat.KpiValue(k, data.CurrencySymbol, culture)} ({(ReportFormat.Change(k, culture) ?? "no comparison")})");
        if (data.Kpis.Count > 0) s.AppendLine();
        if (data.Note is { } note) s.AppendLine(note).AppendLine();
        s.AppendLine($"Open the live dashboard: {url}");
        s.AppendLine("The workbook with every number behind the dashboard is attached.");
        return s.ToString();
    }

    static string Html(EmailContent data, string cid, string url, CultureInfo culture)
    {
        string E(string t) => WebUtility.HtmlEncode(t);
        var rows = new StringBuilder();
        foreach (var k in data.Kpis)
        {
            var colour = ReportFormat.Sentiment(k) switch { > 0 => "#1a7f37", < 0 => "#cf222e", _ => "#57606a" };
            rows.Append($"""<tr><td style="padding:4px 12px 4px 0">{E(k.Label)}</td><td style="padding:4px 12px;text-align:right;font-weight:bold">{E(ReportFormat.KpiValue(k, data.CurrencySymbol, culture))}</td><td style="padding:4px 0 4px 12px;color:{colour}">{E((ReportFormat.Change(k, culture) ?? "no comparison"))}</td></tr>""");
        }
        return $"""
            <!DOCTYPE html>
            <html><body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#24292f;max-width:1200px">
            <h2 style="margin-bottom:0">{E(data.Title)}</h2>
            <p style="margin-top:4px;color:#57606a">{E(data.PeriodLine)}</p>
            {(rows.Length == 0 ? "" : $"<table style=\"border-collapse:collapse;margin:12px 0\">{rows}</table>")}
            {(data.Note is { } note ? $"<p style=\"color:#cf222e\">{E(note)}</p>" : "")}
            <p><a href="{E(url)}">Open the live dashboard</a> · the workbook with every number is attached.</p>
            <img src="cid:{cid}" alt="{E(data.Title)} dashboard" style="width:100%;max-width:1200px;border:1px solid #d0d7de">
            </body></html>
            """;
    }
}
