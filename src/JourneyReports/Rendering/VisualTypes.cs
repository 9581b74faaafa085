using System.Collections;
using System.Reflection;
using System.Text.Json;
using JourneyReports.Warehouse;

namespace JourneyReports.Rendering;

/// <summary>A visual's field role: required or not, and the kinds of field it accepts.</summary>
public sealed record FieldRole(string Name, bool Required, params FieldKind[] Kinds);

/// <summary>The fixed list of visual types and the field roles each one reads.</summary>
public static class VisualTypes
{
    static FieldRole Need(string name, params FieldKind[] kinds) => new(name, true, kinds);
    static FieldRole Maybe(string name, params FieldKind[] kinds) => new(name, false, kinds);

    const FieldKind N = FieldKind.Number, T = FieldKind.Text, D = FieldKind.Date, B = FieldKind.Boolean;

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<FieldRole>> Roles = new Dictionary<string, IReadOnlyList<FieldRole>>
    {
        ["kpi-tiles"] = [Need("label", T), Need("value", N), Maybe("previous", N)],
        ["line"] = [Need("x", D, N), Need("y", N), Maybe("series", T)],
        ["area"] = [Need("x", D, N), Need("y", N), Maybe("series", T)],
        ["bar"] = [Need("x", T, D, B), Need("y", N), Maybe("series", T, B)],
        ["grouped-bar"] = [Need("x", T, D, B), Need("y", N), Need("series", T, B)],
        ["stacked-bar"] = [Need("x", T, D, B), Need("y", N), Need("series", T, B)],
        ["funnel"] = [Need("label", T), Need("value", N)],
        ["heatmap"] = [Need("x", T, D, N), Need("y", T, D, N), Need("value", N)],
        ["flow"] = [Need("source", T), Need("target", T), Need("value", N)],
        ["scatter"] = [Need("x", N), Need("y", N), Maybe("label", T), Maybe("series", T)],
        ["table"] = [],
        ["journey-map"] = [Need("stage", T), Need("value", N), Maybe("label", T), Maybe("series", T)],
    };

    public static readonly IReadOnlyList<string> Formats = ["number", "integer", "money", "percent", "points", "compact", "date"];

    /// <summary>
    /// The fields of a metric's result row by camelCase name (as the metrics verb prints them), case-insensitive;
    /// a nested record's fields appear as "scores.nps".
    /// </summary>
    public static IReadOnlyDictionary<string, FieldKind> FieldsOf(Type row)
    {
        var fields = new Dictionary<string, FieldKind>(StringComparer.OrdinalIgnoreCase);
        Add(fields, row, "", 0);
        return fields;
    }

    static void Add(Dictionary<string, FieldKind> fields, Type type, string prefix, int depth)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            var name = prefix + JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            var kind = KindOf(p.PropertyType);
            fields[name] = kind;
            if (kind == FieldKind.Record && depth < 2) Add(fields, p.PropertyType, name + ".", depth + 1);
        }
    }

    static FieldKind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum) return FieldKind.Text;
        if (type == typeof(bool)) return FieldKind.Boolean;
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)) return FieldKind.Date;
        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) || type == typeof(float) || type == typeof(short))
            return FieldKind.Number;
        return typeof(IEnumerable).IsAssignableFrom(type) ? FieldKind.List : FieldKind.Record;
    }
}
