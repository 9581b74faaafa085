using ClosedXML.Excel;

namespace JourneyReports.Workbooks;

/// <summary>
/// Sizes columns from the text written into them. ClosedXML's auto-fit measures fonts through
/// libgdiplus, which this server does not have, so widths are estimated from character counts instead.
/// </summary>
internal sealed class ColumnWidths
{
    const double Min = 8, Max = 60;
    /// <summary>The characters a table header's autofilter drop-down button covers.</summary>
    public const int FilterButton = 3;
    readonly Dictionary<int, int> _longest = [];

    public void Track(int column, string? text, int extra = 0)
    {
        var length = (text?.Length ?? 0) + extra;
        if (!_longest.TryGetValue(column, out var current) || length > current) _longest[column] = length;
    }

    public void Apply(IXLWorksheet sheet)
    {
        // Excel's width unit is roughly one digit of the default font; the padding covers bold headers.
        foreach (var (column, length) in _longest)
            sheet.Column(column).Width = For(length);
    }

    /// <summary>The width for text of <paramref name="length"/> characters, kept between 8 and 60.</summary>
    public static double For(int length) => Math.Clamp(length + 2, Min, Max);
}
