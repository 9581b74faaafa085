using JourneyReports.Catalog;
using JourneyReports.Journeys;
using JourneyReports.Scheduling;

namespace JourneyReports.Server;

/// <summary>
/// One file a run kept, by the path the portal and the API name it with: "workbook.xlsx" for the run's own (its first
/// slice's), "2/workbook.xlsx" for slice 2's; with the filters it was made with.
/// </summary>
public sealed record RunFile(string Path, string? Slice, string Name, long Bytes, JourneyFilter? Filters);

/// <summary>
/// The run history as one person may see it, for the portal's pages and the API alike: a run (or a slice of one) whose
/// filters are outside their data scope is not theirs and is answered as if it did not exist (<see cref="RunAccess"/>).
/// </summary>
public sealed class RunActions(ReportCatalog catalog, RunArtifacts artifacts)
{
    /// <summary>How far back the history goes (its pages are cut from these).</summary>
    public const int MaxRuns = 2000;

    public static ValueTask<RunActions?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<RunActions?>(ActivatorUtilities.CreateInstance<RunActions>(context.RequestServices));

    public async Task<IReadOnlyList<RunRecord>> VisibleAsync(UserAccount user, long? subscriptionId, CancellationToken ct) =>
        [.. (await catalog.RecentRunsAsync(MaxRuns, ct)).Where(r => (subscriptionId is null || r.SubscriptionId == subscriptionId) && RunAccess.MaySeeAny(user, artifacts, r.RunId))];

    /// <summary>The run, when it exists and some part of it is this person's; else null.</summary>
    public async Task<RunRecord?> GetAsync(UserAccount user, long runId, CancellationToken ct) =>
        await catalog.GetRunAsync(runId, ct) is { } run && RunAccess.MaySeeAny(user, artifacts, runId) ? run : null;

    /// <summary>The run's slices this person may see: null for the run's own (its first slice), "2" for slice 2, in order.</summary>
    public IReadOnlyList<string?> Slices(UserAccount user, long runId) =>
        [.. SliceFolders(runId).Where(s => RunAccess.MaySee(user, artifacts, runId, s))];

    /// <summary>The run's own folder (null), then its slices' by number (a half-written ".partial" one is no slice); none for a run without files.</summary>
    IEnumerable<string?> SliceFolders(long runId)
    {
        // A run without files (a refresh of the model, a run that failed before drawing) has no dashboard to show.
        if (!Directory.Exists(artifacts.DirectoryOf(runId))) yield break;
        yield return null;
        var folder = Path.Combine(artifacts.DirectoryOf(runId), "slices");
        if (!Directory.Exists(folder)) yield break;
        foreach (var n in Directory.EnumerateDirectories(folder).Select(Path.GetFileName).Select(s => int.TryParse(s, out var n) ? n : 0).Where(n => n > 0).Order())
            yield return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The recipients' deliveries: all of them for someone who sees all data, else only their own (a department head
    /// need not learn who else receives the report).
    /// </summary>
    public async Task<IReadOnlyList<DeliveryRecord>> DeliveriesAsync(UserAccount user, long runId, CancellationToken ct)
    {
        var all = await catalog.DeliveriesAsync(runId, ct);
        return user.DataScope.IsAll ? all : [.. all.Where(d => d.Recipient.Equals(user.Email, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>The summary (title, live link, KPIs) a run or slice kept, when there is one and it reads.</summary>
    public DefinitionRunSummary? Summary(long runId, string? slice = null)
    {
        var path = artifacts.PathOf(runId, RunArtifacts.Summary, slice);
        try { return File.Exists(path) ? System.Text.Json.JsonSerializer.Deserialize<DefinitionRunSummary>(File.ReadAllBytes(path)) : null; }
        catch (System.Text.Json.JsonException) { return null; }
    }

    public JourneyFilter? FiltersOf(long runId, string? slice) => artifacts.FiltersOf(runId, slice);

    /// <summary>Every file of the run this person may open: the run's own, then each slice's they may see.</summary>
    public IReadOnlyList<RunFile> Files(UserAccount? user, long runId)
    {
        var files = new List<RunFile>();
        void Add(string? slice)
        {
            if (user is not null && !RunAccess.MaySee(user, artifacts, runId, slice)) return;
            var folder = artifacts.DirectoryOf(runId, slice);
            if (!Directory.Exists(folder)) return;
            var filters = artifacts.FiltersOf(runId, slice);
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name is RunArtifacts.Summary or RunArtifacts.Filters) continue;
                files.Add(new RunFile(slice is null ? name : $"{slice}/{name}", slice, name, new FileInfo(file).Length, filters));
            }
        }
        foreach (var slice in SliceFolders(runId)) Add(slice);
        return files;
    }

    /// <summary>
    /// The file at <paramref name="path"/> ("name" or "slice/name", nothing else), when it exists and — unless the link
    /// was signed for it (<paramref name="user"/> null) — its slice is this person's.
    /// </summary>
    public string? FilePath(UserAccount? user, long runId, string path)
    {
        var parts = path.Split('/');
        var (slice, name) = parts.Length switch
        {
            1 => ((string?)null, parts[0]),
            2 when int.TryParse(parts[0], out var n) && n > 0 && parts[0] == n.ToString(System.Globalization.CultureInfo.InvariantCulture) => (parts[0], parts[1]),
            _ => (null, ""),
        };
        // A name is one file of one folder: no way up out of it, or across into another slice's.
        if (name.Length == 0 || name is "." or ".." || name.Contains('\\') || Path.GetFileName(name) != name) return null;
        if (user is not null && !RunAccess.MaySee(user, artifacts, runId, slice)) return null;
        var full = artifacts.PathOf(runId, name, slice);
        return File.Exists(full) ? full : null;
    }

    public static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".png" => "image/png", ".svg" => "image/svg+xml", ".pdf" => "application/pdf", ".csv" => "text/csv", ".json" => "application/json",
        ".xlsx" => Delivery.ReportEmail.XlsxMediaType, _ => "application/octet-stream",
    };
}
