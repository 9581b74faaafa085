using JourneyReports.Server.Portal.Components;
using Microsoft.AspNetCore.Mvc;

namespace JourneyReports.Server;

/// <summary>/definitions for analysts and admins: the definitions in the folder, and a form to check or upload one.</summary>
public static class DefinitionPages
{
    public static void MapDefinitionPages(this WebApplication app)
    {
        var pages = app.MapGroup("/definitions").RequireAuthorization(AccountSetup.AnalystPolicy);
        pages.MapGet("", async (HttpContext context, DefinitionActions definitions, string? saved, string? outcome) =>
            PortalView.Page<DefinitionsPage>(new
            {
                User = await context.AccountAsync(), Library = definitions.Library(),
                Done = DefinitionActions.IsSafeName(saved) ? $"Definition '{saved}' {(outcome == "replaced" ? "replaced" : "uploaded")}: it is live at /dashboards/{saved}." : null,
            }));
        pages.MapGet("/{name}.json", (string name, DefinitionActions definitions) => definitions.Text(name) is { } text
            ? Results.Text(text, "application/json; charset=utf-8")
            : DashboardAnswers.Pages.NoDashboard(definitions.Library(), name));
        pages.MapPost("", Post);
    }

    static async Task<IResult> Post(HttpContext context, [FromForm] IFormFile? file, [FromForm] string? json, [FromForm] string? replace,
        [FromForm] string? intent, DefinitionActions definitions, CancellationToken ct)
    {
        var user = (await context.AccountAsync())!;
        var replacing = replace == "true";
        IResult Show(UploadResult? result, string? text, int status, string? done = null) => PortalView.Page<DefinitionsPage>(new
        {
            User = user, Library = definitions.Library(), Result = result, Text = text, Replace = replacing, Done = done,
        }, status);

        if (file is { Length: > DefinitionActions.MaxBytes })
            return Show(new UploadResult(UploadOutcome.TooLarge, null, [], $"the file is {file.Length / 1024} KB; a definition may be at most {DefinitionActions.MaxBytes / 1024} KB"), null, 413);
        string text;
        if (file is { Length: > 0 })
        {
            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }
        else text = json ?? "";
        text = text.TrimStart('\uFEFF');
        if (text.Trim().Length == 0)
            return Show(new UploadResult(UploadOutcome.Invalid, null, [], "choose a definition file or paste its text"), text, 400);

        var result = intent == "validate" ? definitions.Validate(text) : await definitions.SaveAsync(user, text, null, replacing, ct);
        return result.Outcome switch
        {
            UploadOutcome.Valid => Show(result, text, 200, $"Definition '{result.Name}' is valid (not saved)."),
            // Saved: back to the list (a reload must not upload again).
            UploadOutcome.Created or UploadOutcome.Replaced => Results.Redirect(
                $"/definitions?saved={Uri.EscapeDataString(result.Name!)}&outcome={(result.Outcome == UploadOutcome.Replaced ? "replaced" : "created")}"),
            _ => Show(result, text, Status(result.Outcome)),
        };
    }

    /// <summary>The status each refusal is answered with, on the page and in the API.</summary>
    public static int Status(UploadOutcome outcome) => outcome switch
    {
        UploadOutcome.Invalid => 422,
        UploadOutcome.BadName => 400,
        UploadOutcome.Exists => 409,
        UploadOutcome.TooLarge => 413,
        _ => 200,
    };
}
