using MimeKit;
using SkiaSharp;

namespace JourneyReports.Tests;

/// <summary>A small hand-made report email and a picture, for tests of delivery.</summary>
public static class SampleReport
{
    /// <summary>The executive email's values: everyone's slice, three KPIs, the workbook attached, no manage or unsubscribe link.</summary>
    public static EmailTemplateValues Values(string dashboard = "http://127.0.0.1:5080/dashboards/executive-weekly") => new(
        "executive-weekly", "Executive weekly journey", "16–22 Nov 2026", "Week 16–22 Nov 2026 vs 9–15 Nov 2026", "23 Nov 2026 08:00",
        new EmailRecipientValues("ceo@example.com", [], "All customers"),
        [
            new EmailKpiValues("visitors", "Visitors", "12,000", "+20.0%", 1),
            new EmailKpiValues("conversion_rate", "Conversion rate", "3.4%", "+0.3 pts", 1),
            new EmailKpiValues("ces", "Customer effort (CES)", "3.1", "-0.3", 1),
        ],
        new EmailLinkValues(dashboard), Files: new EmailFileValues(["executive-weekly-2026-11-16.xlsx"], []));

    /// <summary>The standard email of <see cref="Values"/> to <paramref name="to"/>, with <paramref name="workbook"/> attached.</summary>
    public static MimeMessage Message(byte[] workbook, string workbookName, string from, string to) =>
        EmailTemplate.Default.Render(Values() with { Files = new EmailFileValues([workbookName], []) })
            .ToMessage(Png(), [new EmailAttachment(workbookName, workbook, ReportEmail.XlsxMediaType)], from, to, new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public static byte[] Png(int width = 40, int height = 30)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
