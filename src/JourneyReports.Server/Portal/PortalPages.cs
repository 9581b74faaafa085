using JourneyReports.Catalog;
using JourneyReports.Delivery;
using JourneyReports.Scheduling;
using JourneyReports.Server.Portal.Components;

namespace JourneyReports.Server;

/// <summary>
/// The web app's own pages: home (the latest report this person may see, their dashboards and subscriptions), the run
/// history, each run's page and files. A run or file outside the person's data scope is a 404 like an unknown one.
/// </summary>
public static class PortalPages
{
    public static void MapPortal(this WebApplication app)
    {
        app.MapGet("/", Home);
        app.MapGet("/runs", History);
        app.MapGet("/runs/{runId:long}", Run);
        app.MapGet("/runs/{runId:long}/dashboard.png", (long runId, HttpContext context, RunActions runs, CancellationToken ct) =>
            OwnFile(runId, RunArtifacts.DashboardPng, context, runs, ct));
        app.MapGet("/runs/{runId:long}/dashboard.svg", (long runId, HttpContext context, RunActions runs, CancellationToken ct) =>
            OwnFile(runId, RunArtifacts.DashboardSvg, context, runs, ct));
        app.MapGet("/runs/{runId:long}/workbook.xlsx", (long runId, HttpContext context, RunActions runs, CancellationToken ct) =>
            OwnFile(runId, RunArtifacts.Workbook, context, runs, ct, run => $"{run.ReportId}-{run.PeriodFirst}.xlsx"));
        // Any file a run kept ("workbook.xlsx", or "2/workbook.xlsx" for slice 2's), by its path under the run's folder:
        // opened from an email by its signed link (no sign-in needed), or by a signed-in person whose scope made the file.
        app.MapGet("/runs/{runId:long}/files/{**path}", async (long runId, string path, string? sig, HttpContext context, RunActions runs,
            ReportCatalog catalog, RecipientLinks links, CancellationToken ct) =>
        {
            var user = await context.AccountAsync();
            var signed = links.VerifyRunFile(runId, path, sig);
            if (!signed && user is null) return NotFound(null, runId, path);
            var file = await catalog.GetRunAsync(runId, ct) is null ? null : runs.FilePath(signed ? null : user, runId, path);
            return file is null ? NotFound(user, runId, path) : Results.File(file, RunActions.ContentType(file), Path.GetFileName(file));
        }).AllowAnonymous();
    }

    static async Task<IResult> Home(HttpContext context, RunActions runs, SubscriptionActions subscriptions, JourneyReportsOptions options, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        var visible = await runs.VisibleAsync(user, null, ct);
        // The newest finished run with a dashboard this person may see: its own files, or else their slice's.
        var latest = visible.Where(r => r.Status is RunStatus.Succeeded or RunStatus.Partial)
            .Select(r => (Run: r, Slices: runs.Slices(user, r.RunId))).FirstOrDefault(r => r.Slices.Count > 0);
        var slice = latest.Run is null ? null : latest.Slices[0];
        return PortalView.Page<HomePage>(new
        {
            User = user, Latest = latest.Run, LatestSlice = slice, Summary = latest.Run is null ? null : runs.Summary(latest.Run.RunId, slice),
            Culture = options.ReportCulture(), Dashboards = subscriptions.Library().Definitions,
            Subscriptions = await subscriptions.StatusesAsync(user, ct), RecentRuns = visible.Take(10).ToList(),
        });
    }

    static async Task<IResult> History(int? offset, int? limit, long? subscription, HttpContext context, RunActions runs, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        var all = await runs.VisibleAsync(user, subscription, ct);
        var o = Math.Max(0, offset ?? 0);
        var l = Math.Clamp(limit ?? Paged<RunRecord>.DefaultLimit, 1, Paged<RunRecord>.MaxLimit);
        return PortalView.Page<RunHistoryPage>(new { User = user, Runs = all.Skip(o).Take(l).ToList(), Offset = o, Limit = l, Total = all.Count, Subscription = subscription });
    }

    static async Task<IResult> Run(long runId, HttpContext context, RunActions runs, JourneyReportsOptions options, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        if (await runs.GetAsync(user, runId, ct) is not { } run) return NotFound(user, runId);
        var slices = runs.Slices(user, runId);
        return PortalView.Page<RunPage>(new
        {
            User = user, Run = run, Slices = slices, Summary = slices.Count > 0 ? runs.Summary(runId, slices[0]) : null, Culture = options.ReportCulture(),
            Deliveries = await runs.DeliveriesAsync(user, runId, ct), Files = runs.Files(user, runId),
        });
    }

    /// <summary>The run's own files (its first slice's), at the short addresses home pages and bookmarks have always used.</summary>
    static async Task<IResult> OwnFile(long runId, string name, HttpContext context, RunActions runs, CancellationToken ct, Func<RunRecord, string>? downloadName = null)
    {
        var user = (await context.AccountAsync())!;
        // A run made for a wider or another slice is answered as if it did not exist.
        if (await runs.GetAsync(user, runId, ct) is not { } run || !runs.Slices(user, runId).Contains(null)) return NotFound(user, runId);
        return runs.FilePath(user, runId, name) is { } file
            ? Results.File(file, RunActions.ContentType(file), downloadName?.Invoke(run))
            : NotFound(user, runId, name);
    }

    static IResult NotFound(UserAccount? user, long runId, string? file = null) =>
        PortalView.Page<RunNotFoundPage>(new { User = user, RunId = runId, File = file }, 404);
}
