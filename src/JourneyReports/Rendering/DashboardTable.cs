using System.Globalization;
using JourneyReports.Warehouse;
using SkiaSharp;

namespace JourneyReports.Rendering;

/// <summary>A plain table for a dashboard cell: a header row, then as many rows as fit and a line saying how many did not.</summary>
internal static class DashboardTable
{
    const float RowHeight = 26;
    const float CellPad = 10;

    public static void Draw(SKCanvas canvas, SKRect area, VisualDefinition visual, IReadOnlyList<object> rows, CultureInfo culture)
    {
        var columns = visual.Columns.Count > 0 ? visual.Columns
            : [.. VisualTypes.FieldsOf(rows[0].GetType()).Where(f => f.Value is not (FieldKind.Record or FieldKind.List)).Select(f => f.Key)];
        var fits = Math.Max(1, (int)((area.Height - RowHeight) / RowHeight));
        var shown = rows.Count <= fits ? rows.Count : fits - 1;
        var cells = rows.Take(shown).Select(r => columns.Select(c => Cell(RowFields.Get(r, c), c, visual.Format, culture)).ToList()).ToList();

        // Each column as wide as its widest text, then all scaled to the area's width.
        var widths = columns.Select((c, i) => Math.Max(CanvasText.Measure(RowFields.Header(c), ReportTheme.SmallSize, bold: true),
            cells.Select(r => CanvasText.Measure(r[i].Text, ReportTheme.SmallSize)).DefaultIfEmpty(0).Max()) + 2 * CellPad).ToList();
        var scale = area.Width / widths.Sum();
        widths = [.. widths.Select(w => w * scale)];

        using var line = new SKPaint { Color = ReportTheme.Gridline, StrokeWidth = 1 };
        var y = area.Top + RowHeight * 0.7f;
        var numeric = columns.Select((_, i) => cells.Any(r => r[i].Number)).ToList();
        DrawRow(canvas, area.Left, y, widths, [.. columns.Select((c, i) => (RowFields.Header(c), numeric[i]))], ReportTheme.Heading, bold: true);
        canvas.DrawLine(area.Left, y + 8, area.Right, y + 8, line);
        foreach (var row in cells)
        {
            y += RowHeight;
            DrawRow(canvas, area.Left, y, widths, [.. row.Select(c => (c.Text, c.Number))], ReportTheme.Text, bold: false);
            canvas.DrawLine(area.Left, y + 8, area.Right, y + 8, line);
        }
        if (shown < rows.Count)
            CanvasText.Draw(canvas, $"… {rows.Count - shown:N0} more rows", area.Left + CellPad, y + RowHeight, ReportTheme.SmallSize, ReportTheme.Muted);
    }

    static void DrawRow(SKCanvas canvas, float x, float y, List<float> widths, List<(string Text, bool Right)> cells, SKColor color, bool bold)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var (text, right) = cells[i];
            CanvasText.Draw(canvas, text, right ? x + widths[i] - CellPad : x + CellPad, y, ReportTheme.SmallSize, color, bold,
                right ? SKTextAlign.Right : SKTextAlign.Left, widths[i] - 2 * CellPad);
            x += widths[i];
        }
    }

    static string Words(string key) => key.Any(char.IsUpper) ? key : ReportFormat.StageName(key);

    /// <summary>Shares and rates (0..1) as percentages unless the visual sets a format.</summary>
    static (string Text, bool Number) Cell(object? value, string column, string? format, CultureInfo culture)
    {
        var isNumber = value is IConvertible c and not Enum && c.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal;
        // Keys from the data ("search_ads", "awareness") read as words; names that carry their own capitals are kept.
        if (!isNumber) return (value switch
        {
            string s => Words(s),
            System.Collections.IEnumerable list => string.Join(" → ", list.Cast<object?>().Select(x => x is string k ? Words(k) : RowFields.Text(x, culture))),
            _ => RowFields.Text(value, culture),
        }, false);
        var numberFormat = RowFields.DefaultFormat(format, column);
        // A table has room for the exact amount that a chart axis abbreviates.
        if (numberFormat == "money" && Convert.ToDouble(value, CultureInfo.InvariantCulture) is var money && double.IsFinite(money))
            return ((money < 0 ? "-" : "") + culture.NumberFormat.CurrencySymbol + Math.Abs(money).ToString(Math.Abs(money) >= 1000 ? "#,##0" : "#,##0.00", culture), true);
        return (RowFields.Text(value, culture, numberFormat), true);
    }
}
