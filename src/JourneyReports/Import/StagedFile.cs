using System.Data.Common;
using System.Text;
using Dapper;
using JourneyReports.Warehouse;

namespace JourneyReports.Import;

/// <summary>
/// One CSV file as DuckDB's own reader sees it: <see cref="Source"/> yields rec (the record number, in file order) and
/// c1..cN (all text). Rows the reader cannot parse are kept in <see cref="Rejects"/> with their line. The file is not
/// copied into the warehouse: each statement that reads the source reads the file again, streaming, so an import's
/// memory does not grow with the file (a copy of 5 million rows of text took gigabytes; a read takes about a second).
/// </summary>
public sealed record StagedFile
{
    /// <summary>The file the mapping names (in messages and the rejects file).</summary>
    public required string Path { get; init; }
    /// <summary>The file DuckDB read: <see cref="Path"/>, or its UTF-8 copy when DuckDB cannot decode its encoding (<see cref="CsvEncoding"/>).</summary>
    public required string ReadPath { get; init; }
    /// <summary>What a statement reads the rows from (after FROM): a subquery over the file, or a table holding rec, c1..cN.</summary>
    public required string Source { get; init; }
    /// <summary>The parameters <see cref="Source"/> needs (the reader's options), added to every statement that reads it.</summary>
    public IReadOnlyDictionary<string, object?> SourceParameters { get; init; } = new Dictionary<string, object?>();
    public required IReadOnlyList<string> Columns { get; init; }
    public required long Rows { get; init; }
    public required IReadOnlyList<ImportReject> Rejects { get; init; }
    public required CsvOptions Csv { get; init; }

    public string Column(string name, string where)
    {
        var i = Columns.ToList().IndexOf(name);
        return i >= 0 ? $"c{i + 1}"
            : throw new ImportException($"{where}: column '{name}' is not in {Path}. Its columns: {string.Join(", ", Columns)}.");
    }

    /// <summary>Adds the parameters <see cref="Source"/> needs to a statement's own.</summary>
    public DynamicParameters With(DynamicParameters? own)
    {
        var p = own ?? new DynamicParameters();
        foreach (var (name, value) in SourceParameters) p.Add(name, value);
        return p;
    }

    /// <summary>The text DuckDB read, decoded as DuckDB did, for scans whose lines must be DuckDB's lines.</summary>
    public StreamReader OpenText() => Open(Path, ReadPath, Csv);

    static StreamReader Open(string path, string readPath, CsvOptions csv) =>
        new(readPath, readPath == path ? csv.EncodingOrDefault.Decoder : new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);

