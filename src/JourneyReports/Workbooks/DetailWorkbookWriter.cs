using System.IO.Compression;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml;

namespace JourneyReports.Workbooks;

/// <summary>
/// Streams datasets of any size into a new, standalone .xlsx: one sheet per dataset, continued on "Name (2)",
/// "Name (3)"… whenever a sheet reaches Excel's row limit, each part with its own header. Memory stays bounded by
/// the row size, not the row count: rows go straight through OpenXmlWriter into a zip written front to back (see
/// <see cref="DetailPackage"/>; strings inline, no
/// shared-string table). Call <see cref="Complete"/> (or dispose) after the last sheet to write the workbook part.
/// Writes to <c>output</c> synchronously; for a response body, write to a file or buffer first.
/// </summary>
public sealed class DetailWorkbookWriter : IDisposable
{
    /// <summary>Rows in one Excel worksheet, the header included.</summary>
    public const int ExcelMaxRows = 1_048_576;

    readonly DetailPackage _package;
    readonly int _maxRowsPerSheet;
    readonly SheetNames _names = new();
    readonly DetailStylesheet _styles = new();
    readonly List<(string Name, DetailSheetPart Part)> _sheets = [];
    bool _completed, _faulted, _disposed;

    public DetailWorkbookWriter(Stream output) : this(output, ExcelMaxRows) { }

    /// <param name="maxRowsPerSheet">Rows per sheet, header included (tests split small datasets with it).</param>
    internal DetailWorkbookWriter(Stream output, int maxRowsPerSheet)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerSheet, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRowsPerSheet, ExcelMaxRows);
        _maxRowsPerSheet = maxRowsPerSheet;
        // Deflate dominates the run time: for 1,000,000 rows Optimal took 16 s for a 45 MB file, Fastest 7 s for 82 MB.
        // A sheet this large is downloaded rather than mailed, so time wins.
        _package = new DetailPackage(output, CompressionLevel.Fastest);
    }

    /// <summary>A metric's result (a record or a list of them) as a one-table workbook, one column per property.</summary>
    public static IReadOnlyList<string> WriteRecords(Stream output, string sheetName, object? result)
    {
        var (columns, rows) = RecordColumns.From(result);
        return Write(output, sheetName, columns.Count == 0 ? [new DetailColumn("No data")] : columns, rows);
    }

    /// <summary>Convenience: a workbook holding one dataset. Returns the sheet names written.</summary>
    public static IReadOnlyList<string> Write(Stream output, string sheetName, IReadOnlyList<DetailColumn> columns, IEnumerable<object?[]> rows)
    {
        using var writer = new DetailWorkbookWriter(output);
        var names = writer.AddSheets(sheetName, columns, rows);
        writer.Complete();
        return names;
    }

    /// <summary>Writes a dataset as one sheet, or several when it exceeds the row limit. Returns the sheet names used.</summary>
    public IReadOnlyList<string> AddSheets(string name, IReadOnlyList<DetailColumn> columns, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var series = Begin(name, columns);
        try
        {
            foreach (var row in rows) series.Add(row);
            return series.Finish();
        }
        catch { _faulted = true; throw; }
    }

    /// <inheritdoc cref="AddSheets"/>
    public async Task<IReadOnlyList<string>> AddSheetsAsync(string name, IReadOnlyList<DetailColumn> columns,
        IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var series = Begin(name, columns);
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken)) series.Add(row);
            return series.Finish();
        }
        catch { _faulted = true; throw; }
    }

    /// <summary>Writes the styles and workbook parts and closes the package. At least one sheet must have been added.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) return;
        if (_faulted) throw new InvalidOperationException("a sheet failed part-way; the workbook cannot be completed");
        if (_sheets.Count == 0) throw new InvalidOperationException("a workbook needs at least one sheet");
        _completed = true;

        using (var styles = _package.CreateStyles()) WritePart(styles, _styles.Build());

        var sheets = new Sheets(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = s.Part.RelationshipId }));
        // Excel records each autofilter's range as this hidden name, and repairs files that lack it.
        var filters = new DefinedNames(_sheets.Select((s, i) => new DefinedName(
            $"'{s.Name.Replace("'", "''")}'!$A$1:${Letters(s.Part.LastCell)}${s.Part.RowCount}")
        { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true }));
        using (var workbook = _package.CreateWorkbook()) WritePart(workbook, new Workbook(sheets, filters));
        _package.Complete();
        Release();
    }

    /// <summary>Completes the workbook unless a sheet failed, then releases the output.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        if (!_completed && !_faulted && _sheets.Count > 0) Complete();
        else Release();
    }

    void Release()
    {
        if (_disposed) return;
        _disposed = true;
        _package.Dispose();
    }

    Series Begin(string name, IReadOnlyList<DetailColumn> columns)
    {
        ObjectDisposedException.ThrowIf(_disposed || _completed, this);
        if (_faulted) throw new InvalidOperationException("a sheet failed part-way; no more sheets can be added");
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("a sheet needs at least one column", nameof(columns));
        return new Series(this, name, columns);
    }

    static void WritePart(Stream stream, OpenXmlElement root)
    {
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
    }

    static string Letters(string cell) => new(cell.TakeWhile(char.IsLetter).ToArray());

    /// <summary>The sheets of one dataset: a new part starts when the current one is full.</summary>
    sealed class Series(DetailWorkbookWriter owner, string name, IReadOnlyList<DetailColumn> columns)
    {
        readonly List<string> _names = [];
        DetailSheetPart? _current;

        public void Add(object?[] row)
        {
            if (_current is null || _current.RowCount >= owner._maxRowsPerSheet) Next();
            _current!.WriteRow(row);
        }

        public IReadOnlyList<string> Finish()
        {
            if (_current is null) Next(); // an empty dataset still gets its header
            _current!.Close();
            return _names;
        }

        void Next()
        {
            _current?.Close();
            var sheetName = owner._names.Claim(name, _names.Count + 1);
            _current = new DetailSheetPart(owner._package, columns, owner._styles, selected: owner._sheets.Count == 0);
            owner._sheets.Add((sheetName, _current));
            _names.Add(sheetName);
        }
    }
}
