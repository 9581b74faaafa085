using System.Net;
using System.Text;
using MimeKit;
using MimeKit.IO;
using MimeKit.Utils;

namespace JourneyReports.Delivery;

/// <summary>One KPI as the email writes it: already formatted; <paramref name="Sentiment"/> above 0 is good news, below bad.</summary>
public sealed record EmailKpi(string Label, string Value, string Change, int Sentiment);

/// <summary>
/// What a report's email says: its title, the period line, the headline KPIs (none for a dashboard without KPI tiles)
/// and, when some of its data could not be loaded, a note saying which.
/// </summary>
public sealed record EmailContent(string Title, string PeriodLine, IReadOnlyList<EmailKpi> Kpis, DateTimeOffset GeneratedAt, string? Note = null);

/// <summary>A file to attach: its name in the email, its bytes and its media type (e.g. <see cref="ReportEmail.XlsxMediaType"/>).</summary>
public sealed record EmailAttachment(string FileName, byte[] Content, string MediaType);

/// <summary>Where to download a file that was too large to attach: its name and an absolute URL.</summary>
public sealed record DownloadLink(string Name, string Url);

/// <summary>A built email, its size as encoded for sending, and whether its attachments had to become download links.</summary>
public sealed record SizedEmail(MimeMessage Message, long EncodedBytes, bool AttachmentsReplacedByLinks);

