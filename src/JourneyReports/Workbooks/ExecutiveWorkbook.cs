using System.Globalization;
using ClosedXML.Excel;

namespace JourneyReports;

/// <summary>The Excel workbook attached to the executive weekly email: summary, one sheet per dataset, and notes.</summary>
public static class ExecutiveWorkbook
{
    // Dashboards are rendered at high resolution for sharpness; on the sheet they are shown no wider than a screen.
    const int MaxImageWidthPx = 960;

    /// <summary>Writes a complete .xlsx to <paramref name="output"/>. <paramref name="dashboardPng"/> may be null (no image).</summary>
    public static void Write(ExecutiveWeeklyData data, byte[]? dashboardPng, CultureInfo culture, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(output);

        // Built in memory so the image can be added by reopening the package; the output stream is written once, whole.
        using var buffer = new MemoryStream();
        int imageRow;
        using (var workbook = new XLWorkbook())
        {
            workbook.Properties.Title = data.Title;
            workbook.Properties.Author = "JourneyReports";
            imageRow = SummarySheet.Write(workbook.Worksheets.Add(SummarySheet.Name), data, culture);
            DatasetSheets.WriteFunnel(workbook.Worksheets.Add(DatasetSheets.Funnel), data, culture);
            DatasetSheets.WriteTrend(workbook.Worksheets.Add(DatasetSheets.Trend), data, culture);
            DatasetSheets.WriteChannelMix(workbook.Worksheets.Add(DatasetSheets.ChannelMix), data, culture);
            AboutSheet.Write(workbook.Worksheets.Add(AboutSheet.Name), data, culture);
            workbook.SaveAs(buffer);
        }

        buffer.Position = 0;
        ClosedXmlFixups.Apply(buffer);

        if (dashboardPng is not null)
        {
            var (width, height) = PngInfo.SizeNoWiderThan(dashboardPng, MaxImageWidthPx);
            buffer.Position = 0;
            WorkbookImages.InsertPng(buffer, SummarySheet.Name, dashboardPng, 1, imageRow, width, height);
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }
}
