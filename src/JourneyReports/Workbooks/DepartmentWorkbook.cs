using System.Globalization;
using ClosedXML.Excel;
using JourneyReports.Journeys;
using JourneyReports.Rendering;

namespace JourneyReports.Workbooks;

/// <summary>
/// The department breakdown a department head works in: a Summary sheet comparing departments and one sheet per
/// department with its numbers and its funnel. Given only one department's report (the department filter), it is that
/// department's own workbook and holds nothing of the others.
/// </summary>
public static class DepartmentWorkbook
{
    public static void Write(string title, ReportPeriod period, IReadOnlyList<DepartmentReport> departments, DateTimeOffset generatedAt,
        string currencySymbol, CultureInfo culture, Stream output) =>
        WorkbookImages.Save(title, workbook =>
        {
            var names = new SheetNames();
            var tables = new SheetTables(culture, currencySymbol);
            var money = WorkbookFormats.Currency(currencySymbol);

            var summary = workbook.Worksheets.Add(names.Claim("Summary", 1));
            Header(summary, title, period, generatedAt, culture);
            var widths = new ColumnWidths();
            tables.Write(summary, 5, 1, "Departments",
            [
                new TableColumn<DepartmentReport>("Department", d => d.Department),
                new("Visitors", d => d.Visitors, WorkbookFormats.Count),
                new("Buyers", d => d.Buyers, WorkbookFormats.Count),
                new("Conversion", d => d.Conversion, WorkbookFormats.Percent),
                new("Orders", d => d.Orders, WorkbookFormats.Count),
                new("Revenue", d => d.Revenue, money),
                new("Average order value", d => d.AverageOrderValue, money),
            ], departments, widths, DatasetSheets.Empty);
            widths.Apply(summary);

            foreach (var (department, i) in departments.Select((d, i) => (d, i + 1)))
            {
                var sheet = workbook.Worksheets.Add(names.Claim(department.Department, 1));
                Header(sheet, $"{title}: {department.Department}", period, generatedAt, culture);
                var sheetWidths = new ColumnWidths();
                tables.Write(sheet, 5, 1, $"Funnel_{i}", DatasetSheets.FunnelColumns, department.Funnel, sheetWidths, DatasetSheets.Empty);
                sheetWidths.Apply(sheet);
                sheet.SheetView.FreezeRows(5);
            }
            foreach (var sheet in workbook.Worksheets) sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        }, output);

    static void Header(IXLWorksheet sheet, string title, ReportPeriod period, DateTimeOffset generatedAt, CultureInfo culture)
    {
        SummarySheet.Title(sheet, title);
        sheet.Cell(2, 1).SetValue(ReportFormat.Period(period, culture));
        sheet.Cell(3, 1).SetValue(ReportFormat.GeneratedLine(generatedAt, null, period.TimeZoneId, culture));
    }
}
