namespace JourneyReports.Scheduling;

/// <summary>Each run's files live in their own folder named by run id, so anything a run produced can be found from the run.</summary>
public sealed class RunArtifacts(string root)
{
    public const string DashboardPng = "dashboard.png";
    public const string DashboardSvg = "dashboard.svg";
    public const string Workbook = "workbook.xlsx";
    /// <summary>The run's title, live link and KPIs as JSON (<see cref="DefinitionRunSummary"/>), so pages can show them without querying again.</summary>
    public const string Summary = "run.json";

    public string DirectoryOf(long runId) => Path.Combine(root, runId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string PathOf(long runId, string file) => Path.Combine(DirectoryOf(runId), file);

    /// <summary>Writes all of a run's files into a staging folder first, then renames it, so a run's folder is never half-written.</summary>
    public string Save(long runId, IReadOnlyDictionary<string, byte[]> files)
    {
        var final = DirectoryOf(runId);
        var staging = final + ".partial";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, bytes) in files)
                File.WriteAllBytes(Path.Combine(staging, name), bytes);
            Directory.Move(staging, final); // run ids are never reused, so the final folder cannot exist yet
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
        return final;
    }
}
