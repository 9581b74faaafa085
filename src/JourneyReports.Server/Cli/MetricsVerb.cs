using System.Globalization;
using System.Text.Json;
using JourneyReports.Dashboards;
using JourneyReports.Journeys;
using JourneyReports.Warehouse;
using JourneyReports.Workbooks;

namespace JourneyReports.Server;

/// <summary>
/// metrics: prints any metric family for any period and filters, as JSON or CSV, against the configured warehouse.
/// How analysts script against the product, and how anyone checks a number without opening the portal.
/// </summary>
public static class MetricsVerb
{
    static IEnumerable<string> MetricOptions => MetricCatalog.Families.SelectMany(f => f.Options).Select(o => o.Name).Distinct();

    public static string Usage =>
        $"metrics <{string.Join("|", MetricCatalog.Names)}> [--from yyyy-MM-dd --to yyyy-MM-dd] [--tz ZONE] [--format json|csv] [--compare previous-period|same-period-last-year] [--xlsx FILE] " +
        string.Join(" ", DashboardFilters.Names.Select(o => $"[--{o} X]"));

    public static async Task<int> RunAsync(CliArgs args, IServiceProvider services)
    {
        var options = services.GetRequiredService<JourneyReportsOptions>();
        args.OnlyKnown([.. DashboardFilters.Names, "from", "to", "tz", "format", "compare", "xlsx", .. MetricOptions]);
        if (args.Positional.Count != 1 || MetricCatalog.Find(args.Positional[0]) is not { } family)
            throw new CliUsageException($"name one metric family: {string.Join(", ", MetricCatalog.Names)}");
        var format = args.Value("format") ?? "json";
        if (format is not ("json" or "csv")) throw new CliUsageException($"--format '{format}' is not json or csv");
        var period = Period(args);
        var compare = args.Value("compare");
        ReportPeriod? comparison = null;
        if (compare is not null)
        {
            if (format != "json") throw new CliUsageException("--compare needs --format json (the two periods are two result sets)");
            try { comparison = RelativePeriod.Comparison(compare, period); }
            catch (ArgumentException e) { throw new CliUsageException(e.Message); }
        }
        var filter = DashboardFilters.Read(args.Value).ToFilter();

        var warehouse = services.GetRequiredService<JourneyWarehouse>();
        object result;
        object? compared = null;
        await using (var connection = await warehouse.OpenAsync(CancellationToken.None))
        {
            var familyArgs = new MetricArgs(family.Options.Where(o => args.Value(o.Name) is not null).ToDictionary(o => o.Name, o => args.Value(o.Name)!));
            try
            {
                var metrics = new JourneyMetrics(warehouse, connection);
                result = await family.Run(metrics, period, filter, familyArgs, CancellationToken.None);
                if (comparison is not null)
                    compared = await family.Run(metrics, comparison, filter, familyArgs, CancellationToken.None);
            }
            catch (ArgumentException e)
            {
                // The catalog speaks in option names; on the command line they are flags, and a bad one is a usage error.
                throw new CliUsageException(e.Message);
            }
        }

        if (args.Value("xlsx") is { } xlsx)
        {
            await Cli.WriteWholeAsync(xlsx, file =>
            {
                if (result is IReadOnlyList<DepartmentReport> departments)
                    DepartmentWorkbook.Write("Department breakdown", period, departments, DateTimeOffset.UtcNow, options.CurrencySymbol, CultureInfo.GetCultureInfo(options.Culture), file);
                else
                    DetailWorkbookWriter.WriteRecords(file, family.Name, result);
                return ValueTask.CompletedTask;
            });
            Console.WriteLine($"Wrote {Path.GetFullPath(xlsx)}");
        }
        else if (compare is not null)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                Period = new { From = period.FirstDay, To = period.LastDay, period.TimeZoneId },
                Rows = result,
                Comparison = comparison is null ? null : new { From = comparison.FirstDay, To = comparison.LastDay, comparison.TimeZoneId },
                ComparisonRows = compared,
            }, Json));
        else if (format == "json")
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
