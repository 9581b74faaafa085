using MimeKit;
using MimeKit.IO;

namespace JourneyReports.Delivery;

/// <summary>A file to attach: its name in the email, its bytes and its media type (e.g. <see cref="ReportEmail.XlsxMediaType"/>).</summary>
public sealed record EmailAttachment(string FileName, byte[] Content, string MediaType);

/// <summary>Where to download a file that was too large to attach: its name and an absolute URL.</summary>
public sealed record DownloadLink(string Name, string Url);

/// <summary>
/// What every report email shares beside its template (<see cref="EmailTemplate"/>, the one way an email is written):
/// the workbook's media type, and the size guard's measure.
/// </summary>
public static class ReportEmail
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The message's size in bytes as sent: every part encoded, lines ending CRLF as SMTP carries them.</summary>
    public static long EncodedSize(MimeMessage message)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var measure = new MeasuringStream();
        message.WriteTo(options, measure);
        return measure.Length;
    }

    /// <summary>
    /// The email with its attachments when it fits in <paramref name="maxBytes"/> encoded; otherwise the same email made
    /// again with a download link (<paramref name="downloadUrl"/>) in place of each attachment, saying so. The inline
    /// dashboard stays either way. <paramref name="build"/> writes the email for the files it is given.
    /// </summary>
    public static (MimeMessage Message, bool Linked) WithinLimit(IReadOnlyList<EmailAttachment> attachments, Func<EmailAttachment, string> downloadUrl,
        long maxBytes, Func<EmailFileValues, IReadOnlyList<EmailAttachment>, MimeMessage> build)
    {
        var full = build(EmailFileValues.Of(attachments), attachments);
        if (attachments.Count == 0 || EncodedSize(full) <= maxBytes) return (full, false);
        return (build(EmailFileValues.Linked([.. attachments.Select(a => new DownloadLink(a.FileName, downloadUrl(a)))]), []), true);
    }
}
