using SkiaSharp;

namespace JourneyReports.Tests;

/// <summary>A small hand-made executive report, for tests of what shows it (email, pages).</summary>
public static class SampleReport
{
    public static ExecutiveWeeklyData ExecutiveWeekly()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var week = ReportPeriod.Days(new(2026, 11, 16), new(2026, 11, 22), london);
        return new ExecutiveWeeklyData("Executive weekly journey", week, week.Previous(), new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), new DateTime(2026, 11, 22, 23, 59, 0),
            [
                new("visitors", "Visitors", 12000, 10000, KpiFormat.Count),
                new("conversion", "Conversion rate", 0.034m, 0.031m, KpiFormat.Percent),
                new("ces", "Customer effort (CES)", 3.1m, 3.4m, KpiFormat.Score),
            ],
            [new(1, "awareness", 100, null), new(2, "consideration", 60, 0.4m)],
            [new(new(2026, 11, 16), 12000, 400, 30000m)],
            [new("awareness", "social", 50, 0.5m), new("awareness", "email", 50, 0.5m)],
            "£");
    }

    public static byte[] Png(int width = 40, int height = 30)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
