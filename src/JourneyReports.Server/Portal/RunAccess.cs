using JourneyReports.Catalog;
using JourneyReports.Journeys;
using JourneyReports.Scheduling;

namespace JourneyReports.Server;

/// <summary>
/// Who may see a run's files: those whose data scope produced them. A run (or slice) made with filters inside a
/// person's scope is theirs to open; one made for a wider or another slice is not, and neither is a run from before
/// the filters were kept (unless the person's scope is all data).
/// </summary>
public static class RunAccess
{
    public static bool MaySee(UserAccount user, RunArtifacts artifacts, long runId, string? slice = null)
    {
        var scope = user.DataScope;
        if (scope.IsAll) return true;
        return artifacts.FiltersOf(runId, slice) is { } filters && scope.Covers(filters);
    }

    /// <summary>Whether any part of a run (its own files or one slice's) is this person's.</summary>
    public static bool MaySeeAny(UserAccount user, RunArtifacts artifacts, long runId)
    {
        if (MaySee(user, artifacts, runId)) return true;
        var slices = Path.Combine(artifacts.DirectoryOf(runId), "slices");
        return Directory.Exists(slices) && Directory.EnumerateDirectories(slices).Any(d => MaySee(user, artifacts, runId, Path.GetFileName(d)));
    }
}
