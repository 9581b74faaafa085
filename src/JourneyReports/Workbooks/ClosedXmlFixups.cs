using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JourneyReports.Workbooks;

/// <summary>
/// Repairs the styles part ClosedXML 0.95.4 writes. Its output passes the Open XML validator, but the number formats
/// are inconsistent in ways the schema cannot see:
/// <list type="bullet">
/// <item>it redefines built-in format 0 (General) with an empty format code, which Excel has been reported to reject;</item>
/// <item>table column formats (dxfs, from dataDxfId) number their custom formats from 164 independently of the cell
/// formats, so one id means two codes (e.g. 165 is "#,##0" for cells and "d mmm yyyy" in a dxf). Readers that keep one
/// id table, Excel included, can then show counts as dates.</item>
/// </list>
/// Newer ClosedXML fixes both; the mirror only serves 0.95.4, so the saved package is corrected here.
/// </summary>
internal static class ClosedXmlFixups
{
    const uint FirstCustomFormatId = 164;

    public static void Apply(Stream xlsx)
    {
        using var document = SpreadsheetDocument.Open(xlsx, isEditable: true);
        var stylesheet = document.WorkbookPart?.WorkbookStylesPart?.Stylesheet;
        if (stylesheet is null) return;

        var formats = stylesheet.NumberingFormats;
        if (formats is not null)
        {
            foreach (var empty in formats.Elements<NumberingFormat>()
                         .Where(f => f.NumberFormatId?.Value < FirstCustomFormatId && string.IsNullOrEmpty(f.FormatCode?.Value))
                         .ToList())
                empty.Remove();
        }

        foreach (var dxfFormat in stylesheet.DifferentialFormats?.Descendants<NumberingFormat>().ToList() ?? [])
        {
            if (dxfFormat.NumberFormatId?.Value < FirstCustomFormatId) continue;
            var code = dxfFormat.FormatCode?.Value ?? "";
            formats ??= stylesheet.InsertAt(new NumberingFormats(), 0); // numFmts is the stylesheet's first child
            var shared = formats.Elements<NumberingFormat>().FirstOrDefault(f => f.FormatCode?.Value == code);
            if (shared is null)
            {
                var nextId = formats.Elements<NumberingFormat>().Select(f => f.NumberFormatId?.Value ?? 0)
                    .Append(FirstCustomFormatId - 1).Max() + 1;
                shared = formats.AppendChild(new NumberingFormat { NumberFormatId = nextId, FormatCode = code });
            }
            dxfFormat.NumberFormatId = shared.NumberFormatId!.Value;
        }

        if (formats is not null)
        {
            if (formats.HasChildren) formats.Count = (uint)formats.ChildElements.Count;
            else formats.Remove();
        }
        stylesheet.Save();
    }
}
