using System.Globalization;
using ClosedXML.Excel;

namespace JourneyReports;

/// <summary>The first sheet: headline lines and the "Kpis" table; the dashboard image is added after saving.</summary>
internal static class SummarySheet
{
    public const string Name = "Summary";
    public const string NoKpis = "No KPIs for this period";
    /// <summary>The grey of the lines under the title.</summary>
    public static readonly XLColor Muted = XLColor.FromArgb(0x59, 0x59, 0x59);

    /// <summary>The KPI table's columns: each KPI's own format, and its change relative (counts, money) or in points (rates, scores).</summary>
    public static TableColumn<Kpi>[] KpiColumns(string currencySymbol, string current, string previous) =>
    [
        new("KPI", k => k.Label),
        new(current, k => k.Value, k => WorkbookFormats.For(k.Format, currencySymbol)),
        new(previous, k => k.Previous, k => WorkbookFormats.For(k.Format, currencySymbol)),
        new("Change", k => WorkbookFormats.ChangeValue(k), k => WorkbookFormats.ChangeFor(k.Format)),
    ];

    /// <summary>The sheet's title in A1, large and bold, as every workbook's first sheet starts.</summary>
    public static void Title(IXLWorksheet sheet, string title)
    {
        sheet.Cell(1, 1).SetValue(title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 16;
    }

    /// <summary>Reads as a one-page report rather than a grid, and prints that way on UK paper.</summary>
    public static void OnePage(IXLWorksheet sheet)
    {
        sheet.ShowGridLines = false;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 1);
    }

    /// <summary>Writes the sheet and returns the first free row below the KPI table, where the image goes.</summary>
    public static int Write(IXLWorksheet sheet, ExecutiveWeeklyData data, CultureInfo culture)
    {
        var tables = new SheetTables(culture, data.CurrencySymbol);
        var widths = new ColumnWidths();

        Title(sheet, data.Title);
        // One period format everywhere: the same line as the PNG header and the email subject.
        sheet.Cell(2, 1).SetValue(ReportFormat.PeriodLine(data.Period, data.ComparisonPeriod, culture));
        sheet.Cell(3, 1).SetValue($"Generated: {WorkbookText.GeneratedAt(data.GeneratedAt, data.Period.TimeZoneId, culture)}");
        sheet.Cell(4, 1).SetValue($"Data until: {WorkbookText.DataUntil(data.DataUntilUtc, data.Period.TimeZoneId, culture)}");
        sheet.Range(2, 1, 4, 1).Style.Font.FontColor = Muted;
        // The header lines overflow into empty neighbours, so they are left out of column sizing on purpose.

        const int tableRow = 6;
        var table = tables.Write(sheet, tableRow, 1, "Kpis", KpiColumns(data.CurrencySymbol, "This week", "Previous week"), data.Kpis,
            widths, NoKpis);
        widths.Apply(sheet);
        OnePage(sheet);
        return table.RangeAddress.LastAddress.RowNumber + 2;
    }
}
