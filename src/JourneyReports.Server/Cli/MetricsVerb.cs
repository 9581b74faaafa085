using System.Globalization;
using System.Text.Json;
using JourneyReports;

namespace JourneyReports.Server;

/// <summary>
/// metrics: prints any metric family for any period and filters, as JSON or CSV, against the configured warehouse.
/// How analysts script against the product, and how anyone checks a number without opening the portal.
/// </summary>
public static class MetricsVerb
{
    internal delegate Task<object> Family(JourneyMetrics metrics, ReportPeriod period, JourneyFilter filter, CliArgs args, CancellationToken ct);

    internal static readonly Dictionary<string, Family> Families = new()
    {
        ["kpis"] = async (m, p, f, _, ct) => ExecutiveWeekly.Kpis(await m.KpisAsync(p, f, ct), await m.KpisAsync(p.Previous(), f, ct)),
        ["funnel"] = async (m, p, f, _, ct) => await m.FunnelAsync(p, f, ct),
        ["trend"] = async (m, p, f, _, ct) => await m.WeeklyTrendAsync(p, f, ct),
        ["channel-mix"] = async (m, p, f, _, ct) => await m.ChannelMixAsync(p, f, ct),
        ["journey-kpis"] = async (m, p, f, a, ct) => await m.JourneyKpisAsync(p, null, f, a.Int("churn-days", 90), ct),
        ["funnel-detail"] = async (m, p, f, _, ct) => await m.FunnelDetailAsync(p, f, ct),
        ["funnel-by"] = async (m, p, f, a, ct) => await m.FunnelByAsync(p, f, a.Value("by") ?? throw new CliUsageException($"funnel-by needs --by, one of {string.Join(", ", JourneyMetrics.FunnelDimensions)}"), ct),
        ["touchpoints"] = async (m, p, f, a, ct) => (a.Value("by") ?? "channel") switch
        {
            "channel" => (await m.TouchpointsAsync(p, f, ct)).Channels,
            "device" => (await m.TouchpointsAsync(p, f, ct)).Devices,
            var by => throw new CliUsageException($"touchpoints --by '{by}' is not channel or device"),
        },
        ["cross-channel"] = async (m, p, f, a, ct) => await m.CrossChannelAsync(p, f, a.Int("lookback", 30), ct),
        ["departments"] = async (m, p, f, _, ct) => await m.DepartmentsAsync(p, f, ct),
        ["paths"] = async (m, p, f, a, ct) => await m.PathsAsync(p, f, Outcome(a), a.Int("max-length", 5), a.Int("top", 10), ct),
        ["flow"] = async (m, p, f, a, ct) => await m.FlowAsync(p, f, a.Int("top", 50), ct),
        ["attribution"] = async (m, p, f, a, ct) => await m.AttributionAsync(p, f, new AttributionOptions(a.Int("lookback", 30), a.Double("half-life", 7)), ct),
        ["experience-by-stage"] = async (m, p, f, _, ct) => await m.ExperienceByStageAsync(p, f, ct),
        ["experience-by-touchpoint"] = async (m, p, f, _, ct) => await m.ExperienceByTouchpointAsync(p, f, ct),
        ["experience-trend"] = async (m, p, f, a, ct) => await m.ExperienceTrendAsync(p, f, a.Value("grain") ?? "week", ct),
        ["pain-points"] = async (m, p, f, a, ct) => await m.PainPointsAsync(p, f, a.Int("within-days", 14), ct),
        ["late-delivery"] = async (m, p, f, a, ct) => await m.LateDeliveryEffectAsync(p, f, a.Int("churn-days", 90), ct),
        ["wait-time"] = async (m, p, f, a, ct) => await m.WaitTimeEffectAsync(p, f, a.Int("within-days", 2), ct),
        ["cohorts"] = async (m, p, f, a, ct) => await m.CohortRetentionAsync(p, f, a.Value("grain") ?? "month", ct),
        ["repeat-purchase"] = async (m, p, f, _, ct) => await m.RepeatPurchaseAsync(p, f, ct),
        ["churn"] = async (m, p, f, a, ct) => await m.ChurnAsync(p, f, a.Int("churn-days", 90), ct),
    };

    static PathOutcome Outcome(CliArgs args) => (args.Value("outcome") ?? "conversion") switch
    {
        "conversion" => PathOutcome.Conversion,
        "drop-off" => PathOutcome.DropOff,
        var o => throw new CliUsageException($"--outcome '{o}' is not conversion or drop-off"),
    };

    static readonly string[] FilterOptions = ["persona", "segment", "region", "channel", "device", "department"];

    public static string Usage =>
        $"metrics <{string.Join("|", Families.Keys)}> [--from yyyy-MM-dd --to yyyy-MM-dd] [--tz ZONE] [--format json|csv] " +
        string.Join(" ", FilterOptions.Select(o => $"[--{o} X]"));

    public static async Task<int> RunAsync(CliArgs args, JourneyReportsOptions options, ILoggerFactory logs)
    {
        args.OnlyKnown([.. FilterOptions, "from", "to", "tz", "format", "by", "grain", "top", "max-length", "outcome", "churn-days", "half-life", "lookback", "within-days"]);
        if (args.Positional.Count != 1 || !Families.TryGetValue(args.Positional[0], out var family))
            throw new CliUsageException($"name one metric family: {string.Join(", ", Families.Keys)}");
        var format = args.Value("format") ?? "json";
        if (format is not ("json" or "csv")) throw new CliUsageException($"--format '{format}' is not json or csv");
        var period = Period(args);
        var filter = new JourneyFilter(args.Value("persona"), args.Value("segment"), args.Value("region"), args.Value("channel"), args.Value("device"), args.Value("department"));

        var warehouse = Warehouse.From(options);
        object result;
        await using (var connection = await warehouse.OpenAsync(CancellationToken.None))
            result = await family(new JourneyMetrics(warehouse, connection), period, filter, args, CancellationToken.None);

        if (format == "json")
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
        else
            CsvExport.WriteRecords(Console.Out, result);
        return 0;
    }

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    static ReportPeriod Period(CliArgs args)
    {
        var zone = TimeZones.Find(args.Value("tz") ?? "UTC");
        var from = Date(args, "from");
        var to = Date(args, "to");
        if (from is null && to is null) return ReportPeriod.LastCompleteWeek(DateTimeOffset.UtcNow, zone);
        if (from is null || to is null) throw new CliUsageException("give both --from and --to, or neither for the last complete week");
        if (to < from) throw new CliUsageException($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        return ReportPeriod.Days(from.Value, to.Value, zone);
    }

    static DateOnly? Date(CliArgs args, string name) => args.Value(name) is not { } s ? null
        : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new CliUsageException($"--{name} '{s}' is not a date (yyyy-MM-dd)");
}
