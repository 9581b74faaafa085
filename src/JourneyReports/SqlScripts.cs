using System.Collections.Concurrent;

namespace JourneyReports;

/// <summary>The .sql files under /sql, embedded in this assembly and loaded by path, e.g. "warehouse/duckdb/funnel.sql".</summary>
public static class SqlScripts
{
    static readonly ConcurrentDictionary<string, string> Cache = new();

    /// <summary>Paths of the embedded scripts under a folder, in name order (dated migrations sort by date).</summary>
    public static IReadOnlyList<string> Under(string folder) =>
        typeof(SqlScripts).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith($"sql/{folder}/", StringComparison.Ordinal))
            .Select(n => n["sql/".Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string Load(string path) => Cache.GetOrAdd(path, static p =>
    {
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream("sql/" + p)
            ?? throw new InvalidOperationException($"No embedded SQL script 'sql/{p}'. Is the file under /sql?");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
