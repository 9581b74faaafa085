namespace JourneyReports.Dashboards;

public static partial class MetricCatalog
{
    /// <summary>
    /// The SQL files (under sql/warehouse/{dialect}/) each family reads, all of them whatever its options: what makes a
    /// family ported to a dialect is that the dialect's folder has every one. A test keeps this list and the families in step.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> SqlFiles = new Dictionary<string, IReadOnlyList<string>>
    {
        ["kpis"] = ["kpis", "weekly_trend"],
        ["funnel"] = ["funnel"],
        ["trend"] = ["weekly_trend"],
        ["channel-mix"] = ["channel_mix"],
        ["journey-kpis"] = ["journey_kpis"],
        ["funnel-detail"] = ["funnel_detail"],
        ["funnel-by"] = ["funnel_by_customer", "funnel_by_touchpoint", "funnel_by_department"],
        ["touchpoints"] = ["touchpoints"],
        ["cross-channel"] = ["cross_channel"],
        ["departments"] = ["department_kpis", "funnel_by_department"],
        ["paths"] = ["paths"],
        ["flow"] = ["flow"],
        ["attribution"] = ["attribution"],
        ["experience-by-stage"] = ["experience_by"],
        ["experience-by-touchpoint"] = ["experience_by"],
        ["experience-trend"] = ["experience_trend"],
        ["pain-points"] = ["pain_points"],
        ["journey-map"] = ["funnel_detail", "touchpoints", "experience_by", "pain_points"],
        ["late-delivery"] = ["late_delivery_effect"],
        ["wait-time"] = ["wait_time_effect"],
        ["cohorts"] = ["cohort_retention"],
        ["repeat-purchase"] = ["repeat_purchase"],
        ["churned-vs-retained"] = ["churn_groups"],
        ["churn-channels"] = ["churn_channels"],
        ["churn"] = ["churn_groups", "churn_channels"],
    };

    /// <summary>What every dashboard run reads besides its families (whether the period has data, how fresh it is).</summary>
    public static readonly IReadOnlyList<string> RunSqlFiles = ["has_events", "data_until", "filter_values"];

    /// <summary>The SQL files of <paramref name="family"/> that <paramref name="dialect"/>'s folder lacks: empty when it is ported.</summary>
    public static IReadOnlyList<string> MissingSql(string family, string dialect)
    {
        var present = SqlScripts.Under($"warehouse/{dialect}").Select(p => Path.GetFileNameWithoutExtension(p)).ToHashSet(StringComparer.Ordinal);
        return [.. SqlFiles[family].Where(f => !present.Contains(f))];
    }
}
