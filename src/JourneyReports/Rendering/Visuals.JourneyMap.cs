using System.Globalization;
using JourneyReports.Journeys;

namespace JourneyReports.Rendering;

public static partial class Visuals
{
    /// <summary>
    /// Customer-journey map: stages as columns; touchpoints, actions, emotion curve, pain points and customers as
    /// lanes; the biggest drop-off called out. See <see cref="JourneyMapData"/>.
    /// </summary>
    public static byte[] JourneyMapPng(JourneyMapData data, int width, int height, CultureInfo culture)
    {
        Check(data, culture);
        return VisualCanvas.Png(width, height, canvas => JourneyMapChart.Draw(canvas, width, height, data, culture));
    }

    /// <inheritdoc cref="JourneyMapPng"/>
    public static string JourneyMapSvg(JourneyMapData data, int width, int height, CultureInfo culture)
    {
        Check(data, culture);
        return VisualCanvas.Svg(width, height, data.Title, canvas => JourneyMapChart.Draw(canvas, width, height, data, culture));
    }

    static void Check(JourneyMapData data, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(data.Stages);
        if (data.Stages.Any(s => s is null))
            throw new ArgumentException("A journey map stage is null.", nameof(data));
    }
}
