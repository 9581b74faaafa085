namespace JourneyReports.Import;

/// <summary>
/// The line each CSV record starts on. DuckDB reports lines only for rows it cannot parse; a row that parses but breaks
/// the model is known by record number, and with quoted newlines (Olist reviews) record ≠ line, so the file is scanned
/// once more (streaming) when such rejects exist. CRLF, LF and bare CR each end one line, as in DuckDB's count.
/// Quoting as DuckDB's reader treats it: a quote opens a quoted field only at the start of a field (5" screen is plain
/// text), and inside one a doubled quote is a quote.
/// </summary>
public static class RecordLines
{
    /// <summary>Start lines of the data records, header skipped, records DuckDB could not parse left out.</summary>
    public static List<long> Scan(TextReader reader, CsvOptions csv, ISet<long> unreadable)
    {
        var starts = new List<long>();
        var headerPending = csv.HeaderOrDefault;
        Walk(reader, csv, line =>
        {
            if (headerPending) headerPending = false;
            else if (!unreadable.Contains(line)) starts.Add(line);
        }, stopAtBrokenQuote: false);
        return starts;
    }

    /// <summary>
    /// The first quoted field that is never closed, or is closed and then followed by text rather than a delimiter (the
    /// usual sign of a quote left open further up): the line it starts on and what is wrong. Null if the quoting is sound.
    /// Used only to explain a file DuckDB could not read, whose error gives no line.
    /// </summary>
    public static (long Line, string Problem)? FindBrokenQuote(TextReader reader, CsvOptions csv) =>
        Walk(reader, csv, _ => { }, stopAtBrokenQuote: true);

    enum State { RecordStart, FieldStart, Unquoted, Quoted, AfterQuote }

    static (long Line, string Problem)? Walk(TextReader reader, CsvOptions csv, Action<long> recordStarts, bool stopAtBrokenQuote)
    {
        var quote = csv.Whitespace || csv.QuoteOrDefault.Length == 0 ? -1 : csv.QuoteOrDefault[0];
        var delimiter = csv.Whitespace ? -1 : csv.DelimiterOrDefault[0];
        long line = 1, quoteLine = 0;
        var state = State.RecordStart;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var newline = c is '\n' or '\r';
            if (c == '\r' && reader.Peek() == '\n') reader.Read();
            if (state == State.RecordStart)
            {
                if (newline) { line++; continue; }
                recordStarts(line);
                state = State.FieldStart;
            }
            switch (state)
            {
                case State.Quoted:
                    if (c == quote) state = State.AfterQuote;
                    else if (newline) line++;
                    continue;
                case State.AfterQuote when c == quote:
                    state = State.Quoted; // a doubled quote: a quote character inside the field
                    continue;
                case State.AfterQuote when c != delimiter && !newline:
                    if (stopAtBrokenQuote)
                        return (quoteLine, quoteLine == line
                            ? $"on line {line} a quoted field is closed and then followed by '{(char)c}' instead of a delimiter or the end of the line"
                            : $"the quoted field that starts on line {quoteLine} is not closed on that line: the next quote, on line {line}, is followed by '{(char)c}' instead of a delimiter or the end of the line (an unterminated quote on line {quoteLine}?)");
                    state = State.Unquoted;
                    continue;
                case State.FieldStart when c == quote:
                    state = State.Quoted;
                    quoteLine = line;
                    continue;
            }
            if (newline) { line++; state = State.RecordStart; }
            else if (c == delimiter) state = State.FieldStart;
            else state = State.Unquoted;
        }
        return state == State.Quoted && stopAtBrokenQuote
            ? (quoteLine, $"the quoted field that starts on line {quoteLine} is never closed (an unterminated quote: the rest of the file would be one field)")
            : null;
    }
}
