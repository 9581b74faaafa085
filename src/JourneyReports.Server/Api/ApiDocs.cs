using System.Text.Json;
using JourneyReports.Server.Portal.Components;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JourneyReports.Server;

/// <summary>
/// The API's documentation at /api/docs: the OpenAPI document (/openapi/v1.json) rendered on the server as a page,
/// every operation grouped by tag with its parameters, request body and responses, and the schemas they name.
/// Nothing is fetched from another site (no CDN, no web fonts), so it works on a network without internet.
/// </summary>
public static class ApiDocs
{
    public const string Path = "/api/docs";

    public sealed record Parameter(string Name, string In, bool Required, string Type, string? Description);
    public sealed record Response(string Status, string Description, string? Body);
    public sealed record Operation(string Method, string Path, string? Summary, string? Description, IReadOnlyList<Parameter> Parameters,
        string? RequestBody, IReadOnlyList<Response> Responses)
    {
        public string Anchor => $"{Method}-{Path}".ToLowerInvariant().Replace('/', '-').Replace("{", "").Replace("}", "");
    }

    public sealed record Property(string Name, string Type, bool Required);
    public sealed record Schema(string Name, string Type, IReadOnlyList<Property> Properties);
    public sealed record Document(string Title, string? Description, IReadOnlyList<(string Tag, IReadOnlyList<Operation> Operations)> Groups,
        IReadOnlyList<Schema> Schemas);

    public static void MapApiDocs(this WebApplication app) =>
        app.MapGet(Path, async (HttpContext context, [FromKeyedServices("v1")] IOpenApiDocumentProvider provider, CancellationToken ct) =>
        {
            var json = await (await provider.GetOpenApiDocumentAsync(ct)).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct);
            return PortalView.Page<ApiDocsPage>(new { User = await context.AccountAsync(), Document = Read(json) });
        }).ExcludeFromDescription();

    static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    /// <summary>The OpenAPI document (JSON, 3.x) as the page shows it.</summary>
    public static Document Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var operations = new List<(string Tag, Operation Operation)>();
        if (root.TryGetProperty("paths", out var paths))
            foreach (var path in paths.EnumerateObject())
                foreach (var method in Methods)
                    if (path.Value.TryGetProperty(method, out var op))
                        operations.Add((Tag(op), ReadOperation(method.ToUpperInvariant(), path.Name, op)));
        var schemas = new List<Schema>();
        if (root.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var all))
            foreach (var s in all.EnumerateObject())
            {
                var required = s.Value.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
                var properties = s.Value.TryGetProperty("properties", out var props)
                    ? props.EnumerateObject().Select(p => new Property(p.Name, TypeOf(p.Value), required.Contains(p.Name))).ToList() : [];
                schemas.Add(new Schema(s.Name, TypeOf(s.Value), properties));
            }
        var info = root.GetProperty("info");
        return new Document(Text(info, "title") ?? "API", Text(info, "description"),
            [.. operations.GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<Operation>)[.. g.Select(o => o.Operation)]))],
            schemas);
    }

    static string Tag(JsonElement op) =>
        op.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0 ? tags[0].GetString() ?? "Other" : "Other";

    static Operation ReadOperation(string method, string path, JsonElement op)
    {
        var parameters = op.TryGetProperty("parameters", out var ps)
            ? ps.EnumerateArray().Select(p => new Parameter(Text(p, "name") ?? "", Text(p, "in") ?? "", p.TryGetProperty("required", out var r) && r.GetBoolean(),
                p.TryGetProperty("schema", out var s) ? TypeOf(s) : "", Text(p, "description"))).ToList()
            : [];
        var body = op.TryGetProperty("requestBody", out var rb) ? Content(rb) : null;
        var responses = op.TryGetProperty("responses", out var rs)
            ? rs.EnumerateObject().Select(r => new Response(r.Name, Text(r.Value, "description") ?? "", Content(r.Value))).ToList()
            : [];
        return new Operation(method, path, Text(op, "summary"), Text(op, "description"), parameters, body, responses);
    }

    // "application/json: UserView" for each media type a body or a response has.
    static string? Content(JsonElement element) =>
        element.TryGetProperty("content", out var content)
            ? string.Join("; ", content.EnumerateObject().Select(c => c.Value.TryGetProperty("schema", out var s) ? $"{c.Name}: {TypeOf(s)}" : c.Name))
            : null;

    /// <summary>A schema in a few words: a component's name, "array of X", "string (date-time)", "integer | null".</summary>
    static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference)) return reference.GetString()!.Split('/')[^1];
        if (schema.TryGetProperty("items", out var items)) return $"array of {TypeOf(items)}";
        foreach (var combined in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(combined, out var options)) return string.Join(" | ", options.EnumerateArray().Select(TypeOf));
        var type = schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? string.Join(" | ", t.EnumerateArray().Select(x => x.GetString())) : t.GetString() ?? ""
            : schema.TryGetProperty("additionalProperties", out _) ? "object" : "any";
        return schema.TryGetProperty("format", out var format) ? $"{type} ({format.GetString()})" : type;
    }

    static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Tells clients how to authenticate: an HTTP bearer token (a personal API token) on every operation.</summary>
    public static Task AddBearerScheme(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "jr_…",
            Description = "A personal API token (made on your account page, or by the 'user token' verb): Authorization: Bearer jr_…",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        return Task.CompletedTask;
    }

    public const string BearerScheme = "bearer";
}
