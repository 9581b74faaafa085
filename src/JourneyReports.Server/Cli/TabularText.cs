using System.Collections;
using System.Globalization;
using System.Reflection;

namespace JourneyReports.Server;

/// <summary>Writes a list of records as CSV: one column per public property, invariant culture, RFC 4180 quoting.</summary>
public static class TabularText
{
    public static void WriteCsv(TextWriter output, object result)
    {
        var rows = result is IEnumerable list and not string ? list.Cast<object>().ToList() : [result];
        if (rows.Count == 0) return;
        var properties = rows[0].GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        output.WriteLine(string.Join(",", properties.Select(p => Quote(p.Name))));
        foreach (var row in rows)
            output.WriteLine(string.Join(",", properties.Select(p => Quote(Format(p.GetValue(row))))));
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
