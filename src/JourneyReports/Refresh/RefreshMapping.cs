using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using JourneyReports.Import;
using JourneyReports.Warehouse;

namespace JourneyReports.Refresh;

/// <summary>
/// A refresh mapping (docs/refresh.md): which queries over a company's own database feed which journey tables. The
/// targets are the CSV mappings' (<see cref="ImportTarget"/>: table, key, fields in the same expression vocabulary) and
/// are checked against the same model (<see cref="ImportModel"/>).
/// </summary>
/// <param name="Dialect">The source's SQL dialect, and so its ADO.NET provider: "sqlserver" (or "sqlite", the stand-in).</param>
/// <param name="TimeZone">The zone the source's date-times are written in (IANA, default UTC); the model stores UTC.</param>
/// <param name="TimestampFormat">For date-times the source returns as text (strptime); native ones need none.</param>
public sealed partial record RefreshMapping(
    string? Description,
    string Dialect,
    string? TimeZone,
    string? TimestampFormat,
    double? LookBackHours,
    double? MaxRejectedShare,
    IReadOnlyList<RefreshQuery> Queries)
{
    /// <summary>The name every query binds its watermark to; the only parameter a refresh binds.</summary>
    public const string SinceParameter = "since";

    /// <summary>How native date-times are staged as text, and so the default <see cref="TimestampFormat"/>.</summary>
    public const string StagedTimestampFormat = "%Y-%m-%d %H:%M:%S.%f";

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks a mapping; every problem is a <see cref="RefreshException"/> naming the file.</summary>
    public static RefreshMapping Load(string path)
    {
        if (!File.Exists(path)) throw new RefreshException($"Refresh mapping '{path}' does not exist.");
        RefreshMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<RefreshMapping>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new RefreshException($"Refresh mapping '{path}' is not a valid mapping: {e.Message}");
        }
        if (mapping is null) throw new RefreshException($"Refresh mapping '{path}' is empty.");
        if (mapping.Problem() is { } problem) throw new RefreshException($"Refresh mapping '{path}': {problem}");
        return mapping;
    }

    /// <summary>The first thing wrong with the mapping, or null.</summary>
    public string? Problem()
    {
        if (!SourceDialects.Names.Contains(Dialect ?? ""))
            return $"\"dialect\" is '{Dialect}'; use {string.Join(" or ", SourceDialects.Names.Select(n => $"'{n}'"))}.";
        if (TimeZone is not null && TimeZones.Problem(TimeZone) is { } zone) return $"\"timeZone\": {zone}.";
        if (Queries is not { Count: > 0 }) return "it has no \"queries\".";
        if ((ShareProblem(MaxRejectedShare, "the mapping") ?? HoursProblem(LookBackHours, "the mapping")) is { } top) return top;
        foreach (var twice in Queries.GroupBy(q => q.Name).Where(g => g.Count() > 1))
            return $"two queries are named '{twice.Key}'; each needs a name of its own (its watermark is kept by name).";
        foreach (var q in Queries)
        {
            if (q.Name is null || !PlainName().IsMatch(q.Name)) return $"a query is named '{q.Name}'; use letters, digits, - and _.";
            var owner = $"query '{q.Name}'";
            if (string.IsNullOrWhiteSpace(q.Sql)) return $"{owner} has no \"sql\".";
            var usesSince = Since().IsMatch(q.Sql);
            if (q.Watermark is not null && !usesSince)
                return $"{owner} has watermark '{q.Watermark}' but its SQL never uses @{SinceParameter}: add WHERE (@{SinceParameter} IS NULL OR {q.Watermark} >= @{SinceParameter}).";
            if (q.Watermark is null && usesSince) return $"{owner} uses @{SinceParameter} but names no \"watermark\" column to take it from.";
            if ((ShareProblem(q.MaxRejectedShare, owner) ?? HoursProblem(q.LookBackHours, owner)) is { } p) return p;
            if (q.Targets is not { Count: > 0 }) return $"{owner} has no \"targets\".";
            foreach (var target in q.Targets)
            {
                if (ImportMapping.TargetProblem(target, owner) is { } t) return t;
                // A batch replaces the keys it holds, so across batches the last row of a key is the one kept.
                if (target.Keep is "first") return $"{owner}, table '{target.Table}' has keep 'first'; a refresh keeps the last row read of a key (leave \"keep\" out).";
            }
        }
        return null;
    }

    /// <summary>The look-back of a query: its own, else the mapping's, else none.</summary>
    public TimeSpan LookBack(RefreshQuery query) => TimeSpan.FromHours(query.LookBackHours ?? LookBackHours ?? 0);

    public double RejectedShare(RefreshQuery query) => query.MaxRejectedShare ?? MaxRejectedShare ?? CsvImport.DefaultMaxRejectedShare;

    static string? ShareProblem(double? share, string owner) => share is < 0 or > 1
        ? $"{owner} has maxRejectedShare {share?.ToString(CultureInfo.InvariantCulture)}: it is a share from 0 to 1 (0.01 = 1%)." : null;

    static string? HoursProblem(double? hours, string owner) => hours is < 0 or > 24 * 366
        ? $"{owner} has lookBackHours {hours?.ToString(CultureInfo.InvariantCulture)}: give 0 to 8784 hours." : null;

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex PlainName();

    [GeneratedRegex(@"@since\b", RegexOptions.IgnoreCase)]
    private static partial Regex Since();
}

/// <summary>
/// One query over the source and the journey tables it fills. With a <paramref name="Watermark"/> (a date-time column
/// it returns) an incremental refresh binds @since to the last refresh's largest value less the look-back; a full
/// refresh, or the first, binds NULL.
/// </summary>
public sealed record RefreshQuery(
    string Name,
    string Sql,
    string? Watermark,
    double? LookBackHours,
    double? MaxRejectedShare,
    IReadOnlyList<ImportTarget> Targets);

public sealed class RefreshException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
