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
    delegate Task<object> Family(JourneyMetrics metrics, ReportPeriod period, JourneyFilter filter, CliArgs args, CancellationToken ct);

    static readonly Dictionary<string, Family> Families = new()
    {
        ["kpis"] = async (m, p, f, _, ct) => ExecutiveWeekly.Kpis(await m.KpisAsync(p, f, ct), await m.KpisAsync(p.Previous(), f, ct)),
        ["funnel"] = async (m, p, f, _, ct) => await m.FunnelAsync(p, f, ct),
        ["trend"] = async (m, p, f, _, ct) => await m.WeeklyTrendAsync(p, f, ct),
        ["channel-mix"] = async (m, p, f, _, ct) => await m.ChannelMixAsync(p, f, ct),
    };

    static readonly string[] FilterOptions = ["persona", "segment", "region", "channel", "device", "department"];

    public static string Usage =>
        $"metrics <{string.Join("|", Families.Keys)}> [--from yyyy-MM-dd --to yyyy-MM-dd] [--tz ZONE] [--format json|csv] " +
        string.Join(" ", FilterOptions.Select(o => $"[--{o} X]"));

    public static async Task<int> RunAsync(CliArgs args, JourneyReportsOptions options, ILoggerFactory logs)
    {
        args.OnlyKnown([.. FilterOptions, "from", "to", "tz", "format", "by", "grain", "top", "max-length", "outcome", "churn-days", "half-life", "lookback"]);
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
