using System.Text;

namespace JourneyReports.Import;

/// <summary>What an import loaded; <paramref name="Warnings"/> name files that loaded but deserve a look (e.g. no data rows).</summary>
public sealed record ImportResult(IReadOnlyList<FileResult> Files, string RejectsPath, TimeSpan Elapsed, IReadOnlyList<string> Warnings)
{
    public long Rejected => Files.Sum(f => f.Rejected);
}

/// <summary>
/// One source file: records DuckDB read, lines it could not parse, and per table what was loaded, rejected (breaks the
/// model) and merged (rows sharing a natural key, e.g. the same product on many events).
/// </summary>
public sealed record FileResult(string File, long Records, long Unreadable, IReadOnlyList<TargetResult> Targets, TimeSpan Elapsed)
{
    /// <summary>Unparseable lines plus rows the first (main) table rejected.</summary>
    public long Rejected => Unreadable + (Targets.Count > 0 ? Targets[0].Rejected : 0);
    public long Loaded => Targets.Count > 0 ? Targets[0].Loaded : 0;
}

public sealed record TargetResult(string Table, long Loaded, long Rejected, long Merged);

/// <summary>The rejects file: one line per rejected row, with the file, line, record, table and reason.</summary>
public static class RejectsFile
{
    public static void Write(string path, IEnumerable<ImportReject> rejects)
    {
        using var w = Create(path);
        foreach (var r in rejects) w.Add(r);
    }

    /// <summary>A rejects file written as the rejects come (a refresh meets them batch by batch, never all at once).</summary>
    public static Writer Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("file,line,record,table,reason,content\n");
        return new Writer(w, Path.GetFullPath(path));
    }

    public sealed class Writer(StreamWriter w, string path) : IDisposable
    {
        public string Path => path;
        public long Count { get; private set; }

        public void Add(ImportReject r)
        {
            w.Write(string.Join(",", Field(r.File), r.Line?.ToString() ?? "", r.Record?.ToString() ?? "", Field(r.Table ?? ""), Field(r.Reason), Field(r.Content)) + "\n");
            Count++;
        }

        public void Dispose() => w.Dispose();
    }

    static string Field(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
