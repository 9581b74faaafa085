namespace JourneyReports.Workbooks;

/// <summary>How a detail column's values are stored and shown in a workbook and a CSV file.</summary>
public enum DetailColumnType { Text, Integer, Decimal, Percent, Currency, Date, DateTime }

/// <summary>
/// One column of a dataset written by <see cref="DetailWorkbookWriter"/> or <see cref="CsvExport"/>.
/// <paramref name="NumberFormat"/> is an Excel format code (null: the type's default, see <see cref="EffectiveFormat"/>);
/// <paramref name="Width"/> is in Excel's character units (null: estimated from the header and type).
/// Percent values are fractions (0.25 shows as 25.0%), as elsewhere in the workbooks.
/// </summary>
public sealed record DetailColumn(string Header, DetailColumnType Type = DetailColumnType.Text, string? NumberFormat = null, double? Width = null)
{
    /// <summary>The Excel format code cells of this column get; null means General.</summary>
    public string? EffectiveFormat => NumberFormat ?? Type switch
    {
        DetailColumnType.Integer => WorkbookFormats.Count,
        DetailColumnType.Decimal => WorkbookFormats.Decimal,
        DetailColumnType.Percent => WorkbookFormats.Percent,
        // No symbol by default: a detail dataset does not know the report's currency; pass NumberFormat for one.
        DetailColumnType.Currency => WorkbookFormats.Decimal,
        DetailColumnType.Date => "yyyy-mm-dd",
        DetailColumnType.DateTime => "yyyy-mm-dd hh:mm:ss",
        _ => null,
    };

    /// <summary>
    /// The width set on the sheet. Rows are streamed, so widths cannot follow the data (and ClosedXML's auto-fit is
    /// unusable here); the estimate covers the header with its filter button and a typical value of the type, sized
    /// as <see cref="ColumnWidths"/> sizes the other workbooks' columns.
    /// </summary>
    public double EffectiveWidth => Width ?? ColumnWidths.For(Math.Max(Header.Length + ColumnWidths.FilterButton, TypicalValueLength));

    int TypicalValueLength => Type switch
    {
        DetailColumnType.Date => 10,
        DetailColumnType.DateTime => 19,
        DetailColumnType.Integer => 9,
        DetailColumnType.Decimal or DetailColumnType.Currency => 12,
        DetailColumnType.Percent => 6,
        _ => 12,
    };
}
