using System.Globalization;
using ClosedXML.Excel;

namespace JourneyReports;

/// <summary>
/// The department breakdown a department head works in: a Summary sheet comparing departments and one sheet per
/// department with its numbers and its funnel. Given only one department's report (the department filter), it is that
/// department's own workbook and holds nothing of the others.
/// </summary>
public static class DepartmentWorkbook
{
    const string Empty = "No data for this period";

    public static void Write(string title, ReportPeriod period, IReadOnlyList<DepartmentReport> departments, DateTimeOffset generatedAt,
        string currencySymbol, CultureInfo culture, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var workbook = new XLWorkbook())
        {
            workbook.Properties.Title = title;
            workbook.Properties.Author = "JourneyReports";
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
            ], departments, widths, Empty);
            widths.Apply(summary);

            foreach (var (department, i) in departments.Select((d, i) => (d, i + 1)))
            {
                var sheet = workbook.Worksheets.Add(names.Claim(department.Department, 1));
                Header(sheet, $"{title}: {department.Department}", period, generatedAt, culture);
                var sheetWidths = new ColumnWidths();
                tables.Write(sheet, 5, 1, $"Funnel_{i}",
                [
                    new TableColumn<FunnelStep>("Order", s => s.Order, WorkbookFormats.Count),
                    new("Stage", s => s.Stage),
                    new("Customers", s => s.Customers, WorkbookFormats.Count),
                    new("Drop-off %", s => s.DropOff, WorkbookFormats.Percent),
                ], department.Funnel, sheetWidths, Empty);
                sheetWidths.Apply(sheet);
                sheet.SheetView.FreezeRows(5);
            }
            foreach (var sheet in workbook.Worksheets) sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
            workbook.SaveAs(buffer);
        }
        buffer.Position = 0;
        ClosedXmlFixups.Apply(buffer);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    static void Header(IXLWorksheet sheet, string title, ReportPeriod period, DateTimeOffset generatedAt, CultureInfo culture)
    {
        sheet.Cell(1, 1).SetValue(title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 16;
        sheet.Cell(2, 1).SetValue(ReportFormat.Period(period, culture));
        sheet.Cell(3, 1).SetValue(ReportFormat.GeneratedLine(generatedAt, null, period.TimeZoneId, culture));
    }
}
