using System.Globalization;

namespace JourneyReports.Rendering;

/// <summary>
/// Stand-alone dashboard visuals in the report theme, as PNG (emails) or SVG (web). Both formats come from the same
/// drawing code; the same data, size and culture always give the same bytes.
/// </summary>
public static partial class Visuals
{
    /// <summary>Heat map with a colour-scale legend, e.g. cohort retention; see <see cref="HeatmapData"/>.</summary>
    public static byte[] HeatmapPng(HeatmapData data, int width, int height, CultureInfo culture)
    {
        Check(data, culture);
        return VisualCanvas.Png(width, height, canvas => HeatmapChart.Draw(canvas, width, height, data, culture));
    }

    /// <inheritdoc cref="HeatmapPng"/>
    public static string HeatmapSvg(HeatmapData data, int width, int height, CultureInfo culture)
    {
        Check(data, culture);
        return VisualCanvas.Svg(width, height, data.Title, canvas => HeatmapChart.Draw(canvas, width, height, data, culture));
    }

    /// <summary>Flow (Sankey) diagram, e.g. customers moving between journey stages; see <see cref="FlowData"/>.</summary>
    public static byte[] FlowPng(FlowData data, int width, int height, CultureInfo culture)
    {
        Check(data, culture);
        return VisualCanvas.Png(width, height, canvas => FlowChart.Draw(canvas, width, height, data, culture));
    }

    /// <inheritdoc cref="FlowPng"/>
    public static string FlowSvg(FlowData data, int width, int height, CultureInfo culture)
    {
        Check(data, culture);
        return VisualCanvas.Svg(width, height, data.Title, canvas => FlowChart.Draw(canvas, width, height, data, culture));
    }

    static void Check(FlowData data, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(data.Nodes);
        ArgumentNullException.ThrowIfNull(data.Links);
    }

    static void Check(HeatmapData data, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(data.Values);
        ArgumentNullException.ThrowIfNull(data.RowLabels);
        ArgumentNullException.ThrowIfNull(data.ColumnLabels);
        // A label list that does not match the matrix means the query and the labels disagree; better to fail than mislabel.
        if (data.RowLabels.Count != data.Values.GetLength(0) || data.ColumnLabels.Count != data.Values.GetLength(1))
            throw new ArgumentException($"The heat map has {data.Values.GetLength(0)}x{data.Values.GetLength(1)} values but " +
                $"{data.RowLabels.Count} row and {data.ColumnLabels.Count} column labels.", nameof(data));
    }
}
