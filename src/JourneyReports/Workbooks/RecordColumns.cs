using System.Collections;
using System.Reflection;

namespace JourneyReports;

/// <summary>Turns records (one object or a list of them) into column definitions and rows, one column per public property.</summary>
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
        // The first record's type decides the columns, as a list of results is of one record type.
        var properties = records[0].GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0).ToArray();
        var columns = properties.Select(p => new DetailColumn(p.Name, TypeOf(p.PropertyType))).ToArray();
        return (columns, records.Select(r => properties.Select(p => p.GetValue(r)).ToArray()));
    }

    static DetailColumnType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) => DetailColumnType.Integer,
        var t when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => DetailColumnType.Decimal,
        var t when t == typeof(DateOnly) => DetailColumnType.Date,
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => DetailColumnType.DateTime,
        _ => DetailColumnType.Text,
    };
}
