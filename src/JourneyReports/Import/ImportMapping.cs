using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyReports.Import;

/// <summary>A mapping file: which CSV files feed which journey tables, and how (see docs/import.md).</summary>
public sealed record ImportMapping(
    string? Description,
    IReadOnlyDictionary<string, ImportLookup>? Lookups,
    IReadOnlyList<ImportSource> Sources)
{
    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks a mapping; every problem is an <see cref="ImportException"/> naming the file.</summary>
    public static ImportMapping Load(string path)
    {
        if (!File.Exists(path)) throw new ImportException($"Mapping file '{path}' does not exist.");
        ImportMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ImportMapping>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new ImportException($"Mapping file '{path}' is not a valid mapping: {e.Message}");
        }
        if (mapping?.Sources is not { Count: > 0 }) throw new ImportException($"Mapping file '{path}' has no \"sources\".");
        mapping.Check(path);
        return mapping;
    }

    void Check(string path)
    {
        void Fail(string problem) => throw new ImportException($"Mapping file '{path}': {problem}");
        void CheckCsv(string where, CsvOptions? csv)
        {
            if (csv?.Encoding is { } encoding && CsvEncoding.Find(encoding) is null)
                Fail($"{where} has unknown encoding '{encoding}'. Encodings: {CsvEncoding.Accepted}.");
        }
        foreach (var (name, lookup) in Lookups ?? new Dictionary<string, ImportLookup>())
        {
            if (string.IsNullOrWhiteSpace(lookup.File) || string.IsNullOrWhiteSpace(lookup.Key) || lookup.Value.ValueKind == JsonValueKind.Undefined)
                Fail($"lookup '{name}' needs \"file\", \"key\" and \"value\".");
            CheckCsv($"lookup '{name}'", lookup.Csv);
            if (lookup.Aggregate is not (null or "first" or "last" or "min" or "max" or "sum" or "avg" or "count"))
                Fail($"lookup '{name}' has unknown aggregate '{lookup.Aggregate}' (first, last, min, max, sum, avg, count).");
        }
        foreach (var source in Sources)
        {
            if (string.IsNullOrWhiteSpace(source.File)) Fail("a source has no \"file\".");
            if (source.Targets is not { Count: > 0 }) Fail($"source '{source.File}' has no \"targets\".");
            CheckCsv($"source '{source.File}'", source.Csv);
            if (source.MaxRejectedShare is { } share and (< 0 or > 1))
                Fail($"source '{source.File}' has maxRejectedShare {share.ToString(CultureInfo.InvariantCulture)}: it is a share from 0 to 1 (0.1 = 10%).");
            foreach (var target in source.Targets!)
                if (TargetProblem(target, $"source '{source.File}'") is { } problem) Fail(problem);
        }
    }

    /// <summary>
    /// The first way <paramref name="target"/> does not fit the journey model (unknown table or field, a required field
    /// or the key not mapped), or null. <paramref name="owner"/> names what feeds it in the message ("source 'x.csv'").
    /// Shared by CSV and refresh mappings, so both are held to the same model.
    /// </summary>
    internal static string? TargetProblem(ImportTarget target, string owner)
    {
        if (!ImportModel.Tables.TryGetValue(target.Table ?? "", out var fields))
            return $"{owner} targets unknown table '{target.Table}'. Tables: {string.Join(", ", ImportModel.Tables.Keys)}.";
        var where = $"{owner}, table '{target.Table}'";
        foreach (var name in target.Fields?.Keys ?? [])
            if (fields.All(f => f.Name != name))
                return $"{where} has unknown field '{name}'. Fields: {string.Join(", ", fields.Select(f => f.Name))}.";
        foreach (var field in fields.Where(f => f.Required && target.Fields?.ContainsKey(f.Name) != true))
            return $"{where} does not map required field '{field.Name}'.";
        if (target.Key is not { Count: > 0 }) return $"{where} has no \"key\" (the fields that identify a row, for re-import).";
        foreach (var key in target.Key.Where(k => target.Fields?.ContainsKey(k) != true))
            return $"{where} has key field '{key}' that it does not map.";
        if (target.Keep is not (null or "first" or "last")) return $"{where} has keep '{target.Keep}' (first or last).";
        return null;
    }
}

/// <summary>
/// One file and the tables it fills; the first target is its main table. If more than <paramref name="MaxRejectedShare"/>
/// (default <see cref="CsvImport.DefaultMaxRejectedShare"/>) of its rows are rejected, the import fails (docs/import.md).
/// </summary>
public sealed record ImportSource(string File, CsvOptions? Csv, IReadOnlyList<ImportTarget> Targets, double? MaxRejectedShare = null);

/// <summary>One journey table filled from a source; rows sharing the key collapse to the first or last by file order.</summary>
public sealed record ImportTarget(
    string Table,
    IReadOnlyList<string> Key,
    IReadOnlyDictionary<string, JsonElement> Fields,
    string? Keep,
    IReadOnlyList<string>? Require);

/// <summary>A key → value table read from another (or the same) file, aggregated per key.</summary>
public sealed record ImportLookup(string File, CsvOptions? Csv, string Key, JsonElement Value, string? Aggregate);

public sealed record CsvOptions(
    string? Delimiter,
    bool? Header,
    string? Quote,
    string? TimestampFormat,
    string? TimeZone,
    string? Encoding = null)
{
    public static readonly CsvOptions Default = new(",", true, "\"", "%Y-%m-%d %H:%M:%S", "UTC");

    public string DelimiterOrDefault => Delimiter ?? ",";
    public bool Whitespace => DelimiterOrDefault == "whitespace";
    public bool HeaderOrDefault => Header ?? true;
    public string QuoteOrDefault => Quote ?? "\"";
    public string TimestampFormatOrDefault => TimestampFormat ?? Default.TimestampFormat!;
    public string TimeZoneOrDefault => TimeZone ?? "UTC";
    /// <summary>The file's encoding (UTF-8 unless named); the mapping was checked, so the name is a known one.</summary>
    [JsonIgnore] // not part of the format: System.Text.Json would otherwise inspect System.Text.Encoding's members
    public CsvEncoding EncodingOrDefault => CsvEncoding.Find(Encoding) ?? throw new ImportException($"unknown encoding '{Encoding}'. Encodings: {CsvEncoding.Accepted}.");
}

public sealed class ImportException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