    /// <param name="readPath"><paramref name="path"/>, or a UTF-8 copy of it if DuckDB cannot decode its encoding.</param>
    public static async Task<StagedFile> ReadAsync(DbConnection db, JourneyWarehouse warehouse, string path, string readPath, CsvOptions csv, string table, CancellationToken ct)
    {
        var encoding = readPath == path ? csv.EncodingOrDefault : CsvEncoding.Utf8;
        // Invalid bytes in a header would not be reported: DuckDB's sniffer takes a later line for the header instead.
        if (encoding == CsvEncoding.Utf8 && readPath == path && csv.HeaderOrDefault && !CsvEncoding.FirstLineIsUtf8(path))
            throw CsvEncoding.NotUtf8(path, 1, null, null);
        // The path is a prepared parameter: DuckDB accepts one as read_csv's file argument, so no quoting is needed.
        // Bare-CR files (UCI Online Retail) need no conversion either: DuckDB's reader detects \r as the newline.
        var reader = new Dictionary<string, object?> { ["path"] = readPath, ["header"] = csv.HeaderOrDefault, ["encoding"] = encoding.DuckDb };
        string[] columns;
        string select;
        if (csv.Whitespace)
        {
            // DuckDB's delimiter is one fixed string, so runs of blanks (CDNOW) are read as one text column per line
            // (unit separator as delimiter: it never occurs in text) and split on whitespace here.
            columns = csv.HeaderOrDefault ? WhitespaceHeader(Open(path, readPath, csv)) : [];
            reader["delim"] = "\u001f";
            reader["quote"] = "";
            var width = columns.Length > 0 ? columns.Length : 1;
            select = $"{string.Join(", ", Enumerable.Range(1, width).Select(i => $"string_split_regex(trim(#1), '\\s+')[{i}] AS c{i}"))}, "
                + "len(string_split_regex(trim(#1), '\\s+')) AS field_count";
        }
        else
        {
            if (csv.DelimiterOrDefault.Length != 1 && csv.DelimiterOrDefault != "\t")
                throw new ImportException($"{path}: delimiter must be one character or \"whitespace\", not '{csv.DelimiterOrDefault}'.");
            reader["delim"] = csv.DelimiterOrDefault;
            reader["quote"] = csv.QuoteOrDefault;
            columns = (await Query<string>(db, warehouse.Sql("import_csv_columns"), new DynamicParameters(reader), path, readPath, csv, ct)).ToArray();
            select = string.Join(", ", columns.Select((_, i) => $"#{i + 1} AS c{i + 1}"));
        }

        // One parallel pass counts the records and keeps the lines the reader cannot parse; later reads skip the same
        // lines (ignore_errors), so their record numbers agree with this count.
        var read = csv.Whitespace ? warehouse.Sql("import_csv_lines") : warehouse.Sql("import_csv_read");
        var count = warehouse.Sql("import_stage").Replace("{read}", read.Replace("{errors}", "store_rejects = true, rejects_table = '{rejects}', rejects_scan = '{scan}'"))
            .Replace("{rejects}", table + "_rejects").Replace("{scan}", table + "_scan");
        var rows = await Scalar(db, count, new DynamicParameters(reader), path, readPath, csv, ct);
        var rejects = (await db.QueryAsync<(long Line, string Reason, string Content, string Kind)>(new CommandDefinition(
            warehouse.Sql("import_csv_rejects").Replace("{rejects}", table + "_rejects"), cancellationToken: ct)))
            .Select(r => new ImportReject(path, r.Line, null, null, r.Reason, r.Content.Trim('\r', '\n'), r.Kind))
            .ToList();
        // Read as UTF-8 because the mapping names no encoding, but it is not: the file is in another encoding, and
        // dropping every line with an accent would be silent data loss. A mapping that says "utf-8" means it, and gets
        // the damaged lines rejected instead.
        var notUtf8 = rejects.Where(r => r.Kind == "INVALID ENCODING").ToList();
        if (notUtf8.Count > 0 && csv.Encoding is null) throw CsvEncoding.NotUtf8(path, notUtf8[0].Line!.Value, notUtf8.Count, rows + rejects.Count);
        var source = "(" + warehouse.Sql("import_source").Replace("{select}", select).Replace("{read}", read.Replace("{errors}", "ignore_errors = true")) + ")";
        return new StagedFile { Path = path, ReadPath = readPath, Source = source, SourceParameters = reader, Columns = columns, Rows = rows, Rejects = rejects, Csv = csv };
    }

    static string[] WhitespaceHeader(StreamReader text)
    {
        using var reader = text;
        return (reader.ReadLine() ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    static async Task<IEnumerable<T>> Query<T>(DbConnection db, string sql, object args, string path, string readPath, CsvOptions csv, CancellationToken ct)
    {
        try { return await db.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct)); }
        catch (DbException e) { throw CannotRead(path, readPath, csv, e); }
    }

    static async Task<long> Scalar(DbConnection db, string sql, object args, string path, string readPath, CsvOptions csv, CancellationToken ct)
    {
        try { return await db.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, cancellationToken: ct)); }
        catch (DbException e) { throw CannotRead(path, readPath, csv, e); }
    }

    /// <summary>
    /// DuckDB's reason, made specific where DuckDB's is not: when its sniffer gives up ("Error when sniffing file", no
    /// line), the usual cause is a quote left open, so the file is scanned (only on this path) for the line it starts on;
    /// DuckDB's "File is not latin-1 encoded" gets the line and the encoding it probably is.
    /// </summary>
    static ImportException CannotRead(string path, string readPath, CsvOptions csv, DbException e)
    {
        if (e.Message.Contains("not latin-1 encoded", StringComparison.OrdinalIgnoreCase)) return CsvEncoding.NotLatin1(path, e);
        if (e.Message.Contains("sniffing", StringComparison.OrdinalIgnoreCase) && !csv.Whitespace && csv.QuoteOrDefault.Length > 0)
        {
            using var reader = Open(path, readPath, csv);
            if (RecordLines.FindBrokenQuote(reader, csv) is { } broken)
                return new ImportException($"Cannot read {path}: {broken.Problem}. Fix the quoting on line {broken.Line}, or set \"quote\" in the mapping's csv block if this file quotes fields differently.", e);
        }
        // DuckDB names the file it read, which for a transcoded file is a temporary copy the user has never heard of.
        return new ImportException($"Cannot read {path}: {FirstLine(e.Message).Replace(readPath, path)}", e);
    }

    static string FirstLine(string message) => message.Split('\n')[0];
}

/// <summary>A row not loaded: its file, line (when known), record number, target table and why (<paramref name="Kind"/>: the reason without its values).</summary>
public sealed record ImportReject(string File, long? Line, long? Record, string? Table, string Reason, string Content, string? Kind = null);
