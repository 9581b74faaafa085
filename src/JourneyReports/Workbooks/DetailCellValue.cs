using System.Globalization;
using System.Xml;

namespace JourneyReports.Workbooks;

internal enum DetailCellKind { Number, Boolean, Text }

/// <summary>
/// How one value is stored in a worksheet cell. The column type only chooses the display format; the stored kind
/// follows the value, so a stray string in a numeric column is kept as text rather than failing the export.
/// </summary>
internal static class DetailCellValue
{
    /// <summary>Excel's limit for the text of one cell; longer text makes Excel report the file as corrupt.</summary>
    public const int MaxTextLength = 32_767;

    // Excel's serial dates wrongly count 29 Feb 1900; from 1 Mar 1900 on, .NET's OLE Automation dates agree with Excel.
    public static readonly DateTime FirstSerialDate = new(1900, 3, 1);

    public static (string? Text, DetailCellKind Kind) Of(object? value)
    {
        var I = CultureInfo.InvariantCulture;
        return value switch
        {
            null or DBNull => (null, DetailCellKind.Text),
            string s => (CleanText(s), DetailCellKind.Text),
            bool b => (b ? "1" : "0", DetailCellKind.Boolean),
            int or long or short or byte or sbyte or ushort or uint or ulong or decimal => (((IFormattable)value).ToString(null, I), DetailCellKind.Number),
            double d => double.IsFinite(d) ? (d.ToString("R", I), DetailCellKind.Number) : (d.ToString(I), DetailCellKind.Text),
            float f => float.IsFinite(f) ? (f.ToString("R", I), DetailCellKind.Number) : (f.ToString(I), DetailCellKind.Text),
            DateOnly d => Date(d.ToDateTime(TimeOnly.MinValue), "yyyy-MM-dd"),
            // A DateTimeOffset keeps its own clock time: Excel has no time zones, so converting is the caller's choice.
            DateTimeOffset o => Date(o.DateTime, "yyyy-MM-dd'T'HH:mm:ss"),
            DateTime t => Date(t, "yyyy-MM-dd'T'HH:mm:ss"),
            IFormattable f => (CleanText(f.ToString(null, I)), DetailCellKind.Text),
            _ => (CleanText(value.ToString() ?? ""), DetailCellKind.Text),
        };
    }

    // Dates before 1 March 1900 have no reliable Excel serial number, so they are kept as ISO text.
    static (string, DetailCellKind) Date(DateTime t, string isoFormat) =>
        t >= FirstSerialDate
            ? (t.ToOADate().ToString("R", CultureInfo.InvariantCulture), DetailCellKind.Number)
            : (t.ToString(isoFormat, CultureInfo.InvariantCulture), DetailCellKind.Text);

    /// <summary>
    /// Removes characters XML 1.0 cannot carry (most control characters, lone surrogates) — the XML writer would throw
    /// on them mid-file — and cuts text to Excel's cell limit.
    /// </summary>
    public static string CleanText(string text)
    {
        var valid = true;
        for (var i = 0; i < text.Length && valid; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) i++;
            else valid = false;
        }
        if (!valid)
        {
            var kept = new System.Text.StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
                else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text, i++, 2);
            }
            text = kept.ToString();
        }
        if (text.Length <= MaxTextLength) return text;
        return text[..(char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength)];
    }
}
