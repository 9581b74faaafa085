using System.Collections;
using System.Globalization;
using System.Text;

namespace JourneyReports.Workbooks;

/// <summary>
/// Any dataset as CSV, with the same column definitions as <see cref="DetailWorkbookWriter"/>:
/// <list type="bullet">
/// <item>RFC 4180: comma separated, CRLF line ends, a field quoted (quotes doubled) when it holds a comma, quote, CR or LF;</item>
/// <item>numbers in the invariant culture, unformatted (percent stays a fraction, currency has no symbol);
/// dates ISO 8601: <c>yyyy-MM-dd</c>, date-times <c>yyyy-MM-ddTHH:mm:ss</c> (offset appended for DateTimeOffset),
/// a date-time in a Date column as its date;</item>
/// <item>formula injection: a text field starting with <c>= + - @</c>, tab or CR gets a leading apostrophe, so a
/// spreadsheet shows it as text instead of running it. Numeric values (e.g. -5) are never prefixed; text that merely
/// looks numeric ("-5" as a string) is, which is the price of not guessing.</item>
/// </list>
/// <see cref="Write(Stream, IReadOnlyList{DetailColumn}, IEnumerable{object?[]}, bool)"/> writes UTF-8, with a byte
/// order mark by default: without it Excel reads the file in the machine's legacy code page and garbles "£" or "é".
/// </summary>
public static class CsvExport
{
    const string LineEnd = "\r\n";
    static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static void Write(TextWriter output, IReadOnlyList<DetailColumn> columns, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        WriteHeader(output, columns);
        foreach (var row in rows) WriteRow(output, columns, row);
        output.Flush();
    }

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<DetailColumn> columns, IAsyncEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        WriteHeader(output, columns);
        await foreach (var row in rows.WithCancellation(cancellationToken)) WriteRow(output, columns, row);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>UTF-8 bytes to <paramref name="output"/>, which is left open.</summary>
    public static void Write(Stream output, IReadOnlyList<DetailColumn> columns, IEnumerable<object?[]> rows, bool byteOrderMark = true)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(byteOrderMark), 1 << 16, leaveOpen: true);
        Write(writer, columns, rows);
    }

    /// <summary>
    /// A record, or a list of records, with one column per public property (type from the property's type) — what
    /// the CLI prints for <c>metrics --format csv</c>. A list-valued property is joined with " > " (a journey path).
    /// </summary>
    public static void WriteRecords(TextWriter output, object? result)
    {
        var (columns, rows) = RecordColumns.From(result);
        if (columns.Count == 0) return;
        Write(output, columns, rows);
    }

    /// <summary>One field as written, before quoting.</summary>
    public static string Field(object? value, DetailColumnType type = DetailColumnType.Text)
    {
        var I = CultureInfo.InvariantCulture;
        return value switch
        {
            null or DBNull => "",
            string s => Protect(s),
            bool b => b ? "true" : "false",
            DateTime t when type == DetailColumnType.Date => t.ToString("yyyy-MM-dd", I),
            DateTimeOffset o when type == DetailColumnType.Date => o.ToString("yyyy-MM-dd", I),
            DateOnly d => d.ToString("yyyy-MM-dd", I),
            DateTime t => t.ToString(t.TimeOfDay.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", I),
            DateTimeOffset o => o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", I),
            double d => d.ToString("R", I),
            float f => f.ToString("R", I),
            int or long or short or byte or sbyte or ushort or uint or ulong or decimal => ((IFormattable)value).ToString(null, I),
            IFormattable f => Protect(f.ToString(null, I)),
            IEnumerable e => Protect(string.Join(" > ", e.Cast<object?>().Select(item => Field(item)))),
            _ => Protect(value.ToString() ?? ""),
        };
    }

    static string Protect(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    static string Quote(string field) =>
        field.IndexOfAny(NeedsQuotes) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    static void WriteHeader(TextWriter output, IReadOnlyList<DetailColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("a dataset needs at least one column", nameof(columns));
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) output.Write(',');
            output.Write(Quote(Protect(columns[i].Header)));
        }
        output.Write(LineEnd);
    }

    static void WriteRow(TextWriter output, IReadOnlyList<DetailColumn> columns, object?[] row)
    {
        if (row.Length > columns.Count)
            throw new ArgumentException($"a row has {row.Length} values but the dataset has {columns.Count} columns", nameof(row));
        // Short rows are padded with empty fields: every line has the header's field count, as RFC 4180 asks.
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) output.Write(',');
            if (i < row.Length) output.Write(Quote(Field(row[i], columns[i].Type)));
        }
        output.Write(LineEnd);
    }
}
