using System.Globalization;
using JourneyReports.Rendering;
using JourneyReports.Workbooks;

namespace JourneyReports.Dashboards;

/// <summary>The lines a dashboard workbook shares with the dashboard's PNG header, written the same way.</summary>
internal static class DashboardWorkbookText
{
    public static string Title(DashboardDefinition definition) =>
        string.IsNullOrWhiteSpace(definition.Title) ? definition.Name : definition.Title;

    /// <summary>"Week 16–22 Nov 2026 vs 9–15 Nov 2026", or "Period 1–24 Nov 2026" without a comparison.</summary>
    public static string PeriodLine(DashboardResult result, CultureInfo culture) =>
        result.Comparison is { } comparison
            ? ReportFormat.PeriodLine(result.Period, comparison, culture)
            : "Period " + ReportFormat.Period(result.Period, culture);

    /// <summary>"Generated 23 Nov 2026 08:00 (Europe/London) · data until 23 Nov 2026 06:15", or "· no data loaded yet".</summary>
    public static string GeneratedLine(DashboardResult result, CultureInfo culture) =>
        ReportFormat.GeneratedLine(result.GeneratedAt, result.DataUntilUtc, result.Period.TimeZoneId, culture)
        + (result.DataUntilUtc is null ? " · " + WorkbookText.NoData : "");

    /// <summary>The period as the definition states it: a relative range's name or "2026-11-01 to 2026-11-30".</summary>
    public static string PeriodAsDefined(PeriodParameter period) => period.Relative ?? $"{period.From} to {period.To}";

    /// <summary>"metric funnel-by (by: persona)" or "sql queries/top.sql".</summary>
    public static string Source(DatasetDefinition? dataset) => dataset switch
    {
        null => "",
        { Metric: { } metric } => "metric " + metric + (dataset.Options.Count == 0 ? ""
            : " (" + string.Join(", ", dataset.Options.Select(o => $"{o.Key}: {Option(o.Value)}")) + ")"),
        _ => "sql " + dataset.Sql,
    };

    static string Option(System.Text.Json.JsonElement value) =>
        value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
}
