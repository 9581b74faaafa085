using JourneyReports.Dashboards;
using static JourneyReports.Server.Html;

namespace JourneyReports.Server;

/// <summary>
/// The parameter bar above a dashboard: period (a relative range or custom dates), comparison, time zone and the six
/// filters, each showing the value in use — the query string's, else the definition's default. A plain GET form, so
/// every view of a dashboard is a link that can be bookmarked or sent.
/// </summary>
internal static class ParameterForm
{
    public static string Html(DashboardDefinition d, HttpRequest request)
    {
        string? Query(string key) => request.Query[key].FirstOrDefault() is { Length: > 0 } v ? v : null;
        var p = d.Parameters;
        var custom = Query("from") is not null || (Query("period") is null && p.Period.Relative is null);
        var period = Query("period") ?? p.Period.Relative;
        var periods = string.Concat(RelativePeriod.Names.Select(n => Option(n, Words(n), !custom && n == period)));
        var compare = Query("compare") ?? p.Comparison;
        var comparisons = string.Concat(RelativePeriod.Comparisons.Select(c => Option(c, Words(c), c == compare)));
        // A filter given empty in the query string clears the definition's own, so only an absent one shows the default.
        var filters = string.Concat(p.Filters.ByName().Select(x =>
            $"<label>{Words(x.Name)} <input name=\"{x.Name}\" value=\"{E(request.Query.ContainsKey(x.Name) ? Query(x.Name) : x.Value)}\" placeholder=\"all\" size=\"14\"></label>"));
        return $"""
            <form class="parameters" method="get" action="/dashboards/{E(d.Name)}">
              <label>Period <select name="period" onchange="if (this.value) this.form.from.value = this.form.to.value = ''"><option value=""{(custom ? " selected" : "")}>custom dates →</option>{periods}</select></label>
              <label>From <input type="date" name="from" onchange="this.form.period.value = ''" value="{E(custom ? Query("from") ?? p.Period.From : null)}"></label>
              <label>To <input type="date" name="to" onchange="this.form.period.value = ''" value="{E(custom ? Query("to") ?? p.Period.To : null)}"></label>
              <label>Compare with <select name="compare">{comparisons}</select></label>
              <label>Time zone <input name="tz" value="{E(Query("tz") ?? p.TimeZone)}" size="16"></label>
              {filters}
              <button type="submit">Apply</button> <a href="/dashboards/{E(d.Name)}">Reset</a>
            </form>
            """;
    }

    static string Option(string value, string text, bool selected) => $"<option value=\"{E(value)}\"{(selected ? " selected" : "")}>{E(text)}</option>";

    static string Words(string slug) => char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');
}
