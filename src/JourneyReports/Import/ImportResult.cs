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
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("file,line,record,table,reason,content\n");
        foreach (var r in rejects)
            w.Write(string.Join(",", Field(r.File), r.Line?.ToString() ?? "", r.Record?.ToString() ?? "", Field(r.Table ?? ""), Field(r.Reason), Field(r.Content)) + "\n");
    }

    static string Field(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
