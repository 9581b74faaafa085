using System.Globalization;
using JourneyReports.Rendering;
using JourneyReports.Workbooks;

namespace JourneyReports.Dashboards;

/// <summary>What every sheet of a dashboard workbook shares: the culture and its currency symbol, and the table names used so far.</summary>
internal sealed record DashboardSheets(CultureInfo Culture, string CurrencySymbol, SheetTables Tables, TableNames TableNames);

/// <summary>
/// The Excel workbook of any dashboard definition: a Summary (the PNG header's lines, KPI tables, the dashboard image),
/// one sheet per dataset with its rows as a table, and an About sheet with the definition and its parameters.
/// </summary>
public static class DashboardWorkbook
{
    /// <summary>
    /// Writes a complete .xlsx to <paramref name="output"/>. <paramref name="dashboardPng"/> may be null (no image).
    /// Money is shown with <paramref name="culture"/>'s currency symbol, as the dashboard PNG shows it.
    /// </summary>
    public static void Write(DashboardDefinition definition, DashboardResult result, byte[]? dashboardPng, CultureInfo culture, Stream output)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(output);

        var symbol = culture.NumberFormat.CurrencySymbol;
        var sheets = new DashboardSheets(culture, symbol, new SheetTables(culture, symbol), new TableNames());
        // Summary and About are claimed first, so a dataset called "about" gets "about (2)" rather than the About sheet's name.
        var names = new SheetNames();
        names.Claim(DashboardSummarySheet.Name, 1);
        names.Claim(DashboardAboutSheet.Name, 1);
        // The definition's order, then any dataset the result has beyond it.
        var datasetSheets = definition.Datasets.Keys.Concat(result.Datasets.Keys.Where(k => !definition.Datasets.ContainsKey(k)))
            .Select(d => (Dataset: d, Sheet: names.Claim(FieldNames.Header(d), 1))).ToList();

        WorkbookImages.SaveWithDashboard(DetailCellValue.CleanText(DashboardWorkbookText.Title(definition)), workbook =>
        {
            var imageRow = DashboardSummarySheet.Write(workbook.Worksheets.Add(DashboardSummarySheet.Name), definition, result, sheets);
            foreach (var (dataset, sheet) in datasetSheets)
                DashboardDatasetSheet.Write(workbook.Worksheets.Add(sheet), definition, dataset, result.Datasets.GetValueOrDefault(dataset), sheets);
            DashboardAboutSheet.Write(workbook.Worksheets.Add(DashboardAboutSheet.Name), definition, result, datasetSheets, culture);
            return imageRow;
        }, DashboardSummarySheet.Name, dashboardPng, output);
    }
}
