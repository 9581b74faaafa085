namespace JourneyReports.Server;

/// <summary>/api/v1/tokens: one's personal API tokens (admins: everyone's), made (shown once) and revoked.</summary>
public static class TokensApi
{
    public sealed record TokenBody(string? Name, int? Days);

    /// <summary>A new token: <see cref="Token"/> is shown this once and never again.</summary>
    public sealed record NewToken(long Id, string Name, string Token, DateTimeOffset ExpiresAt);

    public static void MapTokensApi(this WebApplication app)
    {
        var api = app.Group().WithTags("Tokens").ProducesProblem(401);
        api.MapGet("/tokens", List)
            .WithName("ListTokens").WithSummary("One's own API tokens, newest first; admins: everyone's with ?all=true")
            .Produces<Paged<UserAdmin.TokenView>>().ProducesProblem(400).ProducesProblem(403);
        api.MapPost("/tokens", Create)
            .WithName("CreateToken").WithSummary("Make a personal API token acting as oneself; the token is in this answer only")
            .Produces<NewToken>(201).ProducesValidationProblem(422);
        api.MapDelete("/tokens/{id:long}", Revoke)
            .WithName("RevokeToken").WithSummary("Revoke one's own token (admins: anyone's); it stops working at once")
            .Produces(204).ProducesProblem(404).ProducesProblem(409);
    }

    static async Task<IResult> List(bool? all, int? offset, int? limit, HttpContext context, UserAdmin admin, CancellationToken ct)
    {
        var me = (await context.AccountAsync())!;
        if (all == true && me.Role != Catalog.Roles.Admin)
            return Results.Problem(title: "Not allowed", detail: "only admins may list everyone's tokens (all=true)", statusCode: 403);
        return Paged<UserAdmin.TokenView>.From(await admin.TokensAsync(all == true ? null : me.UserId, ct), offset, limit, context.Request);
    }

    static async Task<IResult> Create(TokenBody body, HttpContext context, Accounts accounts, CancellationToken ct)
    {
        var me = (await context.AccountAsync())!;
        try
        {
            var (token, id, expires) = await accounts.CreateTokenAsync(me, body.Name ?? "", body.Days, ct);
            return Results.Json(new NewToken(id, body.Name!.Trim(), token, expires), statusCode: 201);
        }
        catch (Accounts.AccountException e) { return UsersApi.Problem(e); }
    }

    static async Task<IResult> Revoke(long id, HttpContext context, UserAdmin admin, CancellationToken ct) =>
        await admin.RevokeTokenAsync(id, (await context.AccountAsync())!, ownOnly: false, ct) switch
        {
            UserAdmin.Revoked.Done => Results.NoContent(),
            UserAdmin.Revoked.Already => Results.Problem(title: "Already revoked", detail: $"token {id} is revoked already", statusCode: 409),
            _ => Results.Problem(title: "No such token", detail: $"you have no token {id}", statusCode: 404),
        };
}
