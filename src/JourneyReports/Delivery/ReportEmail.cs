using System.Net;
using System.Text;
using MimeKit.Utils;
using MimeKit;

namespace JourneyReports.Delivery;

/// <summary>One KPI as the email writes it: already formatted; <paramref name="Sentiment"/> above 0 is good news, below bad.</summary>
public sealed record EmailKpi(string Label, string Value, string Change, int Sentiment);

/// <summary>
/// What a report's email says: its title, the period line, the headline KPIs (none for a dashboard without KPI tiles)
/// and, when some of its data could not be loaded, a note saying which.
/// </summary>
public sealed record EmailContent(string Title, string PeriodLine, IReadOnlyList<EmailKpi> Kpis, DateTimeOffset GeneratedAt, string? Note = null);

/// <summary>The report email: the dashboard inline, the KPIs as text, the workbook attached, a link to the live dashboard.</summary>
public static class ReportEmail
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Any report's email: its title and period line as the subject, its KPIs (if any) as text, the dashboard inline.</summary>
    public static MimeMessage Build(EmailContent content, byte[] dashboardPng, byte[] workbook, string workbookFileName, string dashboardUrl, string from, string to)
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
        body.TextBody = Text(content, dashboardUrl);
        body.HtmlBody = Html(content, image.ContentId, dashboardUrl);
        message.Body = body.ToMessageBody();
        return message;
    }

    static string Text(EmailContent data, string url)
    {
        var s = new StringBuilder();
        s.AppendLine($"{data.Title} — {data.PeriodLine}").AppendLine();
        foreach (var k in data.Kpis) s.AppendLine($"{k.Label}: {k.Value} ({k.Change})");
        if (data.Kpis.Count > 0) s.AppendLine();
        if (data.Note is { } note) s.AppendLine(note).AppendLine();
        s.AppendLine($"Open the live dashboard: {url}");
        s.AppendLine("The workbook with every number behind the dashboard is attached.");
        return s.ToString();
    }

    static string Html(EmailContent data, string cid, string url)
    {
        string E(string t) => WebUtility.HtmlEncode(t);
        var rows = new StringBuilder();
        foreach (var k in data.Kpis)
        {
            var colour = k.Sentiment switch { > 0 => "#1a7f37", < 0 => "#cf222e", _ => "#57606a" };
            rows.Append($"""<tr><td style="padding:4px 12px 4px 0">{E(k.Label)}</td><td style="padding:4px 12px;text-align:right;font-weight:bold">{E(k.Value)}</td><td style="padding:4px 0 4px 12px;color:{colour}">{E(k.Change)}</td></tr>""");
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
