using System.Text;
using JourneyReports.Dashboards;

namespace JourneyReports.Server;

/// <summary>
/// Definitions over the API, for analysts and admins: list, read, validate, upload — through <see cref="DefinitionActions"/>,
/// as the portal's /definitions page. A definition's problems come back as a 422 problem with each one and its line.
/// </summary>
public static class DefinitionsApi
{
    public sealed record DefinitionSummary(string Name, string? Title, int? Version, string? Description, IReadOnlyList<LineProblem>? Errors);

    public sealed record LineProblem(int Line, string Problem);

    public sealed record Validated(bool Valid, string Name);

    public static void MapDefinitionsApi(this WebApplication app)
    {
        var api = app.Group().MapGroup("/definitions").WithTags("Definitions").RequireAuthorization(AccountSetup.AnalystPolicy);

        api.MapGet("", (int? offset, int? limit, HttpRequest request, DefinitionActions definitions) =>
            {
                var library = definitions.Library();
                var all = library.Definitions.Select(d => new DefinitionSummary(d.Name, d.Title, d.Version, d.Description, null))
                    .Concat(library.Errors.Select(e => new DefinitionSummary(Path.GetFileNameWithoutExtension(e.Key), null, null, null, Lines(e.Value))))
                    .OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
                return Paged<DefinitionSummary>.From(all, offset, limit, request);
            })
            .WithName("ListDefinitions").WithSummary("Every definition in the dashboards folder; a file with errors is listed with them (each with its line)")
            .Produces<Paged<DefinitionSummary>>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);

        api.MapGet("/{name}", (string name, DefinitionActions definitions) => definitions.Text(name) is { } text
                ? Results.Text(text, "application/json; charset=utf-8")
                : Results.Problem(title: "Definition not found", statusCode: 404,
                    detail: $"There is no definition '{name}'. There are: {string.Join(", ", definitions.Library().Definitions.Select(d => d.Name))}."))
            .WithName("GetDefinition").WithSummary("A definition's JSON, as its file holds it")
            .Produces(200, contentType: "application/json").ProducesProblem(404);

        api.MapPost("/validate", async (HttpRequest request, DefinitionActions definitions, CancellationToken ct) =>
                await ReadAsync(request, ct) is not { } json ? TooLarge()
                    : Answer(definitions.Validate(json), r => Results.Ok(new Validated(true, r.Name!))))
            .WithName("ValidateDefinition").WithSummary("Checks a definition (the body) against the warehouse without saving it; 422 lists every problem with its line")
            .Accepts<System.Text.Json.JsonElement>("application/json").Produces<Validated>().ProducesProblem(413).ProducesProblem(422);

        api.MapPut("/{name}", async (string name, bool? replace, HttpRequest request, HttpContext context, DefinitionActions definitions, CancellationToken ct) =>
            {
                if (await ReadAsync(request, ct) is not { } json) return TooLarge();
                var result = await definitions.SaveAsync((await context.AccountAsync())!, json, name, replace == true, ct);
                return Answer(result, r => r.Outcome == UploadOutcome.Created
                    ? Results.Created($"{ApiSetup.Prefix}/definitions/{r.Name}", new Validated(true, r.Name!))
                    : Results.Ok(new Validated(true, r.Name!)));
            })
            .WithName("PutDefinition").WithSummary("Uploads a definition as {name} (its own name must match): 201 when new, 200 when replaced; 409 when it exists and replace=true is not given")
            .Accepts<System.Text.Json.JsonElement>("application/json").Produces<Validated>(201).Produces<Validated>()
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422);
    }

    static IReadOnlyList<LineProblem> Lines(IEnumerable<DefinitionError> errors) => [.. errors.Select(e => new LineProblem(e.Line, e.Problem))];

    static IResult Answer(UploadResult result, Func<UploadResult, IResult> succeeded) => result.Succeeded ? succeeded(result)
        : result.Outcome == UploadOutcome.Invalid
            ? Results.Problem(title: "The definition is not valid", statusCode: 422,
                detail: string.Join("; ", result.Errors.Select(e => $"line {e.Line}: {e.Problem}")),
                extensions: new Dictionary<string, object?> { ["errors"] = Lines(result.Errors) })
            : Results.Problem(title: result.Outcome switch
            {
                UploadOutcome.Exists => "The definition exists",
                UploadOutcome.TooLarge => "The definition is too large",
                _ => "The definition's name is not usable",
            }, detail: result.Problem, statusCode: DefinitionPages.Status(result.Outcome));

    static IResult TooLarge() => Results.Problem(title: "The definition is too large", statusCode: 413,
        detail: $"a definition may be at most {DefinitionActions.MaxBytes / 1024} KB");

    /// <summary>The body as text, or null when it is over the size limit (read no further than that).</summary>
    static async Task<string?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > DefinitionActions.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }
}
