using System.Globalization;
using ClosedXML.Excel;

namespace JourneyReports.Workbooks;

/// <summary>One column of an Excel table: header, cell value (string, number, DateOnly, DateTime, bool or null) and number format per row.</summary>
internal sealed record TableColumn<T>(string Header, Func<T, object?> Value, Func<T, string?> Format)
{
    public TableColumn(string header, Func<T, object?> value, string? format = null) : this(header, value, _ => format) { }
}

/// <summary>Writes rows as a formatted Excel table and records column widths.</summary>
internal sealed class SheetTables(CultureInfo culture, string currencySymbol)
{
    /// <summary>
    /// Writes the header at (<paramref name="row"/>, <paramref name="column"/>) and one row per item. With no items a
    /// single placeholder row is written, because a table made of only a header row is invalid in Excel.
    /// </summary>
    public IXLTable Write<T>(IXLWorksheet sheet, int row, int column, string tableName,
        IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<T> items, ColumnWidths widths, string emptyText)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(row, column + c).SetValue(columns[c].Header);
            widths.Track(column + c, columns[c].Header, extra: ColumnWidths.FilterButton);
        }

        for (var r = 0; r < items.Count; r++)
            for (var c = 0; c < columns.Count; c++)
            {
                var format = columns[c].Format(items[r]);
                var text = Put(sheet.Cell(row + 1 + r, column + c), columns[c].Value(items[r]), format);
                widths.Track(column + c, text);
            }

        if (items.Count == 0)
        {
            sheet.Cell(row + 1, column).SetValue(emptyText);
            widths.Track(column, emptyText);
        }

        var lastRow = row + Math.Max(items.Count, 1);
        var table = sheet.Range(row, column, lastRow, column + columns.Count - 1).CreateTable(tableName);
        table.Theme = XLTableTheme.TableStyleMedium2;
        table.ShowAutoFilter = true;
        table.ShowRowStripes = true;
        // LibreOffice (and some mail previewers) ignore Excel table styles; a bold header still reads as one there.
        sheet.Range(row, column, row, column + columns.Count - 1).Style.Font.Bold = true;
        return table;
    }

    /// <summary>Writes a value with its number format and returns roughly how Excel will display it.</summary>
    public string Put(IXLCell cell, object? value, string? format = null)
    {
        switch (value)
        {
            case null:
                return "";
            case string s:
                // SetValue keeps strings as text; assigning Value would let ClosedXML 0.95 turn "16 Nov 2026" into a date.
                cell.SetValue(s);
                return s;
            case DateOnly d:
                cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                cell.Style.NumberFormat.Format = format ?? WorkbookFormats.Date;
                return d.ToString("d MMM yyyy", culture);
            case DateTime t:
                cell.SetValue(t);
                cell.Style.NumberFormat.Format = format ?? WorkbookFormats.Date;
                return t.ToString(t.TimeOfDay == TimeSpan.Zero ? "d MMM yyyy" : "d MMM yyyy HH:mm", culture);
            case bool b:
                // A real TRUE/FALSE, so the column filters and counts as booleans.
                cell.SetValue(b);
                return b ? "TRUE" : "FALSE";
            default:
                var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                cell.SetValue(number);
                if (format is not null) cell.Style.NumberFormat.Format = format;
                return WorkbookFormats.Display(number, format ?? "", culture, currencySymbol);
        }
    }
}
