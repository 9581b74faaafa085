using System.Text.Json;
using System.Text.RegularExpressions;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>What became of a definition sent to be checked or saved.</summary>
public enum UploadOutcome { Valid, Created, Replaced, Invalid, BadName, Exists, TooLarge }

/// <summary>The outcome, the definition's name when known, its errors (each with its line) and, for the others, the problem in words.</summary>
public sealed record UploadResult(UploadOutcome Outcome, string? Name, IReadOnlyList<DefinitionError> Errors, string? Problem = null)
{
    public bool Succeeded => Outcome is UploadOutcome.Valid or UploadOutcome.Created or UploadOutcome.Replaced;
}

/// <summary>
/// Dashboard definitions as analysts manage them: listed, read, checked against the warehouse (analyst SQL included,
/// resolved where the file will live) and saved into the dashboards folder. The portal's /definitions page and the
/// API's /definitions go through here. A file is only ever written whole (a temporary file in the same folder, then
/// renamed over), so the folder — read on every request — never holds half a definition.
/// </summary>
public sealed partial class DefinitionActions(JourneyReportsOptions options, JourneyWarehouse warehouse, ReportCatalog catalog, TimeProvider clock,
    ILogger<DefinitionActions> log)
{
    /// <summary>The largest definition accepted; the built-in ones are a few kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    // A name becomes a file name: lower-case words joined by hyphens, so it can never name a path or a hidden file.
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    public static bool IsSafeName(string? name) => name is { Length: > 0 and <= 100 } && Slug().IsMatch(name);

    string Folder => options.DashboardsDirectory;

    public DashboardLibrary Library() => DashboardLibrary.Load(Folder, warehouse.Provider);

    /// <summary>A definition's text as its file holds it (one with errors too, to be fixed), or null.</summary>
    public string? Text(string name)
    {
        if (!IsSafeName(name)) return null;
        var path = Library().Definitions.FirstOrDefault(d => d.Name == name)?.FileName ?? Path.Combine(Folder, name + ".json");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>Checks <paramref name="json"/> as if it were saved (nothing is written).</summary>
    public UploadResult Validate(string json, string? name = null) => Check(json, name).Result;

    /// <summary>
    /// Saves <paramref name="json"/> as the dashboards folder's <c>{name}.json</c> when it is valid; an existing file is
    /// replaced only when <paramref name="replace"/> is given. <paramref name="name"/>, when given (the API's address),
    /// must be the definition's own name.
    /// </summary>
    public async Task<UploadResult> SaveAsync(UserAccount user, string json, string? name, bool replace, CancellationToken ct)
    {
        var (checkedResult, path, definition) = Check(json, name);
        if (!checkedResult.Succeeded) return checkedResult;
        var other = Library().Definitions.FirstOrDefault(d => d.Name == definition!.Name && Path.GetFullPath(d.FileName) != Path.GetFullPath(path!));
        if (other is not null)
            return new UploadResult(UploadOutcome.Exists, definition!.Name, [], $"'{definition.Name}' is already the name of {Path.GetFileName(other.FileName)}; change the name");
        var existed = File.Exists(path);
        if (existed && !replace)
            return new UploadResult(UploadOutcome.Exists, definition!.Name, [], $"there is already a definition '{definition.Name}'; tick replace to overwrite it");
        if (!await WriteWholeAsync(path!, json, replace, ct))
            return new UploadResult(UploadOutcome.Exists, definition!.Name, [], $"there is already a definition '{definition.Name}'; tick replace to overwrite it");
        var outcome = existed ? UploadOutcome.Replaced : UploadOutcome.Created;
        await catalog.AuditAsync(user.Email, "definition-uploaded", definition!.Name,
            $"{(existed ? "replaced" : "created")}, version {definition.Version}", clock.GetUtcNow(), ct);
        log.LogInformation("Definition {Report} {Outcome} by {User} (version {Version})", definition.Name, outcome, user.Email, definition.Version);
        return new UploadResult(outcome, definition.Name, []);
    }

    (UploadResult Result, string? Path, DashboardDefinition? Definition) Check(string json, string? name)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
            return (new UploadResult(UploadOutcome.TooLarge, name, [], $"a definition may be at most {MaxBytes / 1024} KB"), null, null);
        if (name is not null && !IsSafeName(name))
            return (new UploadResult(UploadOutcome.BadName, null, [], "a definition's name is lower-case letters and digits, words joined by hyphens (e.g. sales-weekly)"), null, null);
        var own = NameIn(json);
        // Checked where it will live, so analyst SQL paths resolve against the dashboards folder; an unsafe or missing
        // name is checked under a placeholder (the validator names the problem) and never becomes a path.
        var path = Path.Combine(Folder, (name ?? (IsSafeName(own) ? own : "uploaded-definition")) + ".json");
        var parsed = DashboardDefinition.Parse(json, path, warehouse.Provider);
        if (parsed.Errors.Count > 0) return (new UploadResult(UploadOutcome.Invalid, own ?? name, parsed.Errors), null, null);
        var definition = parsed.Definition!;
        if (name is not null && definition.Name != name)
            return (new UploadResult(UploadOutcome.BadName, definition.Name, [], $"the definition is named '{definition.Name}', not '{name}' as the address says"), null, null);
        if (!IsSafeName(definition.Name))
            return (new UploadResult(UploadOutcome.BadName, null, [], "a definition's name is lower-case letters and digits, words joined by hyphens (e.g. sales-weekly)"), null, null);
        return (new UploadResult(UploadOutcome.Valid, definition.Name, []), path, definition);
    }

    static string? NameIn(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("name", out var n)
                && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>
    /// The whole text into <paramref name="path"/>, or nothing: written and flushed to a temporary file beside it, then
    /// renamed (atomic within a folder). False when the file exists and may not be replaced (it may have appeared meanwhile).
    /// </summary>
    static async Task<bool> WriteWholeAsync(string path, string json, bool replace, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);   // a fresh install's folder may not exist yet; the first upload makes it
        // Not *.json, so a library read meanwhile never sees it.
        var temporary = Path.Combine(folder, $".upload-{Guid.NewGuid():n}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await file.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(json), ct);
                file.Flush(flushToDisk: true);
            }
            try { File.Move(temporary, path, overwrite: replace); }
            catch (IOException) when (!replace && File.Exists(path)) { return false; }
            return true;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
