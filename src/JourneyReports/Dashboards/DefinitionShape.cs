using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace JourneyReports.Dashboards;

/// <summary>
/// What a definition's JSON must look like — per object, its property names and the JSON kind of each — read by
/// reflection from DashboardDefinition and the types under it, named as the serializer names them, so it cannot drift
/// from them. Check walks a parsed document against it and reports every unknown property, wrong kind and missing
/// [JsonRequired] property at once, each at its line, so the serializer is only ever handed a definition it can read.
/// </summary>
static class DefinitionShape
{
    enum Kind { Any, String, WholeNumber, Boolean, Array, Map, Object, Period }

    /// <summary>Item is the shape of an array's items or a map's values; Properties those of an object (or a period's object form).</summary>
    sealed record Shape(Kind Kind, bool Nullable, IReadOnlyList<Property>? Properties = null, Shape? Item = null);

    sealed record Property(string Name, Shape Shape, bool Required);

    static readonly NullabilityInfoContext Nullability = new();
    static readonly Shape Root = Of(typeof(DashboardDefinition), nullable: false, generics: []);

    public static IReadOnlyList<DefinitionError> Check(JsonElement root, JsonLineMap lines, string fileName)
    {
        var errors = new List<DefinitionError>();
        Walk(Root, root, "", (path, problem) => errors.Add(new DefinitionError(fileName, lines.LineOf(path), problem)));
        return errors.OrderBy(e => e.Line).ToList(); // a missing property is found after its object's members, but reads first
    }

    static Shape Of(Type type, bool nullable, NullabilityInfo[] generics)
    {
        if (type == typeof(string)) return new(Kind.String, nullable);
        if (type == typeof(int)) return new(Kind.WholeNumber, false);
        if (type == typeof(bool)) return new(Kind.Boolean, false);
        if (type == typeof(JsonElement)) return new(Kind.Any, true);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return new(Kind.Array, nullable, Item: Of(generics[0]));
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
            return new(Kind.Map, nullable, Item: Of(generics[1]));
        // PeriodConverter reads a period as a relative range name or { "from", "to" }, never as { "relative": ... }.
        if (type == typeof(PeriodParameter))
            return new(Kind.Period, nullable, PropertiesOf(type).Where(p => p.Name != "relative").ToList());
        if (type.IsClass && type != typeof(object)) return new(Kind.Object, nullable, PropertiesOf(type));
        throw new NotSupportedException($"DefinitionShape does not know how {type.Name} is written in JSON; add it to DefinitionShape.Of");
    }

    static Shape Of(NullabilityInfo info) => Of(info.Type, info.ReadState == NullabilityState.Nullable, info.GenericTypeArguments);

    static List<Property> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && !p.IsDefined(typeof(JsonIgnoreAttribute)))
            .Select(p => new Property(
                p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? DashboardDefinition.Json.PropertyNamingPolicy!.ConvertName(p.Name),
                Of(Nullability.Create(p)), p.IsDefined(typeof(JsonRequiredAttribute))))
            .ToList();

    static void Walk(Shape shape, JsonElement value, string path, Action<string, string> error)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!shape.Nullable) error(path, $"{Name(path)} must be {Expected(shape)}, not null");
            return;
        }
        switch (shape.Kind, value.ValueKind)
        {
            case (Kind.Any, _):
            case (Kind.String or Kind.Period, JsonValueKind.String):
            case (Kind.Boolean, JsonValueKind.True or JsonValueKind.False):
                return;
            case (Kind.WholeNumber, JsonValueKind.Number) when value.TryGetInt32(out _):
                return;
            case (Kind.Array, JsonValueKind.Array):
                var index = 0;
                foreach (var item in value.EnumerateArray()) Walk(shape.Item!, item, $"{path}[{index++}]", error);
                return;
            case (Kind.Map or Kind.Object or Kind.Period, JsonValueKind.Object):
                Members(shape, value, path, error);
                return;
        }
        error(path, $"{Name(path)} must be {Expected(shape)}, not {Actual(value)}");
    }

    static void Members(Shape shape, JsonElement value, string path, Action<string, string> error)
    {
        // As the serializer reads them: property names regardless of case, map keys (dataset names, field roles) exactly.
        var seen = new HashSet<string>(shape.Kind == Kind.Map ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        foreach (var member in value.EnumerateObject())
        {
            var at = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            if (!seen.Add(member.Name)) error(at, $"{at} is given twice; only the last would count");
            else if (shape.Kind == Kind.Map) Walk(shape.Item!, member.Value, at, error);
            else if (shape.Properties!.FirstOrDefault(p => p.Name.Equals(member.Name, StringComparison.OrdinalIgnoreCase)) is { } known)
                Walk(known.Shape, member.Value, at, error);
            else error(at, Unknown(shape.Properties!, member.Name, path));
        }
        foreach (var missing in shape.Properties?.Where(p => p.Required && !seen.Contains(p.Name)) ?? [])
            error(path, $"{(path.Length == 0 ? "" : path + ".")}{missing.Name} is missing");
    }

    static string Unknown(IReadOnlyList<Property> known, string name, string path)
    {
        var owner = path.Length == 0 ? "a definition" : path;
        var closest = known.Select(p => (p.Name, Distance: Distance(p.Name.ToLowerInvariant(), name.ToLowerInvariant())))
            .OrderBy(c => c.Distance).FirstOrDefault();
        // Within about one edit in three letters it is most likely a typo of that name; further off, list what it takes.
        return closest.Name is not null && closest.Distance <= (Math.Min(closest.Name.Length, name.Length) + 2) / 3
            ? $"{owner} has no property '{name}'; did you mean '{closest.Name}'?"
            : $"{owner} has no property '{name}'; it takes {string.Join(", ", known.Select(p => p.Name))}";
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) from a to b: "widht" is one from "width".</summary>
    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    static string Name(string path) => path.Length == 0 ? "a definition" : path;

    static string Expected(Shape shape) => shape.Kind switch
    {
        Kind.String => "a string",
        Kind.WholeNumber => "a whole number",
        Kind.Boolean => "true or false",
        Kind.Array => "an array",
        Kind.Period => "a relative range name or { \"from\": \"yyyy-MM-dd\", \"to\": \"yyyy-MM-dd\" }",
        _ => "an object",
    };

    static string Actual(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(), // a number as written (1.5, 3000000000), true or false
    };
}
