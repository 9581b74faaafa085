using JourneyReports.Catalog;

namespace JourneyReports.Server;

/// <summary>A file a run kept, as the API lists it: its path (for the download address), slice, size and filters.</summary>
public sealed record RunFileItem(string Path, string? Slice, string Name, long Bytes, string? Filters, string Url);

/// <summary>
/// /api/v1/runs: the run history, each run, its deliveries and its files, as the caller's data scope allows. A run (or
/// a slice's file) outside it is a 404 like one that does not exist. Goes through <see cref="RunActions"/>, as the portal does.
/// </summary>
public static class RunsApi
{
    public static void MapRunsApi(this WebApplication app)
    {
        var api = app.Group().MapGroup("/runs").WithTags("Runs").ProducesProblem(401);
        api.MapGet("", async (int? offset, int? limit, long? subscriptionId, HttpContext context, RunActions runs, CancellationToken ct) =>
                Paged<RunRecord>.From(await runs.VisibleAsync(await UserAsync(context), subscriptionId, ct), offset, limit, context.Request))
            .WithName("ListRuns").WithSummary("Runs the caller may see, newest first (paged); subscriptionId keeps one subscription's.")
            .Produces<Paged<RunRecord>>().ProducesProblem(400);
        api.MapGet("/{id:long}", async (long id, HttpContext context, RunActions runs, CancellationToken ct) =>
                await runs.GetAsync(await UserAsync(context), id, ct) is { } run ? Results.Ok(run) : NoRun(id))
            .WithName("GetRun").WithSummary("One run: status, period, error.").Produces<RunRecord>().ProducesProblem(404);
        api.MapGet("/{id:long}/deliveries", async (long id, int? offset, int? limit, HttpContext context, RunActions runs, CancellationToken ct) =>
            {
                var user = await UserAsync(context);
                return await runs.GetAsync(user, id, ct) is null ? NoRun(id)
                    : Paged<DeliveryRecord>.From(await runs.DeliveriesAsync(user, id, ct), offset, limit, context.Request);
            })
            .WithName("ListRunDeliveries").WithSummary("Each recipient's delivery of a run: status, detail, attempt, time (a restricted caller sees their own).")
            .Produces<Paged<DeliveryRecord>>().ProducesProblem(404);
        api.MapGet("/{id:long}/artifacts", async (long id, int? offset, int? limit, HttpContext context, RunActions runs, CancellationToken ct) =>
            {
                var user = await UserAsync(context);
                if (await runs.GetAsync(user, id, ct) is null) return NoRun(id);
                return Paged<RunFileItem>.From([.. runs.Files(user, id).Select(f => new RunFileItem(f.Path, f.Slice, f.Name, f.Bytes, f.Filters?.ToString(),
                    $"{ApiSetup.Prefix}/runs/{id}/artifacts/{f.Path}"))], offset, limit, context.Request);
            })
            .WithName("ListRunArtifacts").WithSummary("The files of a run the caller may open: the run's own, and each slice's ('2/workbook.xlsx').")
            .Produces<Paged<RunFileItem>>().ProducesProblem(404);
        // A run's own file by its name, a slice's under its number: two routes rather than a catch-all, so the document names both.
        api.MapGet("/{id:long}/artifacts/{name}", (long id, string name, HttpContext context, RunActions runs, CancellationToken ct) =>
                ArtifactAsync(id, name, context, runs, ct))
            .WithName("GetRunArtifact").WithSummary("Downloads one of the run's own files (its first slice's), e.g. workbook.xlsx.")
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
        api.MapGet("/{id:long}/artifacts/{slice:int}/{name}", (long id, int slice, string name, HttpContext context, RunActions runs, CancellationToken ct) =>
                ArtifactAsync(id, $"{slice}/{name}", context, runs, ct))
            .WithName("GetRunSliceArtifact").WithSummary("Downloads one file of a slice of the run, e.g. 2/departments.csv.")
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
    }

    static async Task<IResult> ArtifactAsync(long id, string path, HttpContext context, RunActions runs, CancellationToken ct)
    {
        var user = await UserAsync(context);
        if (await runs.GetAsync(user, id, ct) is null) return NoRun(id);
        return runs.FilePath(user, id, path) is { } file ? Results.File(file, RunActions.ContentType(file), Path.GetFileName(file))
            : Results.Problem(title: "File not found", detail: $"Run {id} has no file '{path}' that is yours to open; GET {ApiSetup.Prefix}/runs/{id}/artifacts lists them.", statusCode: 404);
    }

    static IResult NoRun(long id) => Results.Problem(title: "Run not found", detail: $"There is no run {id} (that is yours to see).", statusCode: 404);

    static async Task<UserAccount> UserAsync(HttpContext context) => (await context.AccountAsync())!;
}
