using System.Globalization;

namespace JourneyReports;

/// <summary>The Excel workbook attached to the executive weekly email: summary, one sheet per dataset, and notes.</summary>
public static class ExecutiveWorkbook
{
    /// <summary>Writes a complete .xlsx to <paramref name="output"/>. <paramref name="dashboardPng"/> may be null (no image).</summary>
    public static void Write(ExecutiveWeeklyData data, byte[]? dashboardPng, CultureInfo culture, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(output);

        WorkbookImages.SaveWithDashboard(data.Title, workbook =>
        {
            var imageRow = SummarySheet.Write(workbook.Worksheets.Add(SummarySheet.Name), data, culture);
            DatasetSheets.WriteFunnel(workbook.Worksheets.Add(DatasetSheets.Funnel), data, culture);
            DatasetSheets.WriteTrend(workbook.Worksheets.Add(DatasetSheets.Trend), data, culture);
            DatasetSheets.WriteChannelMix(workbook.Worksheets.Add(DatasetSheets.ChannelMix), data, culture);
            AboutSheet.Write(workbook.Worksheets.Add(AboutSheet.Name), data, culture);
            return imageRow;
        }, SummarySheet.Name, dashboardPng, output);
    }
}
