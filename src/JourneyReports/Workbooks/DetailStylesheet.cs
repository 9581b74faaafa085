using DocumentFormat.OpenXml.Spreadsheet;

namespace JourneyReports.Workbooks;

/// <summary>
/// The few cell styles a detail workbook needs: General (0), the bold header (1) and one per distinct number format.
/// Style ids are handed out while sheets stream; the stylesheet itself is written once, at the end.
/// Every format code gets its own custom id from 164 (even codes Excel has built in), so one id always means one code
/// — the inconsistency <see cref="ClosedXmlFixups"/> repairs in ClosedXML output cannot arise.
/// </summary>
internal sealed class DetailStylesheet
{
    public const uint General = 0, Header = 1;
    const uint FirstCustomFormatId = 164;
    readonly List<string> _formats = [];

    /// <summary>The cell style id for <paramref name="formatCode"/> (null or "General": the default style).</summary>
    public uint StyleFor(string? formatCode)
    {
        if (string.IsNullOrEmpty(formatCode) || formatCode.Equals("General", StringComparison.OrdinalIgnoreCase)) return General;
        var index = _formats.IndexOf(formatCode);
        if (index < 0)
        {
            _formats.Add(formatCode);
            index = _formats.Count - 1;
        }
        return Header + 1 + (uint)index;
    }

    public Stylesheet Build()
    {
        var stylesheet = new Stylesheet();
        if (_formats.Count > 0)
            stylesheet.Append(new NumberingFormats(_formats.Select((code, i) =>
                new NumberingFormat { NumberFormatId = FirstCustomFormatId + (uint)i, FormatCode = code })) { Count = (uint)_formats.Count });
        stylesheet.Append(
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
            // Excel expects these two fills first, whatever the workbook uses.
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            CellFormats(),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        return stylesheet;
    }

    CellFormats CellFormats()
    {
        var formats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true });
        for (var i = 0; i < _formats.Count; i++)
            formats.Append(new CellFormat { NumberFormatId = FirstCustomFormatId + (uint)i, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
        formats.Count = (uint)formats.ChildElements.Count;
        return formats;
    }

    static Font Font(bool bold)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }
}
