using System.Globalization;
using ClosedXML.Excel;

namespace JourneyReports;

/// <summary>The last sheet: what the workbook covers and how its figures are defined, for readers without the email.</summary>
internal static class AboutSheet
{
    public const string Name = "About";

    static readonly string[] Definitions =
    [
        "Visitors: distinct people with any touchpoint event in the period.",
        "Conversion: visitors who reached the purchase stage divided by visitors.",
        "NPS: % promoters (scores 9–10) minus % detractors (scores 0–6).",
        "CES: mean customer effort score on a 1–7 scale.",
        "Changes: relative (%) for counts and money; points (pts) for rates and scores.",
    ];

    public static void Write(IXLWorksheet sheet, ExecutiveWeeklyData data, CultureInfo culture)
    {
        (string Label, string Value)[] facts =
        [
            ("Report", data.Title),
            ("Period", ReportFormat.Period(data.Period, culture)),
            ("Comparison period", ReportFormat.Period(data.ComparisonPeriod, culture)),
            ("Time zone", data.Period.TimeZoneId),
            ("Generated at", WorkbookText.GeneratedAt(data.GeneratedAt, data.Period.TimeZoneId, culture)),
            ("Data until", WorkbookText.DataUntil(data.DataUntilUtc, data.Period.TimeZoneId, culture)),
        ];

        var widths = new ColumnWidths();
        var row = Facts(sheet, facts, widths);
        Notes(sheet, row + 1, "How the figures are defined", Definitions);
        widths.Apply(sheet);
    }

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
