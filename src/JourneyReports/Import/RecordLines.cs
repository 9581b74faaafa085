namespace JourneyReports.Import;

/// <summary>
/// The line each CSV record starts on. DuckDB reports lines only for rows it cannot parse; a row that parses but breaks
/// the model is known by record number, and with quoted newlines (Olist reviews) record ≠ line, so the file is scanned
/// once more (streaming) when such rejects exist. CRLF, LF and bare CR each end one line, as in DuckDB's count.
/// </summary>
public static class RecordLines
{
    /// <summary>Start lines of the data records, header skipped, records DuckDB could not parse left out.</summary>
    public static List<long> Scan(string path, CsvOptions csv, ISet<long> unreadable)
    {
        var starts = new List<long>();
        var quote = csv.Whitespace || csv.QuoteOrDefault.Length == 0 ? '\0' : csv.QuoteOrDefault[0];
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        long line = 1;
        var inQuotes = false;
        var atStart = true;
        var headerPending = csv.HeaderOrDefault;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (atStart && c is not ('\n' or '\r'))
            {
                if (headerPending) headerPending = false;
                else if (!unreadable.Contains(line)) starts.Add(line);
                atStart = false;
            }
            if (quote != '\0' && c == quote) inQuotes = !inQuotes;
            if (c is '\n' or '\r')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                line++;
                if (!inQuotes) atStart = true;
            }
        }
        return starts;
    }
}
