using MimeKit;

namespace JourneyReports.Delivery;

/// <summary>
/// A report email rendered from its templates for one recipient, before anything is sent: the subject (one line), the
/// text body and the HTML body, which shows the dashboard from the inline image <see cref="ImageContentId"/>.
/// </summary>
public sealed record RenderedEmail(string Subject, string TextBody, string HtmlBody, string ImageContentId, string? UnsubscribeUrl = null)
{
    /// <summary>
    /// The message: this subject and bodies, the dashboard inline, the workbook attached, and a List-Unsubscribe header
    /// when there is an unsubscribe link (mail clients then offer their own unsubscribe button).
    /// </summary>
    public MimeMessage ToMessage(byte[] dashboardPng, byte[] workbook, string workbookFileName, string from, string to, DateTimeOffset date) =>
        ToMessage(dashboardPng, [new EmailAttachment(workbookFileName, workbook, ReportEmail.XlsxMediaType)], from, to, date);

    /// <summary>The message with any attachments (none when they were too large and the body links them instead).</summary>
    public MimeMessage ToMessage(byte[] dashboardPng, IReadOnlyList<EmailAttachment> attachments, string from, string to, DateTimeOffset date)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = Subject;
        message.Date = date;
        if (UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            // RFC 8058: mail clients may then offer their own one-click unsubscribe, a POST to that address.
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder();
        var image = body.LinkedResources.Add("dashboard.png", dashboardPng, new ContentType("image", "png"));
        image.ContentId = ImageContentId;
        foreach (var a in attachments) body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.MediaType));
        body.TextBody = TextBody;
        body.HtmlBody = HtmlBody;
        message.Body = body.ToMessageBody();
        return message;
    }
}
