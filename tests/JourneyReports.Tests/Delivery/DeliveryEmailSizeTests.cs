using MimeKit;

namespace JourneyReports.Tests;

/// <summary>The size guard: measuring a message as sent, and the same email with download links when it would be too large.</summary>
public sealed class DeliveryEmailSizeTests
{
    const string Url = "http://127.0.0.1:5080/dashboards/executive-weekly";
    static readonly Func<EmailAttachment, string> Download = a => $"http://127.0.0.1:5080/runs/42/artifacts/{a.FileName}";

    static byte[] Noise(int bytes) { var b = new byte[bytes]; new Random(7).NextBytes(b); return b; }

    static MimeMessage Email(params EmailAttachment[] attachments) => Build(EmailFileValues.Of(attachments), attachments);

    /// <summary>The standard email (the one builder: the default template) with these files said and attached.</summary>
    static MimeMessage Build(EmailFileValues said, IReadOnlyList<EmailAttachment> attached) =>
        EmailTemplate.Default.Render(SampleReport.Values(Url) with { Files = said })
            .ToMessage(SampleReport.Png(), attached, "reports@example.com", "ceo@example.com", DateTimeOffset.UnixEpoch);

    static (MimeMessage Message, bool Linked) WithinLimit(IReadOnlyList<EmailAttachment> files, long maxBytes) =>
        ReportEmail.WithinLimit(files, Download, maxBytes, Build);

    [Fact]
    public void EncodedSize_CountsAttachmentsInBase64_WithCrLfLineEnds()
    {
        var small = ReportEmail.EncodedSize(Email());
        var large = ReportEmail.EncodedSize(Email(new EmailAttachment("data.xlsx", Noise(300_000), ReportEmail.XlsxMediaType)));

        // base64 is 4 bytes per 3, in lines of 76 characters plus CRLF.
        Assert.InRange(large - small, 300_000 * 4 / 3 * 78 / 76, 300_000 * 4 / 3 * 78 / 76 + 1_000);
        using var written = new MemoryStream();
        var crlf = FormatOptions.Default.Clone();
        crlf.NewLineFormat = NewLineFormat.Dos;
        var message = Email();
        message.WriteTo(crlf, written);
        Assert.Equal(written.Length, ReportEmail.EncodedSize(message));
    }

    [Fact]
    public void WithinLimit_KeepsTheAttachments_WhenTheMessageFits()
    {
        var email = WithinLimit([new("data.xlsx", Noise(10_000), ReportEmail.XlsxMediaType)], maxBytes: 1_000_000);

        Assert.False(email.Linked);
        Assert.Equal("data.xlsx", Assert.Single(email.Message.Attachments.OfType<MimePart>()).FileName);
        Assert.Contains("The workbook with every number behind the dashboard is attached.", email.Message.TextBody);
    }

    [Fact]
    public void WithinLimit_ReplacesEveryAttachmentByItsDownloadLink_AndSaysSo_WhenTheMessageWouldBeTooLarge()
    {
        EmailAttachment[] files = [new("data.xlsx", Noise(400_000), ReportEmail.XlsxMediaType), new("detail.csv", Noise(200_000), "text/csv")];

        var email = WithinLimit(files, maxBytes: 500_000);

        Assert.True(email.Linked);
        Assert.Empty(email.Message.Attachments);
        Assert.InRange(ReportEmail.EncodedSize(email.Message), 1, 500_000);
        var text = email.Message.TextBody;
        Assert.Contains("too large to send by email", text);
        Assert.Contains("- data.xlsx: http://127.0.0.1:5080/runs/42/artifacts/data.xlsx", text);
        Assert.Contains("- detail.csv: http://127.0.0.1:5080/runs/42/artifacts/detail.csv", text);
        Assert.DoesNotContain("is attached", text);
        Assert.Contains("""<a href="http://127.0.0.1:5080/runs/42/artifacts/detail.csv">detail.csv</a>""", email.Message.HtmlBody);
        // The dashboard itself stays inline.
        Assert.Single(email.Message.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
    }

    [Fact]
    public void Build_NamesSeveralAttachments()
    {
        var message = Email(new EmailAttachment("data.xlsx", [1], ReportEmail.XlsxMediaType), new EmailAttachment("detail.csv", [2], "text/csv"));

        Assert.Equal(["data.xlsx", "detail.csv"], message.Attachments.OfType<MimePart>().Select(p => p.FileName));
        Assert.Contains("Attached: data.xlsx, detail.csv.", message.TextBody);
    }
}
