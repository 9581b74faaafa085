using ClosedXML.Excel;

namespace JourneyReports.Workbooks;

/// <summary>The last sheet's pieces: facts as label–value lines, and notes under a heading.</summary>
internal static class AboutSheet
{
    public const string Name = "About";

    /// <summary>One label–value line per fact from A1, labels bold; returns the row below the last.</summary>
    public static int Facts(IXLWorksheet sheet, IEnumerable<(string Label, string Value)> facts, ColumnWidths widths)
    {
        var row = 1;
        foreach (var (label, value) in facts)
        {
            Line(sheet, row, widths, [label, value], bold: false);
            sheet.Cell(row++, 1).Style.Font.Bold = true;
        }
        return row;
    }

    /// <summary>A bold heading at <paramref name="row"/>, then each line below it in column A.</summary>
    public static void Notes(IXLWorksheet sheet, int row, string heading, IEnumerable<string> lines)
    {
        sheet.Cell(row, 1).SetValue(heading);
        sheet.Cell(row, 1).Style.Font.Bold = true;
        // Long lines sit in column A and overflow to the right rather than widening column A.
        foreach (var line in lines) sheet.Cell(++row, 1).SetValue(line);
    }

    /// <summary>Values from column A along <paramref name="row"/>, cleaned for the cell; empty ones are left out.</summary>
    public static void Line(IXLWorksheet sheet, int row, ColumnWidths widths, string[] values, bool bold)
    {
        for (var c = 0; c < values.Length; c++)
        {
            var text = DetailCellValue.CleanText(values[c]);
            if (text.Length == 0) continue;
            sheet.Cell(row, c + 1).SetValue(text);
            if (bold) sheet.Cell(row, c + 1).Style.Font.Bold = true;
            widths.Track(c + 1, text);
        }
    }
}
