using System.Globalization;

namespace JourneyReports.Scheduling;

/// <summary>
/// Each run's files live in their own folder named by run id, so anything a run produced can be found from the run. A run
/// for recipients with different slices keeps each slice's files in a folder of its own under the run's.
/// </summary>
public sealed class RunArtifacts(string root)
{
    public const string DashboardPng = "dashboard.png";
    public const string DashboardSvg = "dashboard.svg";
    public const string DashboardPdf = "dashboard.pdf";
    public const string Workbook = "workbook.xlsx";
    /// <summary>The run's title, live link and KPIs as JSON (<see cref="DefinitionRunSummary"/>), so pages can show them without querying again.</summary>
    public const string Summary = "run.json";
    /// <summary>The report filters the files beside it were made with (<see cref="Journeys.JourneyFilter"/> as JSON).</summary>
    public const string Filters = "filters.json";

    /// <summary>The filters a run's (or slice's) files were made with; null for a run from before they were kept.</summary>
    public Journeys.JourneyFilter? FiltersOf(long runId, string? slice = null)
    {
        var path = PathOf(runId, Filters, slice);
        try { return File.Exists(path) ? System.Text.Json.JsonSerializer.Deserialize<Journeys.JourneyFilter>(File.ReadAllBytes(path)) : null; }
        catch (System.Text.Json.JsonException) { return null; }
    }

    public string DirectoryOf(long runId, string? slice = null)
    {
        var run = Path.Combine(root, runId.ToString(CultureInfo.InvariantCulture));
        return slice is null ? run : Path.Combine(run, "slices", slice);
    }

    public string PathOf(long runId, string file, string? slice = null) => Path.Combine(DirectoryOf(runId, slice), file);

    /// <summary>
    /// Writes a run's (or one slice's) files into a staging folder first, then renames it, so its folder is never
    /// half-written. A folder left by an attempt that died is replaced.
    /// </summary>
    public string Save(long runId, IReadOnlyDictionary<string, byte[]> files, string? slice = null)
    {
        var final = DirectoryOf(runId, slice);
        var staging = final + ".partial";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, bytes) in files)
                File.WriteAllBytes(Path.Combine(staging, name), bytes);
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
            Directory.Move(staging, final);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
        return final;
    }
}
