using ClosedXML.Excel;
using JourneyReports.Journeys;

namespace JourneyReports.Workbooks;

/// <summary>What every workbook's first sheet shares: its name, title style, the KPI table's columns and one-page print set-up.</summary>
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
}
