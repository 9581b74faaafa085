using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml;

namespace JourneyReports.Workbooks;

/// <summary>
/// One worksheet written start to end with OpenXmlWriter: frozen bold header, column widths, rows as they come, and an
/// autofilter over everything written. Nothing per row is kept, so memory does not grow with the row count.
/// </summary>
internal sealed class DetailSheetPart
{
    // Elements are only templates for OpenXmlWriter (it takes their names); reusing them avoids millions of allocations.
    static readonly Row RowTag = new();
    static readonly Cell CellTag = new();
    static readonly CellValue ValueTag = new();
    static readonly InlineString InlineTag = new();
    static readonly Text TextTag = new();
    static readonly OpenXmlAttribute[] PreserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];

    readonly Stream _stream;
    readonly OpenXmlWriter _writer;
    readonly string[] _letters;
    readonly uint[] _styles;
    readonly OpenXmlAttribute[] _rowAttributes = new OpenXmlAttribute[1];
    readonly OpenXmlAttribute[] _cellAttributes = new OpenXmlAttribute[2];
    readonly OpenXmlAttribute[] _typedCellAttributes = new OpenXmlAttribute[3];
    readonly string[] _styleTexts;

    public string RelationshipId { get; }
    public int RowCount { get; private set; }
    public string LastCell => _letters[^1] + RowCount.ToString(CultureInfo.InvariantCulture);

    public DetailSheetPart(DetailPackage package, IReadOnlyList<DetailColumn> columns, DetailStylesheet styles, bool selected)
    {
        _stream = package.CreateWorksheet(out var relationshipId);
        RelationshipId = relationshipId;
        _letters = columns.Select((_, i) => ColumnLetters(i + 1)).ToArray();
        _styles = columns.Select(c => styles.StyleFor(c.EffectiveFormat)).ToArray();
        _styleTexts = _styles.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray();

        _writer = OpenXmlWriter.Create(_stream);
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { TabSelected = selected, WorkbookViewId = 0 }));
        _writer.WriteElement(new Columns(columns.Select((c, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.EffectiveWidth, CustomWidth = true })));
        _writer.WriteStartElement(new SheetData());

        StartRow();
        for (var i = 0; i < columns.Count; i++) WriteString(i, DetailCellValue.CleanText(columns[i].Header), DetailStylesheet.Header.ToString(CultureInfo.InvariantCulture));
        _writer.WriteEndElement();
    }

    public void WriteRow(object?[] values)
    {
        if (values.Length > _letters.Length)
            throw new ArgumentException($"a row has {values.Length} values but the sheet has {_letters.Length} columns", nameof(values));
        StartRow();
        for (var i = 0; i < values.Length; i++)
        {
            var (text, kind) = DetailCellValue.Of(values[i]);
            if (text is null) continue; // an empty cell is simply not written
            if (kind == DetailCellKind.Number) WriteValue(i, text, null);
            else if (kind == DetailCellKind.Boolean) WriteValue(i, text, "b");
            else WriteString(i, text, _styleTexts[i]);
        }
        _writer.WriteEndElement();
    }

    /// <summary>Ends the sheet: the autofilter covers the header and every row written.</summary>
    public void Close()
    {
        _writer.WriteEndElement(); // sheetData
        _writer.WriteElement(new AutoFilter { Reference = "A1:" + LastCell });
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        _stream.Dispose();
    }

    void StartRow()
    {
        RowCount++;
        _rowAttributes[0] = new OpenXmlAttribute("r", "", RowCount.ToString(CultureInfo.InvariantCulture));
        _writer.WriteStartElement(RowTag, _rowAttributes);
    }

    string Reference(int column) => _letters[column] + _rowAttributes[0].Value;

    void WriteValue(int column, string value, string? type)
    {
        OpenXmlAttribute[] attributes;
        if (type is null) attributes = _cellAttributes;
        else
        {
            attributes = _typedCellAttributes;
            attributes[2] = new OpenXmlAttribute("t", "", type);
        }
        attributes[0] = new OpenXmlAttribute("r", "", Reference(column));
        attributes[1] = new OpenXmlAttribute("s", "", _styleTexts[column]);
        _writer.WriteStartElement(CellTag, attributes);
        _writer.WriteStartElement(ValueTag);
        _writer.WriteString(value);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    // Inline strings, not the shared-string table: that table lives in memory until the package is saved.
    void WriteString(int column, string text, string style)
    {
        _typedCellAttributes[0] = new OpenXmlAttribute("r", "", Reference(column));
        _typedCellAttributes[1] = new OpenXmlAttribute("s", "", style);
        _typedCellAttributes[2] = new OpenXmlAttribute("t", "", "inlineStr");
        _writer.WriteStartElement(CellTag, _typedCellAttributes);
        _writer.WriteStartElement(InlineTag);
        var preserve = text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));
        if (preserve) _writer.WriteStartElement(TextTag, PreserveSpace);
        else _writer.WriteStartElement(TextTag);
        _writer.WriteString(text);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    static string ColumnLetters(int number)
    {
        var letters = "";
        for (; number > 0; number = (number - 1) / 26) letters = (char)('A' + (number - 1) % 26) + letters;
        return letters;
    }
}
