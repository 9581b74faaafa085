using ClosedXML.Excel;
using JourneyReports.Rendering;
using JourneyReports.Workbooks;

namespace JourneyReports.Dashboards;

/// <summary>
/// One sheet per dashboard dataset: its rows as a single filterable table from A1, or, when the dataset failed, what
/// went wrong. An empty dataset keeps its header and one "no rows" line (a table must have a row below its header);
/// an empty analyst query has no known columns, so its sheet only says it returned no rows.
/// </summary>
internal static class DashboardDatasetSheet
{
    public const string NoRows = "No rows for this period";
    const int WidePortrait = 6; // more columns than this print on a landscape page

    /// <summary>Writes the sheet; returns the table's name, or null when the sheet holds a note instead.</summary>
    public static string? Write(IXLWorksheet sheet, DashboardDefinition definition, string name, DatasetRows? data, DashboardSheets sheets)
    {
        var dataset = definition.Datasets.GetValueOrDefault(name);
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        if (data is null || data.Error is not null)
        {
            Note(sheet, "Could not load this dataset", data?.Error ?? "It was not run.", dataset);
            return null;
        }

        var rowType = data.Rows.Count > 0 ? data.Rows[0].GetType() : dataset?.Metric is { } metric ? MetricCatalog.Find(metric)?.RowType : null;
        var columns = DatasetColumns.For(rowType, data.Rows, VisualFormats(definition, name), sheets.CurrencySymbol, sheets.Culture);
        if (columns.Count == 0)
        {
            Note(sheet, data.Rows.Count == 0 ? NoRows : "These rows have no fields a sheet can show", null, dataset);
            return null;
        }

        var table = DatasetSheets.Table(sheet, sheets.Tables, sheets.TableNames.Claim(name), columns, data.Rows, NoRows);
        // All the table's columns print on one page width.
        sheet.PageSetup.FitToPages(1, 0);
        if (columns.Count > WidePortrait) sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        return table.Name;
    }

    static void Note(IXLWorksheet sheet, string headline, string? detail, DatasetDefinition? dataset)
    {
        sheet.Cell(1, 1).SetValue(headline);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        var row = 2;
        if (detail is not null) sheet.Cell(row++, 1).SetValue(DetailCellValue.CleanText(detail));
        if (dataset is not null) sheet.Cell(row, 1).SetValue(DetailCellValue.CleanText("Source: " + DashboardWorkbookText.Source(dataset)));
        // The lines overflow into empty neighbours, as on the Summary sheet, so no column is sized for them.
    }

    /// <summary>Field → format, for the fields the dashboard's charts draw from <paramref name="dataset"/> with a format set.</summary>
    static IReadOnlyDictionary<string, string> VisualFormats(DashboardDefinition definition, string dataset)
    {
        var formats = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // A table visual's format applies to all its numeric columns, counts included, so only charts' measures count.
        foreach (var visual in definition.Visuals.Where(v => v.Dataset == dataset && v.Format is not null && v.Type is not ("table" or "kpi-tiles")))
            foreach (var role in (string[])["y", "value"])
                if (visual.Fields.TryGetValue(role, out var field)) formats.TryAdd(field, visual.Format!);
        return formats;
    }
}
