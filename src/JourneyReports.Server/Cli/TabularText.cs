using System.Collections;
using System.Globalization;
using System.Reflection;

namespace JourneyReports.Server;

/// <summary>
/// Writes a list of records as CSV: one column per public property, invariant culture, RFC 4180 quoting. A property
/// that is itself a record is spread into "Parent.Child" columns; a list inside a row is left to the JSON format.
/// </summary>
public static class TabularText
{
    public static void WriteCsv(TextWriter output, object result)
    {
        var rows = result is IEnumerable list and not string ? list.Cast<object>().ToList() : [result];
        if (rows.Count == 0) return;
        var columns = Columns(rows[0].GetType(), "", []).ToList();
        output.WriteLine(string.Join(",", columns.Select(c => Quote(c.Name))));
        foreach (var row in rows)
            output.WriteLine(string.Join(",", columns.Select(c => Quote(Format(c.Read(row))))));
    }

    sealed record Column(string Name, Func<object, object?> Read);

    static IEnumerable<Column> Columns(Type type, string prefix, PropertyInfo[] path)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            PropertyInfo[] here = [.. path, p];
            if (IsScalar(t))
                yield return new Column(prefix + p.Name, row => Read(row, here));
            else if (!typeof(IEnumerable).IsAssignableFrom(t))
                foreach (var inner in Columns(t, prefix + p.Name + ".", here))
                    yield return inner;
            else if (t.IsGenericType && IsScalar(t.GetGenericArguments()[0]))
                yield return new Column(prefix + p.Name, row => Read(row, here));
        }
    }

    static bool IsScalar(Type t) => t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(DateTimeOffset);

    static object? Read(object row, PropertyInfo[] path)
    {
        object? value = row;
        foreach (var p in path) value = value is null ? null : p.GetValue(value);
        return value;
    }

    static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e and not string => string.Join(" > ", e.Cast<object>()),
        _ => value.ToString() ?? "",
    };

    static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
