using System.Text;

namespace JourneyReports.Rendering;

/// <summary>
/// Field and dataset names as people read them: "averageOrderValue" → "Average order value", a nested "scores.nps" →
/// "Scores NPS", "crossChannel" → "Cross channel", "FirstTouch" → "First touch". Survey scores and KPIs stay in capitals,
/// as the reports write them. Chart legends and table headers use the same words as workbook columns.
/// </summary>
internal static class FieldNames
{
    static readonly Dictionary<string, string> Acronyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nps"] = "NPS", ["csat"] = "CSAT", ["ces"] = "CES", ["kpi"] = "KPI", ["kpis"] = "KPIs", ["aov"] = "AOV", ["p90"] = "P90", ["id"] = "ID",
    };

    /// <summary>The words of one name, lower case: "P90HoursFromPrevious" → p90, hours, from, previous; "avg_order_value" → avg, order, value.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (!char.IsLetterOrDigit(ch)) { Flush(); continue; }
            var startsWord = char.IsUpper(ch) && word.Length > 0
                && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord) Flush();
            word.Append(char.ToLowerInvariant(ch));
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
    }

    /// <summary>A header from the names along a path (outer record first): the first word capitalised, acronyms in capitals.</summary>
    public static string Header(IEnumerable<string> path)
    {
        var words = path.SelectMany(Words).Select(w => Acronyms.GetValueOrDefault(w, w)).ToList();
        if (words.Count == 0) return "";
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(" ", words);
    }

    public static string Header(string name) => Header([name]) is { Length: > 0 } header ? header : name;
}
