using System.Text.Json.Serialization;

namespace JourneyReports.Server;

/// <summary>
/// The REST API under /api/v1: JSON in and out, errors as problem details (RFC 9457) naming the problem, lists paged
/// with offset and limit, described by an OpenAPI document at /openapi/v1.json and browsable at /api/docs. It signs in
/// with a personal API token (Authorization: Bearer jr_...) or the portal's cookie, and goes through the same code as
/// the portal's pages.
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";

    public static void AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", o =>
        {
            // The API only: the portal's pages and forms are endpoints too, but not a contract for scripts.
            o.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix[1..], StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "JourneyReports API";
                document.Info.Description = "Dashboards, definitions, subscriptions, runs, deliveries, users and tokens. Send `Authorization: Bearer <token>` (make a token on your account page).";
                return ApiDocs.AddBearerScheme(document);
            });
        });
        builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
    }

    /// <summary>The API's route group, for each capability's endpoints (MapXxxApi) to add to.</summary>
    public static RouteGroupBuilder Group(this WebApplication app) => app.MapGroup(Prefix).RequireAuthorization();

    public static void MapApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
    }
}

/// <summary>A page of a list: its items, where it starts, how many were asked for, the total, and the next page's address.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Offset, int Limit, int Total, string? Next)
{
    public const int DefaultLimit = 50, MaxLimit = 200;

    /// <summary>One page of <paramref name="all"/>; a bad offset or limit is a problem naming it.</summary>
    public static IResult From(IReadOnlyList<T> all, int? offset, int? limit, HttpRequest request) =>
        Problem(offset, limit) ?? Ok(all.Skip(offset ?? 0).Take(limit ?? DefaultLimit).ToList(), all.Count, offset, limit, request);

    /// <summary>
    /// One page fetched by the caller (the audit log is too long to read whole): <paramref name="page"/> asks for
    /// items at an offset and limit already checked, <paramref name="total"/> counts them all.
    /// </summary>
    public static async Task<IResult> FromAsync(Func<int, int, Task<IReadOnlyList<T>>> page, Func<Task<int>> total, int? offset, int? limit, HttpRequest request) =>
        Problem(offset, limit) ?? Ok(await page(offset ?? 0, limit ?? DefaultLimit), await total(), offset, limit, request);

    static IResult? Problem(int? offset, int? limit)
    {
        if (offset is < 0) return Results.Problem(title: "offset must be 0 or more", detail: $"offset was {offset}", statusCode: 400);
        if (limit is < 1 or > MaxLimit) return Results.Problem(title: $"limit must be 1 to {MaxLimit}", detail: $"limit was {limit}", statusCode: 400);
        return null;
    }

    // The next page's address keeps the request's other parameters (a filter, say), so following it stays on the same list.
    static IResult Ok(IReadOnlyList<T> items, int total, int? offset, int? limit, HttpRequest request)
    {
        var (o, l) = (offset ?? 0, limit ?? DefaultLimit);
        string? next = null;
        if (o + l < total)
        {
            var query = request.Query.Where(q => q.Key is not ("offset" or "limit"))
                .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
                .Append($"offset={o + l}").Append($"limit={l}");
            next = $"{request.PathBase}{request.Path}?{string.Join("&", query)}";
        }
        return Results.Ok(new Paged<T>(items, o, l, total, next));
    }
}
