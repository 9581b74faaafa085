using System.Collections;
using System.Reflection;

namespace JourneyReports.Workbooks;

/// <summary>
/// Turns records (one object or a list of them) into column definitions and rows, one column per public property.
/// A property that is itself a record is spread into "Parent.Child" columns; a list of plain values becomes one
/// "a > b > c" column; a list of records is left out (the JSON output has it).
/// </summary>
internal static class RecordColumns
{
    public static (IReadOnlyList<DetailColumn> Columns, IEnumerable<object?[]> Rows) From(object? result)
    {
        var records = result switch
        {
            null => [],
            IEnumerable list and not string => list.Cast<object?>().Where(r => r is not null).Cast<object>().ToList(),
            _ => [result],
        };
        if (records.Count == 0) return ([], []);
        if (records[0] is IReadOnlyDictionary<string, object?> first) return FromDictionaries(first.Keys.ToList(), records);
        // The first record's type decides the columns, as a list of results is of one record type.
        var paths = Paths(records[0].GetType(), []).ToArray();
        var columns = paths.Select(p => new DetailColumn(string.Join(".", p.Select(x => x.Name)), TypeOf(p[^1].PropertyType))).ToArray();
        return (columns, records.Select(r => paths.Select(p => Read(r, p)).ToArray()));
    }

    /// <summary>Analyst SQL rows (column → value): a column per key, typed by its first non-null value.</summary>
    static (IReadOnlyList<DetailColumn>, IEnumerable<object?[]>) FromDictionaries(List<string> keys, List<object> records)
    {
        var rows = records.Cast<IReadOnlyDictionary<string, object?>>().ToList();
        var columns = keys.Select(k => new DetailColumn(k,
            rows.Select(r => r.GetValueOrDefault(k)).FirstOrDefault(v => v is not null) is { } v ? TypeOf(v.GetType()) : DetailColumnType.Text)).ToArray();
        return (columns, rows.Select(r => keys.Select(k => r.GetValueOrDefault(k)).ToArray()));
    }

    /// <summary>The property path to every scalar (or list of scalars) of <paramref name="type"/>, nested records spread.</summary>
    public static IEnumerable<PropertyInfo[]> Paths(Type type, PropertyInfo[] prefix)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            PropertyInfo[] path = [.. prefix, p];
            if (IsScalar(t) || (typeof(IEnumerable).IsAssignableFrom(t) && t.IsGenericType && IsScalar(t.GetGenericArguments()[0])))
                yield return path;
            else if (!typeof(IEnumerable).IsAssignableFrom(t) && prefix.Length < 3)
                foreach (var inner in Paths(t, path)) yield return inner;
        }
    }

    static object? Read(object record, PropertyInfo[] path)
    {
        var value = Value(record, path);
        return value is IEnumerable list and not string ? string.Join(" > ", list.Cast<object>()) : value;
    }

    /// <summary>The value at the end of <paramref name="path"/> (null when a record on the way is null).</summary>
    public static object? Value(object record, PropertyInfo[] path)
    {
        object? value = record;
        foreach (var p in path) value = value is null ? null : p.GetValue(value);
        return value;
    }

    static bool IsScalar(Type t) => t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal)
        || t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(DateTimeOffset);

    static DetailColumnType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) => DetailColumnType.Integer,
        var t when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => DetailColumnType.Decimal,
        var t when t == typeof(DateOnly) => DetailColumnType.Date,
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => DetailColumnType.DateTime,
        _ => DetailColumnType.Text,
    };
}
