using System.Collections;
using System.Globalization;
using System.Reflection;

namespace JourneyReports.Rendering;

/// <summary>One dataset's rows: metric records, or analyst SQL rows as column → value dictionaries; Error when it failed to run.</summary>
public sealed record DatasetRows(string Name, IReadOnlyList<object> Rows, string? Error = null);

/// <summary>Reads a field ("revenue", "scores.nps") from a dataset row, the way definitions name them (camelCase, case-insensitive).</summary>
internal static class RowFields
{
    public static object? Get(object? row, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (row is null) return null;
            if (row is IReadOnlyDictionary<string, object?> dict)
            {
                row = dict.TryGetValue(part, out var v) ? v
                    : dict.FirstOrDefault(p => string.Equals(p.Key, part, StringComparison.OrdinalIgnoreCase)).Value;
                continue;
            }
            var prop = row.GetType().GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                ?? throw new InvalidOperationException($"rows of {row.GetType().Name} have no field '{path}'");
            row = prop.GetValue(row);
        }
        return row;
    }

    public static double? Number(object? row, string path) => Get(row, path) switch
    {
        null => null,
        bool b => b ? 1 : 0,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue).ToOADate(),
        DateTime t => t.ToOADate(),
        DateTimeOffset o => o.UtcDateTime.ToOADate(),
        IConvertible c => Convert.ToDouble(c, CultureInfo.InvariantCulture) is var d && double.IsFinite(d) ? d : null,
        var v => throw new InvalidOperationException($"field '{path}' holds {v.GetType().Name}, not a number"),
    };

    public static bool IsDate(object? value) => value is DateOnly or DateTime or DateTimeOffset;

    public static string Text(object? value, CultureInfo culture, string? format = null) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "Yes" : "No",
        DateOnly d => d.ToString("d MMM yyyy", culture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("d MMM yyyy", culture) : t.ToString("d MMM yyyy HH:mm", culture),
        DateTimeOffset o => o.ToString("d MMM yyyy HH:mm", culture),
        Enum e => FieldNames.Header(e.ToString()),
        IEnumerable list => string.Join(" → ", list.Cast<object?>().Select(x => Text(x, culture))),
        IConvertible c when c.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.Decimal =>
            Format(Convert.ToDouble(c, CultureInfo.InvariantCulture), format, culture, c.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.UInt64),
        var v => v.ToString() ?? "",
    };

    /// <summary>A number in a definition's format: number, integer, money, percent, points, compact (date is for date fields).</summary>
    public static string Format(double v, string? format, CultureInfo culture, bool whole = false) => format switch
    {
        "integer" => v.ToString("#,##0", culture),
        "money" => culture.NumberFormat.CurrencySymbol + ReportFormat.Compact(v, culture),
        "percent" => ReportFormat.Percent((decimal)v, culture),
        "points" => v.ToString("0.0", culture),
        "compact" => ReportFormat.Compact(v, culture),
        _ => whole ? v.ToString("#,##0", culture) : v.ToString(Math.Abs(v) >= 100 ? "#,##0" : "#,##0.##", culture),
    };

    /// <summary>
    /// The format a field gets when the visual sets none: shares and rates (0..1) as percentages, revenue and order
    /// values as money.
    /// </summary>
    public static string? DefaultFormat(string? format, string field)
    {
        var name = field[(field.LastIndexOf('.') + 1)..].ToLowerInvariant();
        var rate = name.EndsWith("share", StringComparison.Ordinal) || name.EndsWith("rate", StringComparison.Ordinal) || name is "conversion" or "dropoff";
        var money = name.EndsWith("revenue", StringComparison.Ordinal) || name is "averageordervalue" or "aov";
        return format ?? (rate ? "percent" : money ? "money" : null);
    }

    /// <summary>"averageOrderValue" → "Average order value", "scores.nps" → "NPS".</summary>
    public static string Header(string field) => FieldNames.Header(field[(field.LastIndexOf('.') + 1)..]);

    /// <summary>A metric's result as rows: a list stays a list, a single record becomes one row.</summary>
    public static IReadOnlyList<object> AsRows(object result) =>
        result is IEnumerable e and not string ? [.. e.Cast<object>()] : [result];
}
