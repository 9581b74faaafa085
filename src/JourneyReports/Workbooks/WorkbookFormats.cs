using System.Globalization;
using JourneyReports.Journeys;

namespace JourneyReports.Workbooks;

/// <summary>Excel number format codes for the workbook. Codes are culture-neutral: Excel localises separators itself.</summary>
internal static class WorkbookFormats
{
    public const string Count = "#,##0";
    public const string Percent = "0.0%";
    public const string Score = "0.0";
    public const string Decimal = "#,##0.00";
    public const string Date = "d mmm yyyy";
    public const string DateAndTime = "d mmm yyyy hh:mm";
    // The zero section keeps "no change" from showing as "+0.0%".
    public const string RelativeChange = "+0.0%;-0.0%;0.0%";
    public const string PointsChange = "+0.0 \"pts\";-0.0 \"pts\";0.0 \"pts\"";

    public static string Currency(string symbol) => CurrencyPrefix(symbol) + "#,##0.00";

    public static string For(KpiFormat format, string currencySymbol) => format switch
    {
        KpiFormat.Count => Count,
        KpiFormat.Currency => Currency(currencySymbol),
        KpiFormat.Percent => Percent,
        KpiFormat.Score => Score,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The code for a dashboard visual's format ("money", "percent"…); null where the field's own type should decide.</summary>
    public static string? ForVisual(string? format, string currencySymbol) => format switch
    {
        "integer" => Count,
        "money" => Currency(currencySymbol),
        "percent" => Percent,
        "points" => Score,
        _ => null,
    };

    public static string ChangeFor(KpiFormat format) =>
        format is KpiFormat.Percent or KpiFormat.Score ? PointsChange : RelativeChange;

    /// <summary>The change value as Excel should store it: percent KPIs change in fractions, shown as points.</summary>
    public static decimal? ChangeValue(Kpi kpi) =>
        kpi.Format == KpiFormat.Percent ? kpi.Change * 100 : kpi.Change;

    /// <summary>Roughly what Excel will display, only to size columns (no font measuring is available here).</summary>
    public static string Display(decimal? value, string numberFormat, CultureInfo culture, string currencySymbol)
    {
        if (value is not { } v) return "";
        return numberFormat switch
        {
            Count => v.ToString("N0", culture),
            Percent => (v * 100).ToString("N1", culture) + "%",
            RelativeChange => (v * 100).ToString("+0.0;-0.0;0.0", culture) + "%",
            PointsChange => v.ToString("+0.0;-0.0;0.0", culture) + " pts",
            Decimal => v.ToString("N2", culture),
            _ when numberFormat == Currency(currencySymbol) => currencySymbol + v.ToString("N2", culture),
            _ => v.ToString("N1", culture),
        };
    }

    // Symbols like "£", "$" or "€" are literal in a format code; anything with letters (e.g. "kr", "CHF") must be
    // quoted or Excel reads the letters as format characters.
    static string CurrencyPrefix(string symbol) =>
        symbol.Length == 0 ? ""
        : symbol.All(c => char.IsSymbol(c)) ? symbol
        : "\"" + symbol.Replace("\"", "") + "\"";
}
