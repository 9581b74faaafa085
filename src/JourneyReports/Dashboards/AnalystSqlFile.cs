namespace JourneyReports.Dashboards;

/// <summary>
/// Where an analyst dataset's SQL file is: a .sql file inside the folder of its definition, named relative to it, reached
/// without symbolic links. Anything else is refused before it is opened, so no other file on the server is ever read and
/// none of its text can reach an error message. The definition's folder itself may be a link (a deployment's choice);
/// only what lies below it is checked.
/// </summary>
static class AnalystSqlFile
{
    const long MaxBytes = 1024 * 1024;

    /// <summary>The file's full path, or null and <paramref name="problem"/> (which starts after "SQL file 'x' ").</summary>
    public static string? Resolve(string definitionFile, string sqlPath, out string problem)
    {
        problem = "";
        var folder = Path.GetDirectoryName(Path.GetFullPath(definitionFile)) ?? ".";
        // Absolute paths (and ~, which a shell would expand) are refused even when they point inside: a definition
        // copied elsewhere must not keep reading its old folder.
        if (sqlPath.Length == 0 || Path.IsPathRooted(sqlPath) || sqlPath.StartsWith('~'))
            return Fail(out problem, "must be a path relative to the definition's folder, inside it (e.g. queries/top.sql)");
        var file = Path.GetFullPath(Path.Combine(folder, sqlPath));
        var relative = Path.GetRelativePath(folder, file);
        if (relative is "." or ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return Fail(out problem, "is outside the definition's folder; SQL files must be inside it");
        if (!file.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            return Fail(out problem, "must be a .sql file inside the definition's folder");
        // Every step below the folder must be a plain folder or file: a link could lead anywhere, now or later.
        var step = folder;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar))
        {
            step = Path.Combine(step, part);
            if (new FileInfo(step).LinkTarget is not null)
                return Fail(out problem, $"passes through a symbolic link ('{Path.GetRelativePath(folder, step).Replace('\\', '/')}'); " +
                    "SQL files must be plain files inside the definition's folder");
        }
        if (!File.Exists(file)) return Fail(out problem, $"does not exist (looked for {file})");
        // Checking binds the query, and binding evaluates its constants: their size is bounded by the file's.
        if (new FileInfo(file).Length is var bytes && bytes > MaxBytes)
            return Fail(out problem, $"is {bytes / 1048576.0:0.0} MB; an analyst query may be at most {MaxBytes / 1048576} MB");
        return file;
    }

    /// <summary>The text of the file, or an exception naming the problem (never the text of another file).</summary>
    public static Task<string> ReadAsync(string definitionFile, string sqlPath, CancellationToken ct) =>
        Resolve(definitionFile, sqlPath, out var problem) is { } file ? File.ReadAllTextAsync(file, ct)
            : throw new InvalidOperationException($"SQL file '{sqlPath}' {problem}");

    static string? Fail(out string problem, string text)
    {
        problem = text;
        return null;
    }
}
