using System.Globalization;

namespace JourneyReports;

/// <summary>How a KPI and its change are written wherever people read them: dashboard tiles, email text.</summary>
public static class KpiText
{
    public static string Value(Kpi kpi, CultureInfo culture, string currencySymbol) => kpi.Value is not { } v ? "–" : kpi.Format switch
    {
        KpiFormat.Count => v.ToString("N0", culture),
        KpiFormat.Currency => currencySymbol + v.ToString(Math.Abs(v) < 1000 ? "N2" : "N0", culture),
        KpiFormat.Percent => (v * 100).ToString("0.0", culture) + "%",
        KpiFormat.Score when kpi.Key == "nps" => v.ToString("+0.0;-0.0;0.0", culture),
        _ => v.ToString("0.0", culture),
    };

    /// <summary>"+4.2%" for counts and money, "+0.3 pts" for rates and scores, or "no comparison".</summary>
    public static string Change(Kpi kpi, CultureInfo culture) => kpi.Change is not { } c ? "no comparison" : kpi.Format switch
    {
        KpiFormat.Percent => (c * 100).ToString("+0.0;-0.0;0.0", culture) + " pts",
        KpiFormat.Score => c.ToString("+0.0;-0.0;0.0", culture) + " pts",
        _ => (c * 100).ToString("+0.0;-0.0;0.0", culture) + "%",
    };

    /// <summary>Whether the change is good news: for effort (CES) lower is better.</summary>
    public static bool? IsImprovement(Kpi kpi) => kpi.Change is not { } c || c == 0 ? null : LowerIsBetter(kpi) ? c < 0 : c > 0;

    public static bool LowerIsBetter(Kpi kpi) => kpi.Key == "ces";
}
