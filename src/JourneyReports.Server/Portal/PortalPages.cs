using System.Text.Json;
using System.Text;
using JourneyReports.Catalog;
using JourneyReports.Delivery;
using JourneyReports.Rendering;
using JourneyReports.Scheduling;
using static JourneyReports.Server.Html;

namespace JourneyReports.Server;

/// <summary>The web app: the latest report run on the home page, every run's page and artifacts, the run history.</summary>
public static class PortalPages
{
    public static void MapPortal(this WebApplication app)
    {
        app.MapGet("/", Home);
        app.MapGet("/runs", History);
        app.MapGet("/runs/{runId:long}", Run);
        app.MapGet("/runs/{runId:long}/dashboard.png", (long runId, HttpContext context, RunArtifacts artifacts, ReportCatalog catalog, CancellationToken ct) =>
            Artifact(runId, RunArtifacts.DashboardPng, "image/png", context, artifacts, catalog, ct));
        app.MapGet("/runs/{runId:long}/dashboard.svg", (long runId, HttpContext context, RunArtifacts artifacts, ReportCatalog catalog, CancellationToken ct) =>
            Artifact(runId, RunArtifacts.DashboardSvg, "image/svg+xml", context, artifacts, catalog, ct));
        app.MapGet("/runs/{runId:long}/workbook.xlsx", (long runId, HttpContext context, RunArtifacts artifacts, ReportCatalog catalog, CancellationToken ct) =>
            Artifact(runId, RunArtifacts.Workbook, ReportEmail.XlsxMediaType, context, artifacts, catalog, ct, run => $"{run.ReportId}-{run.PeriodFirst}.xlsx"));
        // Any file a run kept (a slice's, an attachment too large to email), by its path under the run's folder.
        // Opened from an email by its signed link (no sign-in needed), or by a signed-in person whose scope made the file.
        app.MapGet("/runs/{runId:long}/files/{**path}", async (long runId, string path, string? sig, HttpContext context, RunArtifacts artifacts,
            ReportCatalog catalog, RecipientLinks links, CancellationToken ct) =>
        {
            if (links.VerifyRunFile(runId, path, sig)) return await RunFile(runId, path, artifacts, catalog, ct);
            var parts = path.Split('/', 2);
            var slice = parts.Length == 2 && int.TryParse(parts[0], out _) ? parts[0] : null;
            return await context.AccountAsync() is { } user && RunAccess.MaySee(user, artifacts, runId, slice)
                ? await RunFile(runId, path, artifacts, catalog, ct)
                : ErrorPage(404, "File not found", "This link is not valid. Use the link in your email.");
        }).AllowAnonymous();
    }

