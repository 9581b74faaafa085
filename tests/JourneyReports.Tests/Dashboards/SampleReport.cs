using SkiaSharp;

namespace JourneyReports.Tests;

/// <summary>A small hand-made report email's content and a picture, for tests of delivery.</summary>
public static class SampleReport
{
    public static EmailContent Email() => new("Executive weekly journey", "Week 16–22 Nov 2026 vs 9–15 Nov 2026",
        [
            new("Visitors", "12,000", "+20.0%", 1),
            new("Conversion rate", "3.4%", "+0.3 pts", 1),
            new("Customer effort (CES)", "3.1", "-0.3", 1),
        ],
        new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public static byte[] Png(int width = 40, int height = 30)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
