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
        var row = 1;
        foreach (var (label, value) in facts)
        {
            sheet.Cell(row, 1).SetValue(label);
            sheet.Cell(row, 1).Style.Font.Bold = true;
            sheet.Cell(row, 2).SetValue(value);
            widths.Track(1, label);
            widths.Track(2, value);
            row++;
        }

        row++;
        sheet.Cell(row, 1).SetValue("How the figures are defined");
        sheet.Cell(row, 1).Style.Font.Bold = true;
        foreach (var line in Definitions)
            // Long lines sit in column A and overflow to the right rather than widening column A.
            sheet.Cell(++row, 1).SetValue(line);
        widths.Apply(sheet);
    }
}