    static async Task<IResult> RunFile(long runId, string path, RunArtifacts artifacts, ReportCatalog catalog, CancellationToken ct)
    {
        var run = await catalog.GetRunAsync(runId, ct);
        if (run is null) return NoRun(runId);
        // "2/x.pdf" is slice 2's; nothing outside the run's folder can be named (resolved, then checked).
        var parts = path.Split('/', 2);
        var file = parts.Length == 2 && int.TryParse(parts[0], out _) ? artifacts.PathOf(runId, parts[1], parts[0]) : artifacts.PathOf(runId, path);
        var folder = Path.GetFullPath(artifacts.DirectoryOf(runId)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(file);
        if (!full.StartsWith(folder, StringComparison.Ordinal) || !System.IO.File.Exists(full))
            return ErrorPage(404, "File not found", $"Run {runId} has no file {E(path)}; see <a href=\"/runs/{runId}\">run {runId}</a>.");
        var type = Path.GetExtension(full) switch
        {
            ".png" => "image/png", ".svg" => "image/svg+xml", ".pdf" => "application/pdf", ".csv" => "text/csv", ".xlsx" => ReportEmail.XlsxMediaType,
            _ => "application/octet-stream",
        };
        return Results.File(full, type, Path.GetFileName(full));
    }

    static IResult NoRun(long runId) =>
        ErrorPage(404, "Run not found", $"There is no run {runId}. Every run is in the <a href=\"/runs\">run history</a>.");

    static async Task<IResult> Home(HttpContext context, ReportCatalog catalog, RunArtifacts artifacts, JourneyReportsOptions options, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        var latest = user.DataScope.IsAll ? await catalog.LatestSucceededRunAsync(null, ct)
            : (await catalog.RecentRunsAsync(200, ct)).FirstOrDefault(r => r.Status is RunStatus.Succeeded or RunStatus.Partial && RunAccess.MaySee(user, artifacts, r.RunId));
        if (latest is null)
            return Page("JourneyReports", $"""
                <h1>JourneyReports</h1>
                <p class="muted">The first dashboard is being prepared; this page refreshes by itself.</p>
                {await HistoryTable(user, catalog, artifacts, ct)}
                """, refreshSeconds: user.DataScope.IsAll ? 3 : null);
        return Page(Summary(latest, artifacts)?.Title ?? latest.ReportId, RunBody(latest, artifacts, options) + "<h2>Recent runs</h2>" + await HistoryTable(user, catalog, artifacts, ct));
    }

    static async Task<IResult> Run(long runId, HttpContext context, ReportCatalog catalog, RunArtifacts artifacts, JourneyReportsOptions options, CancellationToken ct)
    {
        var run = await catalog.GetRunAsync(runId, ct);
        if (run is null || !RunAccess.MaySeeAny((await context.AccountAsync())!, artifacts, runId)) return NoRun(runId);
        var deliveries = await catalog.DeliveriesAsync(runId, ct);
        var rows = string.Concat(deliveries.Select(d => $"<tr><td>{E(d.Recipient)}</td><td>{E(d.Transport)}</td><td class=\"{(d.Status == "sent" ? "good" : "bad")}\">{E(d.Status)}</td><td>{E(d.Detail)}</td><td>{E(d.DeliveredAt)}</td></tr>"));
        // A refresh of the model has no dashboard: its page is its outcome.
        var body = run.Status is RunStatus.Succeeded or RunStatus.Partial && run.ArtifactsDir is not null ? RunBody(run, artifacts, options)
            : $"<h1>Run {run.RunId} of {E(run.ReportId)}</h1><p class=\"{(run.Status == RunStatus.Failed ? "bad" : "muted")}\">{E(run.Status)}: {E(run.Error)}</p>";
        return Page($"Run {runId}", body + (deliveries.Count == 0 ? "" : $"<h2>Deliveries</h2><table><tr><th>Recipient</th><th>Via</th><th>Status</th><th>Detail</th><th>At</th></tr>{rows}</table>"));
    }

    static async Task<IResult> History(HttpContext context, ReportCatalog catalog, RunArtifacts artifacts, CancellationToken ct) =>
        Page("Run history", "<h1>Run history</h1>" + await HistoryTable((await context.AccountAsync())!, catalog, artifacts, ct));

    /// <summary>A finished run: its dashboard image, KPIs, downloads and, for a definition, the live dashboard for its period.</summary>
    static string RunBody(RunRecord run, RunArtifacts artifacts, JourneyReportsOptions options)
    {
        var culture = options.ReportCulture();
        var summary = Summary(run, artifacts);
        var title = summary?.Title ?? run.ReportId;
        var kpis = new StringBuilder();
        foreach (var k in summary?.Kpis ?? [])
            kpis.Append($"<tr><td>{E(k.Label)}</td><td class=\"num\"><b>{E(ReportFormat.KpiValue(k, culture.NumberFormat.CurrencySymbol, culture))}</b></td><td class=\"{(ReportFormat.Sentiment(k) switch { > 0 => "good", < 0 => "bad", _ => "muted" })}\">{E((ReportFormat.Change(k, culture) ?? "no comparison"))}</td></tr>");
        var live = summary is null ? "" : $"<a href=\"{E(summary.LivePath)}\">Live dashboard</a>";
        var warning = run.Error is { Length: > 0 } error ? $"<p class=\"bad\">{E(error)}</p>" : "";
        return $"""
            <h1>{E(title)}</h1>
            <p class="muted">Period {E(run.PeriodFirst)} to {E(run.PeriodLast)} ({E(run.TimeZone)}) · run {run.RunId}, {E(run.Trigger)}, finished {E(run.FinishedAt)}</p>
            {warning}
            <p class="actions"><a href="/runs/{run.RunId}/workbook.xlsx">Download the workbook (.xlsx)</a><a href="/runs/{run.RunId}/dashboard.png">Dashboard image</a><a href="/runs/{run.RunId}/dashboard.svg">SVG</a>{live}</p>
            <table>{kpis}</table>
            <p><img class="dashboard" src="/runs/{run.RunId}/dashboard.png" alt="{E(title)} dashboard"></p>
            """;
    }

    static DefinitionRunSummary? Summary(RunRecord run, RunArtifacts artifacts) => Read<DefinitionRunSummary>(artifacts.PathOf(run.RunId, RunArtifacts.Summary));

    // A run's saved numbers; a missing or unreadable file (an older format, say) shows the page without them.
    static T? Read<T>(string path) where T : class
    {
        try { return System.IO.File.Exists(path) ? JsonSerializer.Deserialize<T>(System.IO.File.ReadAllBytes(path)) : null; }
        catch (JsonException) { return null; }
    }

    static async Task<string> HistoryTable(UserAccount user, ReportCatalog catalog, RunArtifacts artifacts, CancellationToken ct)
    {
        var runs = (await catalog.RecentRunsAsync(50, ct)).Where(r => RunAccess.MaySeeAny(user, artifacts, r.RunId)).ToList();
        if (runs.Count == 0) return "<p class=\"muted\">No runs yet.</p>";
        var rows = string.Concat(runs.Select(r => $"""
            <tr><td><a href="/runs/{r.RunId}">{r.RunId}</a></td><td>{E(r.ReportId)}</td><td>{E(r.Trigger)}</td>
            <td class="{(r.Status == RunStatus.Succeeded ? "good" : r.Status == RunStatus.Failed ? "bad" : "muted")}">{E(r.Status)}</td>
            <td>{E(r.PeriodFirst)} – {E(r.PeriodLast)}</td><td>{E(r.StartedAt)}</td><td>{E(r.Error)}</td></tr>
            """));
        return $"<table><tr><th>Run</th><th>Report</th><th>Trigger</th><th>Status</th><th>Period</th><th>Started</th><th>Error</th></tr>{rows}</table>";
    }

    static async Task<IResult> Artifact(long runId, string name, string contentType, HttpContext context, RunArtifacts artifacts, ReportCatalog catalog,
        CancellationToken ct, Func<RunRecord, string>? downloadName = null)
    {
        var run = await catalog.GetRunAsync(runId, ct);
        // A run made for a wider or another slice is answered as if it did not exist.
        if (run is null || !RunAccess.MaySee((await context.AccountAsync())!, artifacts, runId)) return NoRun(runId);
        var path = artifacts.PathOf(runId, name);
        return System.IO.File.Exists(path)
            ? Results.File(path, contentType, downloadName?.Invoke(run))
            : ErrorPage(404, "File not found", $"Run {runId} ({E(run.Status)}) has no {E(name)}; see <a href=\"/runs/{runId}\">run {runId}</a>.");
    }
}
