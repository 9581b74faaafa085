using ClosedXML.Excel;
namespace JourneyReports;
// STUB until the workbook branch is merged.
public static class ExecutiveWorkbook
{
    public static void Write(ExecutiveWeeklyData data, byte[]? dashboardPng, System.Globalization.CultureInfo culture, Stream output)
    {
        using var wb = new XLWorkbook();
        wb.AddWorksheet("Summary").Cell(1, 1).Value = data.Title;
        wb.SaveAs(output);
    }
}
