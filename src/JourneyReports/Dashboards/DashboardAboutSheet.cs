using System.Globalization;
using ClosedXML.Excel;
using JourneyReports.Rendering;
using JourneyReports.Workbooks;

namespace JourneyReports.Dashboards;

/// <summary>
/// A dashboard workbook's last sheet: which definition made it, its parameters as written and as resolved for this run,
/// when it ran and how fresh the data was, and where each dataset came from and went.
/// </summary>
internal static class DashboardAboutSheet
{
    public const string Name = AboutSheet.Name;

    static readonly string[] Notes =
    [
        "Percentages are stored as fractions (0.25 shows as 25.0%), so they add up and chart as numbers.",
        "KPI changes: relative (%) for counts and money; points (pts) for rates and scores.",
    ];

    public static void Write(IXLWorksheet sheet, DashboardDefinition definition, DashboardResult result,
        IReadOnlyList<(string Dataset, string Sheet)> datasetSheets, CultureInfo culture)
    {
        var p = definition.Parameters;
        var zone = result.Period.TimeZoneId;
        List<(string Label, string Value)> facts =
        [
            ("Dashboard", definition.Name),
            ("Title", definition.Title),
            ("Version", definition.Version.ToString(CultureInfo.InvariantCulture)),
            ("Description", definition.Description ?? ""),
            // The file name only: the server's folders mean nothing to a reader of a mailed workbook.
            ("Source file", Path.GetFileName(definition.FileName)),
            ("Period as defined", DashboardWorkbookText.PeriodAsDefined(p.Period)),
            ("Period", ReportFormat.Period(result.Period, culture)),
            ("Comparison as defined", p.Comparison),
            ("Comparison period", result.Comparison is { } c ? ReportFormat.Period(c, culture) : "none"),
            ("Time zone", zone),
            .. result.Filter.ByName().Select(f => ($"Filter: {f.Name}", f.Value ?? "all")),
            ("Generated at", WorkbookText.GeneratedAt(result.GeneratedAt, zone, culture)),
            ("Data until", WorkbookText.DataUntil(result.DataUntilUtc, zone, culture)),
        ];

        var widths = new ColumnWidths();
        var row = AboutSheet.Facts(sheet, facts, widths) + 1;
        AboutSheet.Line(sheet, row++, widths, ["Dataset", "Source", "Sheet", "Rows", "Status"], bold: true);
        foreach (var (dataset, sheetName) in datasetSheets)
        {
            var data = result.Datasets.GetValueOrDefault(dataset);
            var status = data is null ? "not run" : data.Error is { } error ? "failed: " + error : data.Rows.Count == 0 ? "no rows" : "ok";
            AboutSheet.Line(sheet, row, widths, [dataset, DashboardWorkbookText.Source(definition.Datasets.GetValueOrDefault(dataset)), sheetName, "", status], false);
            if (data is { Error: null })
            {
                sheet.Cell(row, 4).SetValue(data.Rows.Count);
                sheet.Cell(row, 4).Style.NumberFormat.Format = WorkbookFormats.Count;
            }
            row++;
        }

        if (definition.Notes.Count > 0)
        {
            AboutSheet.Notes(sheet, row + 1, "How the figures are defined", definition.Notes.Select(DetailCellValue.CleanText));
            row += definition.Notes.Count + 2;
        }
        AboutSheet.Notes(sheet, row + 1, "Notes", Notes);
        widths.Apply(sheet);
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        // The dataset lines are wider than a portrait page; split, they would print as columns on separate pages.
        sheet.PageSetup.FitToPages(1, 0);
    }
}