/// <summary>The report email: the dashboard inline, the KPIs as text, the workbook attached, a link to the live dashboard.</summary>
public static class ReportEmail
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Any report's email: its title and period line as the subject, its KPIs (if any) as text, the dashboard inline.</summary>
    public static MimeMessage Build(EmailContent content, byte[] dashboardPng, byte[] workbook, string workbookFileName, string dashboardUrl, string from, string to) =>
        Build(content, dashboardPng, [new EmailAttachment(workbookFileName, workbook, XlsxMediaType)], dashboardUrl, from, to);

    /// <summary>
    /// Any report's email with any attachments — or, when <paramref name="linksInstead"/> is given, with none: the
    /// email then says the files were too large to attach and lists a download link for each.
    /// </summary>
    public static MimeMessage Build(EmailContent content, byte[] dashboardPng, IReadOnlyList<EmailAttachment> attachments, string dashboardUrl,
        string from, string to, IReadOnlyList<DownloadLink>? linksInstead = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = $"{content.Title}: {content.PeriodLine}";
        message.Date = content.GeneratedAt;

        var body = new BodyBuilder();
        var image = body.LinkedResources.Add("dashboard.png", dashboardPng, new ContentType("image", "png"));
        image.ContentId = MimeUtils.GenerateMessageId();
        if (linksInstead is null)
            foreach (var a in attachments) body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.MediaType));
        var files = Files.Of(attachments, linksInstead);
        body.TextBody = Text(content, dashboardUrl, files);
        body.HtmlBody = Html(content, image.ContentId, dashboardUrl, files);
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// The email with its attachments when it fits in <paramref name="maxBytes"/> encoded; otherwise the same email with
    /// a download link (<paramref name="downloadUrl"/>) in place of each attachment. The inline dashboard stays either
    /// way, so the result can still be larger than the limit (see <see cref="SizedEmail.EncodedBytes"/>).
    /// </summary>
    public static SizedEmail BuildWithinLimit(EmailContent content, byte[] dashboardPng, IReadOnlyList<EmailAttachment> attachments,
        Func<EmailAttachment, string> downloadUrl, string dashboardUrl, string from, string to, long maxBytes)
    {
        var full = Build(content, dashboardPng, attachments, dashboardUrl, from, to);
        var size = EncodedSize(full);
        if (size <= maxBytes || attachments.Count == 0) return new SizedEmail(full, size, false);
        var linked = Build(content, dashboardPng, attachments, dashboardUrl, from, to, [.. attachments.Select(a => new DownloadLink(a.FileName, downloadUrl(a)))]);
        return new SizedEmail(linked, EncodedSize(linked), true);
    }

    /// <summary>The message's size in bytes as sent: every part encoded, lines ending CRLF as SMTP carries them.</summary>
    public static long EncodedSize(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var measure = new MeasuringStream();
        message.WriteTo(options, measure);
        return measure.Length;
    }

    /// <summary>What the email says about its files: attached (their names), or too large and where to download them.</summary>
    sealed record Files(IReadOnlyList<string> Attached, IReadOnlyList<DownloadLink>? Links)
    {
        public static Files Of(IReadOnlyList<EmailAttachment> attachments, IReadOnlyList<DownloadLink>? links) =>
            new(links is null ? [.. attachments.Select(a => a.FileName)] : [], links);

        /// <summary>The one workbook every report attaches today, said as it always was.</summary>
        public bool JustTheWorkbook => Links is null && Attached.Count == 1 && Attached[0].EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

        public const string TooLarge = "The files were too large to send by email, so they are not attached; download them instead:";
    }

    static string Text(EmailContent data, string url, Files files)
    {
        var s = new StringBuilder();
        s.AppendLine($"{data.Title} — {data.PeriodLine}").AppendLine();
        foreach (var k in data.Kpis) s.AppendLine($"{k.Label}: {k.Value} ({k.Change})");
        if (data.Kpis.Count > 0) s.AppendLine();
        if (data.Note is { } note) s.AppendLine(note).AppendLine();
        s.AppendLine($"Open the live dashboard: {url}");
        if (files.JustTheWorkbook) s.AppendLine("The workbook with every number behind the dashboard is attached.");
        else if (files.Attached.Count > 0) s.AppendLine($"Attached: {string.Join(", ", files.Attached)}.");
        if (files.Links is { } links)
        {
            s.AppendLine().AppendLine(Files.TooLarge);
            foreach (var l in links) s.AppendLine($"- {l.Name}: {l.Url}");
        }
        return s.ToString();
    }

    static string Html(EmailContent data, string cid, string url, Files files)
    {
        string E(string t) => WebUtility.HtmlEncode(t);
        var rows = new StringBuilder();
        foreach (var k in data.Kpis)
        {
            var colour = k.Sentiment switch { > 0 => "#1a7f37", < 0 => "#cf222e", _ => "#57606a" };
            rows.Append($"""<tr><td style="padding:4px 12px 4px 0">{E(k.Label)}</td><td style="padding:4px 12px;text-align:right;font-weight:bold">{E(k.Value)}</td><td style="padding:4px 0 4px 12px;color:{colour}">{E(k.Change)}</td></tr>""");
        }
        var attached = files.JustTheWorkbook ? " · the workbook with every number is attached."
            : files.Attached.Count > 0 ? $" · attached: {E(string.Join(", ", files.Attached))}." : "";
        var links = files.Links is not { } l ? ""
            : $"<p>{E(Files.TooLarge)}</p><ul>{string.Concat(l.Select(d => $"<li><a href=\"{E(d.Url)}\">{E(d.Name)}</a></li>"))}</ul>";
        return $"""
            <!DOCTYPE html>
            <html><body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#24292f;max-width:1200px">
            <h2 style="margin-bottom:0">{E(data.Title)}</h2>
            <p style="margin-top:4px;color:#57606a">{E(data.PeriodLine)}</p>
            {(rows.Length == 0 ? "" : $"<table style=\"border-collapse:collapse;margin:12px 0\">{rows}</table>")}
            {(data.Note is { } note ? $"<p style=\"color:#cf222e\">{E(note)}</p>" : "")}
            <p><a href="{E(url)}">Open the live dashboard</a>{attached}</p>
            {links}
            <img src="cid:{cid}" alt="{E(data.Title)} dashboard" style="width:100%;max-width:1200px;border:1px solid #d0d7de">
            </body></html>
            """;
    }
}
