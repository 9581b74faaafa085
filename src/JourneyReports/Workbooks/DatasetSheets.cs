using ClosedXML.Excel;
using JourneyReports.Journeys;

namespace JourneyReports.Workbooks;

/// <summary>One sheet per dataset behind the dashboard, each a single filterable table starting at A1.</summary>
internal static class DatasetSheets
{
    public const string Empty = "No data for this period";

    /// <summary>A funnel's steps as table columns; the department workbook's funnels use them too.</summary>
    public static readonly TableColumn<FunnelStep>[] FunnelColumns =
    [
        new("Order", s => s.Order, WorkbookFormats.Count),
        new("Stage", s => s.Stage),
        new("Customers", s => s.Customers, WorkbookFormats.Count),
        new("Drop-off %", s => s.DropOff, WorkbookFormats.Percent),
    ];

    /// <summary>A dataset sheet's one table from A1, sized, its header frozen and repeated on every printed page (A4).</summary>
    public static IXLTable Table<T>(IXLWorksheet sheet, SheetTables tables, string tableName, IReadOnlyList<TableColumn<T>> columns,
        IReadOnlyList<T> items, string emptyText)
    {
        var widths = new ColumnWidths();
        var table = tables.Write(sheet, 1, 1, tableName, columns, items, widths, emptyText);
        widths.Apply(sheet);
        sheet.SheetView.FreezeRows(1);
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        // Long tables print with their header on every page.
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
        return table;
    }
}
