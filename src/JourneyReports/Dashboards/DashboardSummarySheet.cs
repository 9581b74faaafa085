using System.Globalization;
using ClosedXML.Excel;
using JourneyReports.Journeys;
using JourneyReports.Rendering;
using JourneyReports.Workbooks;

namespace JourneyReports.Dashboards;

/// <summary>
/// A dashboard workbook's first sheet: the PNG header's lines (title, period, filters, generated and data until), the
/// datasets that failed, and a KPI table per kpi-tiles visual; the dashboard image is added below after saving.
/// </summary>
internal static class DashboardSummarySheet
{
    public const string Name = SummarySheet.Name;
    static readonly XLColor Problem = XLColor.FromArgb(0x9C, 0x00, 0x06);

    /// <summary>Writes the sheet and returns the first free row below what it wrote, where the image goes.</summary>
    public static int Write(IXLWorksheet sheet, DashboardDefinition definition, DashboardResult result, DashboardSheets sheets)
    {
        var culture = sheets.Culture;
        SummarySheet.Title(sheet, DetailCellValue.CleanText(DashboardWorkbookText.Title(definition)));
        // The header lines overflow into empty neighbours, so they are left out of column sizing on purpose.
        var row = 2;
        foreach (var line in new[] { DashboardWorkbookText.PeriodLine(result, culture), result.Filter.Line(),
                     DashboardWorkbookText.GeneratedLine(result, culture), definition.Description })
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            sheet.Cell(row, 1).SetValue(DetailCellValue.CleanText(line));
            sheet.Cell(row++, 1).Style.Font.FontColor = SummarySheet.Muted;
        }
        foreach (var failed in result.Datasets.Values.Where(d => d.Error is not null))
        {
            sheet.Cell(row, 1).SetValue(DetailCellValue.CleanText($"Could not load dataset '{failed.Name}': {failed.Error}"));
            sheet.Cell(row++, 1).Style.Font.FontColor = Problem;
        }

        row++;
        var widths = new ColumnWidths();
        var kpiVisuals = definition.Visuals.Where(v => v.Type == "kpi-tiles").ToList();
        var week = result.Period.LastDay.DayNumber - result.Period.FirstDay.DayNumber == 6;
        foreach (var visual in kpiVisuals)
        {
            // A failed dataset is listed above; its visual has nothing to add.
            if (result.Datasets.GetValueOrDefault(visual.Dataset) is not { Error: null } data) continue;
            if (kpiVisuals.Count > 1)
            {
                sheet.Cell(row, 1).SetValue(DetailCellValue.CleanText(string.IsNullOrWhiteSpace(visual.Title) ? visual.Id : visual.Title));
                sheet.Cell(row++, 1).Style.Font.Bold = true;
            }
            var table = sheets.Tables.Write(sheet, row, 1, sheets.TableNames.Claim("SummaryKpis"),
                SummarySheet.KpiColumns(sheets.CurrencySymbol, week ? "This week" : "This period", week ? "Previous week" : "Previous period"),
                Kpis(visual, data.Rows, culture), widths, SummarySheet.NoKpis);
            row = table.RangeAddress.LastAddress.RowNumber + 2;
        }
        widths.Apply(sheet);
        SummarySheet.OnePage(sheet);
        return row;
    }

    /// <summary>The tiles' KPIs: the rows themselves when they are KPIs, else label, value and previous read as the visual maps them.</summary>
    static IReadOnlyList<Kpi> Kpis(VisualDefinition visual, IReadOnlyList<object> rows, CultureInfo culture)
    {
        if (rows.All(r => r is Kpi)) return [.. rows.Cast<Kpi>()];
        var format = visual.Format switch
        {
            "money" => KpiFormat.Currency, "percent" => KpiFormat.Percent, "points" => KpiFormat.Score, _ => KpiFormat.Count,
        };
        return [.. rows.Select(r =>
        {
            var label = DetailCellValue.CleanText(RowFields.Text(RowFields.Get(r, visual.Fields["label"]), culture));
            var previous = visual.Fields.TryGetValue("previous", out var p) ? Number(r, p) : null;
            return new Kpi(label, label, Number(r, visual.Fields["value"]), previous, format);
        })];
    }

    static decimal? Number(object row, string field) =>
        RowFields.Number(row, field) is { } d && Math.Abs(d) < DatasetCells.DecimalLimit ? (decimal)d : null;
}
