namespace JourneyReports.Tests;

public static class RepoPaths
{
    /// <summary>The repository root: the folder holding JourneyReports.sln above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/data beside the repository: real exports used by import tests.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "JourneyReports.sln"))) return d.FullName;
        throw new InvalidOperationException("JourneyReports.sln not found above " + AppContext.BaseDirectory);
    }
}
