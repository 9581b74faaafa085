using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text;
using JourneyReports.Journeys;
using JourneyReports.Rendering;
using JourneyReports.Warehouse;

namespace JourneyReports.Dashboards;

/// <summary>One problem in a definition file: where it is and what is wrong.</summary>
public sealed record DefinitionError(string File, int Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}

/// <summary>A parsed definition (null when the JSON could not be read at all) and every problem found in it.</summary>
public sealed record ParsedDashboard(DashboardDefinition? Definition, IReadOnlyList<DefinitionError> Errors);

public sealed class DashboardFilters
{
    public string? Persona { get; init; }
    public string? Segment { get; init; }
    public string? Channel { get; init; }
    public string? Device { get; init; }
    public string? Department { get; init; }
    public string? Region { get; init; }

    public JourneyFilter ToFilter() => new(Persona, Segment, Region, Channel, Device, Department);

    /// <summary>The six filters by the names people use for them (query string, command line), unset ones as null.</summary>
    public IReadOnlyList<(string Name, string? Value)> ByName() => ToFilter().ByName();

    /// <summary>The names of <see cref="ByName"/>, in its order.</summary>
    public static readonly IReadOnlyList<string> Names = [.. new DashboardFilters().ByName().Select(f => f.Name)];

    /// <summary>The filters given by name (see <see cref="Names"/>), e.g. from the command line.</summary>
    public static DashboardFilters Read(Func<string, string?> value) => new()
    {
        Persona = value("persona"), Segment = value("segment"), Region = value("region"),
        Channel = value("channel"), Device = value("device"), Department = value("department"),
    };
}

/// <summary>Either a relative range by name ("last-28-days") or explicit from/to local dates (yyyy-MM-dd).</summary>
public sealed class PeriodParameter
{
    public string? Relative { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
}

public sealed class DashboardParameters
{
    public PeriodParameter Period { get; init; } = new() { Relative = "last-complete-week" };
    public string Comparison { get; init; } = "previous-period";
    public string TimeZone { get; init; } = "UTC";
    public DashboardFilters Filters { get; init; } = new();
}

/// <summary>A metric family with its options, or an analyst SQL file relative to the definition.</summary>
public sealed class DatasetDefinition
{
    public string? Metric { get; init; }
    public Dictionary<string, JsonElement> Options { get; init; } = [];
    public string? Sql { get; init; }
}

public sealed class GridLayout
{
    public int Rows { get; init; }
    public int Columns { get; init; }

    /// <summary>
    /// The page width in pixels the dashboard is drawn at (its PNG, the email's inline image, the workbook's picture);
    /// 0 means <see cref="DashboardComposer.DefaultWidth"/>. An email dashboard reads best at 1200.
    /// </summary>
    public int Width { get; init; }
}

/// <summary>A dashboard as a definition file (see docs/dashboards.md). Validated when loaded or saved, never at run time.</summary>
public sealed class DashboardDefinition
{
    // [JsonRequired]: DefinitionShape reports each one that is absent (its value would otherwise silently be the default).
    [JsonRequired] public string Name { get; init; } = "";
    [JsonRequired] public string Title { get; init; } = "";
    [JsonRequired] public int Version { get; init; }
    public string? Description { get; init; }

    /// <summary>How the dashboard's figures are defined, one line each: the workbook's About sheet lists them for readers without the web app.</summary>
    public List<string> Notes { get; init; } = [];

    public DashboardParameters Parameters { get; init; } = new();
    [JsonRequired] public Dictionary<string, DatasetDefinition> Datasets { get; init; } = [];
    [JsonRequired] public List<VisualDefinition> Visuals { get; init; } = [];
    [JsonRequired] public GridLayout Layout { get; init; } = new();

    /// <summary>The file it was read from; analyst SQL paths are relative to its folder.</summary>
    [JsonIgnore] public string FileName { get; internal set; } = "";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // DefinitionShape reports unknown properties (most often typos) before deserializing; this keeps any that slipped
        // past it from being silently dropped.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new PeriodConverter() },
    };

    static readonly JsonDocumentOptions Syntax = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="sqlChecker">The warehouse whose parser checks the definition's analyst SQL.</param>
    public static ParsedDashboard Parse(string json, string fileName, IWarehouseProvider sqlChecker)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Syntax);
        }
        catch (JsonException e)
        {
            // A syntax error is the one problem reported alone: past a broken token the reader cannot tell where values
            // start or end, so nothing after it can be read, let alone checked.
            return new ParsedDashboard(null, [SyntaxError(json, fileName, e)]);
        }
        using (document)
        {
            // Structure first, every problem at once; the serializer would stop at the first, and semantic checks need
            // a definition it could read.
            var lines = JsonLineMap.Build(json);
            var structural = DefinitionShape.Check(document.RootElement, lines, fileName);
            if (structural.Count > 0) return new ParsedDashboard(null, structural);
            var definition = document.RootElement.Deserialize<DashboardDefinition>(Json)!;
            definition.FileName = fileName;
            return new ParsedDashboard(definition, DefinitionValidator.Validate(definition, lines, sqlChecker));
        }
    }

    static DefinitionError SyntaxError(string json, string fileName, JsonException e)
    {
        var line = (int)(e.LineNumber ?? 0);
        var text = Encoding.UTF8.GetBytes(json.Split('\n').ElementAtOrDefault(line) ?? "");
        // The reader counts bytes; a column counts characters (an "é" earlier on the line is two bytes, one column).
        var column = Encoding.UTF8.GetCharCount(text, 0, (int)Math.Min(e.BytePositionInLine ?? 0, text.Length)) + 1;
        // The reader appends "LineNumber: ... | BytePositionInLine: ..." which the error already says.
        var cut = e.Message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return new DefinitionError(fileName, line + 1, $"JSON syntax error at column {column}: {(cut > 0 ? e.Message[..cut] : e.Message)}");
    }

    sealed class PeriodConverter : JsonConverter<PeriodParameter>
    {
        public override PeriodParameter? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String) return new PeriodParameter { Relative = reader.GetString() };
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException("period is a relative range name or { \"from\": \"yyyy-MM-dd\", \"to\": \"yyyy-MM-dd\" }");
            string? from = null, to = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (string.Equals(name, "from", StringComparison.OrdinalIgnoreCase)) from = reader.GetString();
                else if (string.Equals(name, "to", StringComparison.OrdinalIgnoreCase)) to = reader.GetString();
                else throw new JsonException($"period has from and to only, not '{name}'");
            }
            return new PeriodParameter { From = from, To = to };
        }

        public override void Write(Utf8JsonWriter writer, PeriodParameter value, JsonSerializerOptions options)
        {
            if (value.Relative is not null) { writer.WriteStringValue(value.Relative); return; }
            writer.WriteStartObject();
            writer.WriteString("from", value.From);
            writer.WriteString("to", value.To);
            writer.WriteEndObject();
        }
    }
}
