namespace JourneyReports.Server;

/// <summary>
/// The configuration's problems, all of them: thrown by <see cref="ServerSetup.LoadOptions"/>. The server names them and
/// exits with 1; the verbs name them and exit with 2 (it is an <see cref="InvalidOperationException"/>, which they catch).
/// </summary>
public sealed class ConfigurationProblemsException(IReadOnlyList<string> problems) : InvalidOperationException(
    "The configuration has problems:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p)))
{
    public IReadOnlyList<string> Problems => problems;
}

public static class ConfigurationProblems
{
    /// <summary>
    /// The data directory must exist (it is created if it does not) and take a file; otherwise the first write, deep in
    /// a migration or a job, would fail with a bare path and no setting to change.
    /// </summary>
    public static string? DataDirectoryProblem(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-test-{Guid.NewGuid():n}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"JourneyReports:DataDirectory '{path}' cannot be used: {Reason(path, e)}.";
        }
    }

    static string Reason(string path, Exception e)
    {
        for (var d = path; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
            if (File.Exists(d)) return $"'{d}' is a file, not a folder";
        return e is UnauthorizedAccessException ? "permission denied (choose a folder this user may write to)"
            : $"the folder cannot be created or written to ({e.Message.TrimEnd('.')})";
    }

    /// <summary>
    /// Resolves the options, validated as a whole; on problems logs them all and returns null, so the server exits with
    /// 1 instead of dying of an unhandled exception.
    /// </summary>
    public static JourneyReportsOptions? ValidOptions(WebApplication app)
    {
        try
        {
            return app.Services.GetRequiredService<JourneyReportsOptions>();
        }
        catch (ConfigurationProblemsException e)
        {
            app.Logger.LogCritical("The server does not start: the configuration has {Count} problem(s):{Problems}",
                e.Problems.Count, string.Concat(e.Problems.Select(p => Environment.NewLine + "  - " + p)));
            return null;
        }
    }
}
