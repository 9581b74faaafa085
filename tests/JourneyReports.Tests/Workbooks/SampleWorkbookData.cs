using SkiaSharp;

namespace JourneyReports.Tests;

/// <summary>A small, hand-made week of the executive definition's data with round numbers that are easy to check in a workbook.</summary>
internal static class SampleWorkbookData
{
    public static ReportPeriod Week => SampleDashboards.Week;

    public static DashboardResult Full(IReadOnlyList<ChannelMixRow>? channels = null) => SampleDashboards.Result(
        kpis:
        [
            new("visitors", "Visitors", 12_450, 11_800, KpiFormat.Count),
            new("orders", "Orders", 423, 400, KpiFormat.Count),
            new("revenue", "Revenue", 48_210.50m, 45_100m, KpiFormat.Currency),
            new("conversion", "Conversion", 0.034m, 0.031m, KpiFormat.Percent),
            new("nps", "NPS", 42m, 38m, KpiFormat.Score),
            new("ces", "CES", 5.4m, null, KpiFormat.Score),
        ],
        funnel:
        [
            new(1, "awareness", 12_450, null),
            new(2, "consideration", 6_200, 0.502m),
            new(3, "decision", 2_100, 0.661m),
            new(4, "purchase", 423, 0.799m),
            new(5, "retention", 180, 0.574m),
            new(6, "advocacy", 45, 0.75m),
        ],
        trend: Enumerable.Range(0, 8).Select(i => new TrendPoint(
            new DateOnly(2026, 9, 28).AddDays(7 * i), 10_000 + 300 * i, 350 + 10 * i, 40_000m + 1_000.25m * i)).ToList(),
        channels: channels ??
        [
            new("awareness", "search", 7_000, 0.562m),
            new("awareness", "social", 5_450, 0.438m),
            new("purchase", "web", 300, 0.709m),
            new("purchase", "app", 123, 0.291m),
        ],
        generatedAt: new DateTimeOffset(2026, 11, 23, 7, 5, 0, TimeSpan.Zero),
        dataUntilUtc: new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc));

    public static DashboardResult Empty() => SampleDashboards.Result([], [], [], []);

    /// <summary>A real PNG, as the dashboard renderer would hand over.</summary>
    public static byte[] Png(int width = 400, int height = 300)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(0x1f, 0x77, 0xb4));
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }
}
