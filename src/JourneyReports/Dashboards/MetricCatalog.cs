using System.Globalization;
using JourneyReports.Journeys;

namespace JourneyReports.Dashboards;

/// <summary>An option a metric family takes: its kind ("int", "number" or "text"), for text the allowed values, for int its range.</summary>
public sealed record MetricOption(string Name, string Kind, IReadOnlyList<string>? Allowed = null, int Min = int.MinValue, int Max = int.MaxValue);

/// <summary>
/// A metric family by name: what it returns one row of (<see cref="RowType"/>, read by reflection for the fields a
/// dashboard may show) and how to compute it.
/// </summary>
public sealed record MetricFamily(string Name, Type RowType, IReadOnlyList<MetricOption> Options,
    Func<JourneyMetrics, ReportPeriod, JourneyFilter, MetricArgs, CancellationToken, Task<object>> Run);

/// <summary>Option values by name, as text (from the command line or a dashboard definition).</summary>
public sealed class MetricArgs(IReadOnlyDictionary<string, string> values)
{
    public static readonly MetricArgs None = new(new Dictionary<string, string>());

    public string? Value(string name) => values.TryGetValue(name, out var v) ? v : null;

    public int Int(string name, int fallback) => Value(name) is not { } s ? fallback
        : int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i
        : throw new ArgumentException($"{name} '{s}' is not a whole number");

    /// <summary>A whole number that must lie in min..max (the command line reaches here without the definition validator).</summary>
    public int Int(string name, int fallback, int min, int max) => Int(name, fallback) is var i && i >= min && i <= max ? i
        : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not {i}");

    public double Double(string name, double fallback) => Value(name) is not { } s ? fallback
        : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
        : throw new ArgumentException($"{name} '{s}' is not a number");
}

/// <summary>
/// Every journey metric family by name: the one registry the metrics verb and dashboard definitions share, so a name
/// that works on the command line works in a dashboard and vice versa.
/// </summary>
public static partial class MetricCatalog
{
    static MetricOption Int(string name) => new(name, "int");
    static MetricOption Int(string name, int min, int max) => new(name, "int", Min: min, Max: max);
    static MetricOption Number(string name) => new(name, "number");
    static MetricOption Text(string name, params string[] allowed) => new(name, "text", allowed);

    static MetricFamily F<TRow>(string name, Func<JourneyMetrics, ReportPeriod, JourneyFilter, MetricArgs, CancellationToken, Task<object>> run,
        params MetricOption[] options) => new(name, typeof(TRow), options, run);

