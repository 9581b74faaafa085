using System.Data.Common;
using Dapper;

namespace JourneyReports;

/// <summary>
/// One CSV file read by DuckDB's own reader into a temp table whose columns are c1..cN (all text), in file order, so
/// rec is the record number. Rows the reader cannot parse are kept in <see cref="Rejects"/> with their line.
/// </summary>
public sealed class StagedFile
{
    public required string Path { get; init; }
    public required string Table { get; init; }
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

    public static async Task<StagedFile> ReadAsync(DbConnection db, Warehouse warehouse, string path, CsvOptions csv, string table, CancellationToken ct)
    {
        // The path is a prepared parameter: DuckDB accepts one as read_csv's file argument, so no quoting is needed.
        // Bare-CR files (UCI Online Retail) need no conversion either: DuckDB's reader detects \r as the newline.
        var args = new DynamicParameters(new { path, header = csv.HeaderOrDefault });
        string[] columns;
        string select;
        if (csv.Whitespace)
        {
            // DuckDB's delimiter is one fixed string, so runs of blanks (CDNOW) are read as one text column per line
            // (unit separator as delimiter: it never occurs in text) and split on whitespace here.
            columns = csv.HeaderOrDefault ? WhitespaceHeader(path) : [];
            args.Add("delim", "\u001f");
            args.Add("quote", "");
            var width = columns.Length > 0 ? columns.Length : 1;
            select = $"{string.Join(", ", Enumerable.Range(1, width).Select(i => $"string_split_regex(trim(#1), '\\s+')[{i}] AS c{i}"))}, "
                + "len(string_split_regex(trim(#1), '\\s+')) AS field_count";
        }
        else
        {
            if (csv.DelimiterOrDefault.Length != 1 && csv.DelimiterOrDefault != "\t")
                throw new ImportException($"{path}: delimiter must be one character or \"whitespace\", not '{csv.DelimiterOrDefault}'.");
            args.Add("delim", csv.DelimiterOrDefault);
            args.Add("quote", csv.QuoteOrDefault);
            columns = (await Query<string>(db, warehouse.Sql("import_csv_columns"), args, path, csv, ct)).ToArray();
            select = string.Join(", ", columns.Select((_, i) => $"#{i + 1} AS c{i + 1}"));
        }

        var reader = csv.Whitespace ? warehouse.Sql("import_csv_lines") : warehouse.Sql("import_csv_read");
        var sql = warehouse.Sql("import_stage").Replace("{table}", table).Replace("{select}", select).Replace("{read}", reader)
            .Replace("{rejects}", table + "_rejects").Replace("{scan}", table + "_scan");
        await Exec(db, sql, args, path, csv, ct);
        await Exec(db, warehouse.Sql("import_stage_number").Replace("{table}", table), new { }, path, csv, ct);

        var rejects = (await db.QueryAsync<(long Line, string Reason, string Content)>(new CommandDefinition(
            warehouse.Sql("import_csv_rejects").Replace("{rejects}", table + "_rejects"), cancellationToken: ct)))
            .Select(r => new ImportReject(path, r.Line, null, null, r.Reason, r.Content.Trim('\r', '\n')))
            .ToList();
        var rows = await db.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {table}", cancellationToken: ct));
        return new StagedFile { Path = path, Table = table, Columns = columns, Rows = rows, Rejects = rejects, Csv = csv };
    }

    static string[] WhitespaceHeader(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return (reader.ReadLine() ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    static async Task<IEnumerable<T>> Query<T>(DbConnection db, string sql, object args, string path, CsvOptions csv, CancellationToken ct)
    {
        try { return await db.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct)); }
        catch (DbException e) { throw CannotRead(path, csv, e); }
    }

    static async Task Exec(DbConnection db, string sql, object args, string path, CsvOptions csv, CancellationToken ct)
    {
        try { await db.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct)); }
        catch (DbException e) { throw CannotRead(path, csv, e); }
    }

    /// <summary>
    /// DuckDB's reason, made specific where DuckDB's is not: when its sniffer gives up ("Error when sniffing file", no
    /// line), the usual cause is a quote left open, so the file is scanned (only on this path) for the line it starts on.
    /// </summary>
    static ImportException CannotRead(string path, CsvOptions csv, DbException e)
    {
        if (e.Message.Contains("sniffing", StringComparison.OrdinalIgnoreCase) && !csv.Whitespace && csv.QuoteOrDefault.Length > 0)
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            if (RecordLines.FindBrokenQuote(reader, csv) is { } broken)
                return new ImportException($"Cannot read {path}: {broken.Problem}. Fix the quoting on line {broken.Line}, or set \"quote\" in the mapping's csv block if this file quotes fields differently.", e);
        }
        return new ImportException($"Cannot read {path}: {FirstLine(e.Message)}", e);
    }

    static string FirstLine(string message) => message.Split('\n')[0];
}

/// <summary>A row not loaded: its file, line (when known), record number, target table and why.</summary>
public sealed record ImportReject(string File, long? Line, long? Record, string? Table, string Reason, string Content);
