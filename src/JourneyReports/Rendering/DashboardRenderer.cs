using SkiaSharp;
namespace JourneyReports;
// STUB until the rendering branch is merged.
public static class DashboardRenderer
{
    public const int Width = 1200;
    public const int Height = 1600;
    public static byte[] RenderExecutiveWeeklyPng(ExecutiveWeeklyData data, System.Globalization.CultureInfo culture)
    {
        using var bmp = new SKBitmap(Width, Height);
        using var canvas = new SKCanvas(bmp);
        canvas.Clear(SKColors.White);
        using var img = SKImage.FromBitmap(bmp);
        return img.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
