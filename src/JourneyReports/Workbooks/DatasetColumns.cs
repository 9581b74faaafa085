using System.Globalization;
using System.Text.Json;
using JourneyReports.Journeys;
using JourneyReports.Rendering;

namespace JourneyReports.Workbooks;

/// <summary>
/// The table columns of one dashboard dataset: one per scalar field of the metric's row record (nested records spread,
/// "Scores NPS"; lists as "a → b → c" text; lists of records left out), or one per analyst SQL column. Each column's
/// number format follows the format a chart of the dashboard shows the field in, else its name and type: money names
/// as currency, whole numbers as counts, shares and rates (0..1) as percentages, survey scores with one decimal.
/// </summary>
internal static class DatasetColumns
{
    sealed record Field(string Name, string Header, Type Type, Func<object, object?> Read);

    static readonly HashSet<string> MoneyWords = ["revenue", "money", "price", "amount", "spend", "cost", "sales", "aov", "gmv"];
    static readonly HashSet<string> ScoreWords = ["nps", "csat", "ces", "score"];
    const int MaxHeaderLength = 255; // Excel's limit for a table column name

    /// <summary>
    /// <paramref name="rowType"/> is the metric's row record, or a dictionary type (or null) for analyst SQL rows, whose
    /// columns then come from the first row. <paramref name="visualFormats"/> maps a field to a chart's format.
    /// </summary>
    public static IReadOnlyList<TableColumn<object>> For(Type? rowType, IReadOnlyList<object> rows,
        IReadOnlyDictionary<string, string> visualFormats, string currencySymbol, CultureInfo culture)
    {
        if (rowType == typeof(Kpi)) return KpiColumns(currencySymbol);
        var fields = rowType is null || typeof(IReadOnlyDictionary<string, object?>).IsAssignableFrom(rowType)
            ? SqlFields(rows) : RecordFields(rowType);
        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return [.. fields.Select(f => new TableColumn<object>(Unique(headers, f.Header), r => DatasetCells.Of(f.Read(r), culture),
            Format(f, rows, visualFormats.GetValueOrDefault(f.Name), currencySymbol)))];
    }

    static IEnumerable<Field> RecordFields(Type type) =>
        RecordColumns.Paths(type, []).Select(path => new Field(
            string.Join(".", path.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))),
            FieldNames.Header(path.Select(p => p.Name)),
            Nullable.GetUnderlyingType(path[^1].PropertyType) ?? path[^1].PropertyType,
            row => RecordColumns.Value(row, path)));

    // Analyst columns keep the names the analyst gave them; the type is that of the first value that is not null.
    static IEnumerable<Field> SqlFields(IReadOnlyList<object> rows)
    {
        if (rows.Count == 0 || rows[0] is not IReadOnlyDictionary<string, object?> first) return [];
        return first.Keys.Select(key => new Field(key, key,
            rows.Select(r => Value(r, key)).FirstOrDefault(v => v is not null)?.GetType() ?? typeof(string), row => Value(row, key)));
    }

    static object? Value(object row, string key) =>
        row is IReadOnlyDictionary<string, object?> d && d.TryGetValue(key, out var v) ? v : null;

    static string? Format(Field f, IReadOnlyList<object> rows, string? visualFormat, string currencySymbol)
    {
        if (DatasetCells.IsDate(f.Type))
            return rows.Any(r => f.Read(r) is DateTime { TimeOfDay.Ticks: > 0 } or DateTimeOffset { TimeOfDay.Ticks: > 0 })
                ? WorkbookFormats.DateAndTime : WorkbookFormats.Date;
        if (!DatasetCells.IsNumber(f.Type)) return null;
        if (WorkbookFormats.ForVisual(visualFormat, currencySymbol) is { } shown) return shown;

        var words = FieldNames.Words(f.Name[(f.Name.LastIndexOf('.') + 1)..]);
        var money = words.Any(MoneyWords.Contains) || (words.Count > 1 && words[^1] == "value" && words[^2] is "order" or "lifetime");
        if (money) return WorkbookFormats.Currency(currencySymbol);
        if (DatasetCells.IsInteger(f.Type)) return WorkbookFormats.Count;
        if (RowFields.DefaultFormat(null, string.Concat(words)) == "percent") return WorkbookFormats.Percent;
        return words.Any(ScoreWords.Contains) ? WorkbookFormats.Score : WorkbookFormats.Decimal;
    }

    // A KPI's format is per row (a count, a rate, money), and its change is relative or in points, as on the Summary sheet.
    static IReadOnlyList<TableColumn<object>> KpiColumns(string symbol) =>
    [
        new("Key", r => ((Kpi)r).Key),
        new("Label", r => ((Kpi)r).Label),
        new("Value", r => ((Kpi)r).Value, r => WorkbookFormats.For(((Kpi)r).Format, symbol)),
        new("Previous", r => ((Kpi)r).Previous, r => WorkbookFormats.For(((Kpi)r).Format, symbol)),
        new("Change", r => WorkbookFormats.ChangeValue((Kpi)r), r => WorkbookFormats.ChangeFor(((Kpi)r).Format)),
        new("Format", r => ((Kpi)r).Format.ToString()),
    ];

    // Excel table column names are unique ignoring case, single-line and not empty.
    static string Unique(HashSet<string> used, string header)
    {
        var clean = new string([.. DetailCellValue.CleanText(header).Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        if (clean.Length > MaxHeaderLength) clean = clean[..MaxHeaderLength].TrimEnd();
        if (clean.Length == 0) clean = "Column";
        var candidate = clean;
        for (var n = 2; !used.Add(candidate); n++) candidate = $"{clean} {n}";
        return candidate;
    }
}
