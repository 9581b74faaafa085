using System.IO.Compression;
using System.Security;
using System.Text;

namespace JourneyReports.Workbooks;

/// <summary>
/// The .xlsx zip written front to back. Open XML SDK 2.20 cannot do this: SpreadsheetDocument needs read access to its
/// package, and a readable System.IO.Packaging package keeps every part it writes in memory until it closes — the
/// whole of a million-row sheet. A zip in create mode streams each part out as it is written; this class adds the
/// package plumbing (relationships, content types) the SDK would otherwise have written.
/// </summary>
internal sealed class DetailPackage(Stream output, CompressionLevel compression) : IDisposable
{
    const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string SheetMl = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true);
    readonly List<(string RelationshipId, string Target)> _sheets = [];

    /// <summary>A stream for the next worksheet part; dispose it before opening another part (zip create mode).</summary>
    public Stream CreateWorksheet(out string relationshipId)
    {
        relationshipId = $"rId{_sheets.Count + 1}";
        var target = $"worksheets/sheet{_sheets.Count + 1}.xml";
        _sheets.Add((relationshipId, target));
        return _zip.CreateEntry("xl/" + target, compression).Open();
    }

    public Stream CreateStyles() => _zip.CreateEntry("xl/styles.xml", compression).Open();

    public Stream CreateWorkbook() => _zip.CreateEntry("xl/workbook.xml", compression).Open();

    /// <summary>Writes relationships and content types for the parts created, then finishes the zip.</summary>
    public void Complete()
    {
        Text("[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            $"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{SheetMl}sheet.main+xml\"/>" +
            $"<Override PartName=\"/xl/styles.xml\" ContentType=\"{SheetMl}styles+xml\"/>" +
            string.Concat(_sheets.Select(s => $"<Override PartName=\"/xl/{s.Target}\" ContentType=\"{SheetMl}worksheet+xml\"/>")) +
            "</Types>");
        Text("_rels/.rels", Relationships(("rId1", $"{RelationshipNs}/officeDocument", "xl/workbook.xml")));
        Text("xl/_rels/workbook.xml.rels", Relationships([
            .. _sheets.Select(s => (s.RelationshipId, $"{RelationshipNs}/worksheet", s.Target)),
            ($"rId{_sheets.Count + 1}", $"{RelationshipNs}/styles", "styles.xml")]));
        _zip.Dispose();
    }

    public void Dispose() => _zip.Dispose();

    static string Relationships(params (string Id, string Type, string Target)[] relationships) =>
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        string.Concat(relationships.Select(r =>
            $"<Relationship Id=\"{r.Id}\" Type=\"{r.Type}\" Target=\"{SecurityElement.Escape(r.Target)}\"/>")) +
        "</Relationships>";

    void Text(string path, string xml)
    {
        using var stream = _zip.CreateEntry(path, compression).Open();
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
        stream.Write(bytes);
    }
}