    public static readonly IReadOnlyList<MetricFamily> Families =
    [
        // The sparkline first: when the period is a whole week, it and the week before are two of the sparkline's weeks.
        F<Kpi>("kpis", async (m, p, f, a, ct) =>
            {
                var weeks = await m.WeeklyTrendAsync(p.TrailingWholeWeeks(a.Int("sparkline-weeks", 8, 2, 52)), f, ct);
                return Kpi.Headline(await m.KpisAsync(p, f, ct), await m.KpisAsync(p.Previous(), f, ct), weeks);
            },
            Int("sparkline-weeks", 2, 52)),
        F<FunnelStep>("funnel", async (m, p, f, _, ct) => await m.FunnelAsync(p, f, ct)),
        // By default the weeks of the period; "weeks" asks for that many whole weeks ending with the period's last Sunday
        // instead (a trend of a one-week period would be a dot).
        F<TrendPoint>("trend", async (m, p, f, a, ct) => await m.WeeklyTrendAsync(a.Value("weeks") is null ? p : p.TrailingWholeWeeks(a.Int("weeks", 12, 1, 260)), f, ct),
            Int("weeks", 1, 260)),
        F<ChannelMixRow>("channel-mix", async (m, p, f, _, ct) => await m.ChannelMixAsync(p, f, ct)),
        F<Kpi>("journey-kpis", async (m, p, f, a, ct) => await m.JourneyKpisAsync(p, null, f, a.Int("churn-days", 90), ct), Int("churn-days")),
        F<FunnelDetailStep>("funnel-detail", async (m, p, f, _, ct) => await m.FunnelDetailAsync(p, f, ct)),
        F<FunnelBreakdownRow>("funnel-by", async (m, p, f, a, ct) => await m.FunnelByAsync(p, f, a.Value("by")
            ?? throw new ArgumentException($"funnel-by needs --by, one of {string.Join(", ", JourneyMetrics.FunnelDimensions)}"), ct),
            Text("by", [.. JourneyMetrics.FunnelDimensions])),
        F<TouchpointShare>("touchpoints", async (m, p, f, a, ct) => (a.Value("by") ?? "channel") switch
        {
            "channel" => (await m.TouchpointsAsync(p, f, ct)).Channels,
            "device" => (await m.TouchpointsAsync(p, f, ct)).Devices,
            var by => throw new ArgumentException($"touchpoints --by '{by}' is not channel or device"),
        }, Text("by", "channel", "device")),
        F<CrossChannel>("cross-channel", async (m, p, f, a, ct) => await m.CrossChannelAsync(p, f, a.Int("lookback", 30), ct), Int("lookback")),
        F<DepartmentReport>("departments", async (m, p, f, _, ct) => await m.DepartmentsAsync(p, f, ct)),
        F<PathRow>("paths", async (m, p, f, a, ct) => await m.PathsAsync(p, f, Outcome(a), a.Int("max-length", 5), a.Int("top", 10), ct),
            Text("outcome", "conversion", "drop-off"), Int("max-length"), Int("top")),
        F<FlowLink>("flow", async (m, p, f, a, ct) => await m.FlowAsync(p, f, a.Int("top", 50), ct), Int("top")),
        F<AttributionRow>("attribution", async (m, p, f, a, ct) =>
            await m.AttributionAsync(p, f, new AttributionOptions(a.Int("lookback", 30), a.Double("half-life", 7)), ct),
            Int("lookback"), Number("half-life")),
        F<JourneyMetrics.ExperienceRow>("experience-by-stage", async (m, p, f, _, ct) => await m.ExperienceByStageAsync(p, f, ct)),
        F<JourneyMetrics.ExperienceRow>("experience-by-touchpoint", async (m, p, f, _, ct) => await m.ExperienceByTouchpointAsync(p, f, ct)),
        F<JourneyMetrics.ExperiencePoint>("experience-trend", async (m, p, f, a, ct) => await m.ExperienceTrendAsync(p, f, a.Value("grain") ?? "week", ct),
            Text("grain", [.. JourneyMetrics.Grains])),
        F<JourneyMetrics.PainPoint>("pain-points", async (m, p, f, a, ct) => await m.PainPointsAsync(p, f, a.Int("within-days", 14), ct), Int("within-days")),
        F<JourneyMapStage>("journey-map", async (m, p, f, a, ct) => await m.JourneyMapAsync(p, f, a.Int("within-days", 14, 1, 365), ct),
            Int("within-days", 1, 365)),
        F<JourneyMetrics.DeliveryGroup>("late-delivery", async (m, p, f, a, ct) => await m.LateDeliveryEffectAsync(p, f, a.Int("churn-days", 90), ct), Int("churn-days")),
        F<JourneyMetrics.WaitBand>("wait-time", async (m, p, f, a, ct) => await m.WaitTimeEffectAsync(p, f, a.Int("within-days", 2), ct), Int("within-days")),
        F<JourneyMetrics.CohortCell>("cohorts", async (m, p, f, a, ct) => await m.CohortRetentionAsync(p, f, a.Value("grain") ?? "month", ct),
            Text("grain", [.. JourneyMetrics.Grains])),
        F<JourneyMetrics.RepeatPurchase>("repeat-purchase", async (m, p, f, _, ct) => await m.RepeatPurchaseAsync(p, f, ct)),
        F<JourneyMetrics.ChurnGroup>("churned-vs-retained", async (m, p, f, a, ct) => await m.ChurnGroupsAsync(p, f, a.Int("churn-days", 90), ct),
            Int("churn-days")),
        F<JourneyMetrics.ChannelShare>("churn-channels", async (m, p, f, a, ct) =>
            (await m.ChurnChannelsAsync(p, f, a.Int("churn-days", 90), ct)).OrderByDescending(c => c.Churned).ToList(), Int("churn-days")),
        F<JourneyMetrics.ChurnReport>("churn", async (m, p, f, a, ct) => await m.ChurnAsync(p, f, a.Int("churn-days", 90), ct), Int("churn-days")),
    ];

    static readonly Dictionary<string, MetricFamily> ByName = Families.ToDictionary(f => f.Name);

    public static IEnumerable<string> Names => Families.Select(f => f.Name);

    public static MetricFamily? Find(string name) => ByName.GetValueOrDefault(name);

    static PathOutcome Outcome(MetricArgs args) => (args.Value("outcome") ?? "conversion") switch
    {
        "conversion" => PathOutcome.Conversion,
        "drop-off" => PathOutcome.DropOff,
        var o => throw new ArgumentException($"--outcome '{o}' is not conversion or drop-off"),
    };
}
