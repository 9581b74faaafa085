using System.Globalization;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>
/// A sequential light-to-dark blue scale in the report's accent colour, over [Min, Max], with round tick values.
/// Sequential rather than diverging because retention and counts only mean "more" or "less".
/// </summary>
internal sealed class ColorScale
{
    static readonly SKColor[] Stops =
        [SKColor.Parse("#EEF4FB"), SKColor.Parse("#C6DAF1"), SKColor.Parse("#86B0E2"), SKColor.Parse("#3F7BD0"), SKColor.Parse("#1F4E99"), SKColor.Parse("#112E5E")];

    public double Min { get; }
    public double Max { get; }
    public IReadOnlyList<double> Ticks { get; }
    readonly Func<double, string> format;

    ColorScale(double min, double max, IReadOnlyList<double> ticks, Func<double, string> format) =>
        (Min, Max, Ticks, this.format) = (min, max, ticks, format);

    /// <summary>Shares always span 0–100% so the same colour means the same retention in every report.</summary>
    public static ColorScale Percent(CultureInfo culture) =>
        new(0, 1, [0, 0.25, 0.5, 0.75, 1], v => v.ToString("P0", culture));

    public static ColorScale Numbers(IEnumerable<double> values, CultureInfo culture)
    {
        var list = values.ToList();
        var min = Math.Min(0, list.Count == 0 ? 0 : list.Min());
        var max = Math.Max(0, list.Count == 0 ? 1 : list.Max());
        if (max <= min) max = min + 1;
        var step = NiceStep((max - min) / 4);
        min = Math.Floor(min / step) * step;
        max = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (var i = 0; min + i * step <= max + step / 2; i++) ticks.Add(min + i * step);
        return new(min, max, ticks, v => ReportFormat.SignedCompact(v, culture));
    }

    static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    public string Label(double v) => format(v);

    /// <summary>Where <paramref name="v"/> falls on the scale, 0..1.</summary>
    public double Position(double v) => Math.Clamp((v - Min) / (Max - Min), 0, 1);

    public SKColor ColorOf(double v)
    {
        var t = Position(v) * (Stops.Length - 1);
        var i = Math.Min((int)t, Stops.Length - 2);
        var f = (float)(t - i);
        var (a, b) = (Stops[i], Stops[i + 1]);
        return new SKColor(Lerp(a.Red, b.Red, f), Lerp(a.Green, b.Green, f), Lerp(a.Blue, b.Blue, f));
    }

    static byte Lerp(byte a, byte b, float f) => (byte)Math.Round(a + (b - a) * f);
}
