namespace JourneyReports.Warehouse;

/// <summary>
/// What an analyst query may read: the journey model's tables and the table macros that apply identity stitching, the
/// stage map and the report filters, and the values it may use, by the names the metric SQL uses.
/// </summary>
public static class JourneyModel
{
    public static readonly IReadOnlyList<string> Tables =
        ["customers", "products", "events", "identities", "orders", "order_lines", "support_tickets", "surveys", "warehouse_info", "journey_stage_map"];

    public static readonly IReadOnlyList<string> Macros = ["journey_events", "journey_orders", "journey_surveys", "journey_tickets"];

    /// <summary>The model's scalar macros: the survey scores, defined once for every query (see journey_macros.sql).</summary>
    public static readonly IReadOnlyList<string> ScalarMacros = ["nps_score", "csat_share", "survey_scores"];

    public static readonly IReadOnlyList<string> ParameterNames = ["start", "end", "persona", "segment", "region", "channel", "device", "department"];
}

/// <summary>A column an analyst query returns, with the field kind dashboards check visuals against.</summary>
public sealed record AnalystColumn(string Name, FieldKind Kind);

/// <summary>The outcome of checking an analyst query: its problems (empty when it passes) and, if it binds, its columns.</summary>
public sealed record AnalystSqlCheck(IReadOnlyList<string> Problems, IReadOnlyList<AnalystColumn> Columns)
{
    public bool Passed => Problems.Count == 0;

    /// <summary>The statement as the warehouse's parser printed it back: one statement, no comments, no semicolon; what runs.</summary>
    public string NormalizedSql { get; init; } = "";

    public IReadOnlySet<string> Parameters { get; init; } = new HashSet<string>();

    public static AnalystSqlCheck Fail(string problem) => new([problem], []);
}
