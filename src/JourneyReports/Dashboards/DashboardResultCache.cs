using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JourneyReports.Journeys;
using JourneyReports.Warehouse;

namespace JourneyReports.Dashboards;

/// <summary>
/// Dashboard results by everything that makes them what they are, so a dashboard asked for again (a reload, its PNG or
/// workbook, twenty people opening the same link) is drawn from the result in memory instead of querying the warehouse
/// again; twenty asking at once for one not yet computed wait for one run of its queries.
/// Whatever narrows the data a result holds must be part of <see cref="Key"/>: today that is the filters (a viewer's
/// data scope narrows the same filters, so it arrives here as filter values).
/// </summary>
public sealed class DashboardResultCache(int capacity) : IDisposable
{
    /// <param name="Definition">The definition's name and a hash of its loaded form and analyst SQL files: an edit is a new key.</param>
    /// <param name="Period">The period resolved to dates in its time zone, so "last-7-days" is a new key each day.</param>
    /// <param name="Filter">The filters applied, all of them, as the queries get them.</param>
    /// <param name="Datasets">The datasets asked for (JSON, sorted), or null for all.</param>
    /// <param name="DataVersion">The warehouse's data version: an import or a seed is a new key.</param>
    /// <param name="Restriction">The data scope analyst SQL ran under: the same filters for a viewer and for an analyst are different rows.</param>
    public sealed record Key(string Definition, ReportPeriod Period, ReportPeriod? Comparison, JourneyFilter Filter, string? Datasets, string DataVersion,
        JourneyFilter? Restriction = null);

    readonly SingleFlightCache<Key, DashboardResult> results = new(capacity);

    /// <summary>How many times the queries have been run rather than a result reused.</summary>
    public int Computations => results.Computations;

    /// <summary>
    /// The result of <see cref="DashboardComposer.RunAsync"/> for <paramref name="definition"/> (parameters applied) as
    /// of now: reused when it is kept, else computed. The queries run on their own: <paramref name="ct"/> (the request
    /// going away) stops only this caller's wait, never the computation others are waiting for.
    /// </summary>
    public Task<DashboardResult> GetAsync(DashboardDefinition definition, JourneyWarehouse warehouse, TimeProvider clock, CancellationToken ct,
        IReadOnlyCollection<string>? only = null, JourneyFilter? restriction = null)
    {
        // One instant for the key and the run, so the result is for the dates its key names even across midnight.
        var now = clock.GetUtcNow();
        var key = KeyOf(definition, now, warehouse.Provider.DataVersion, only) with { Restriction = restriction };
        return results.GetAsync(key, token => DashboardComposer.RunAsync(definition, warehouse, new AsOf(now), token, only, restriction), ct, Keep);
    }

    /// <summary>Metric results are tens to hundreds of rows; an analyst query may return 100,000.</summary>
    public const int MaxRowsKept = 10_000;

    // A result with a failed dataset is not kept: the failure may pass (a query past its time limit while the machine is
    // busy), and kept it would be shown to everyone until the data changes. Requests arriving while it runs still share
    // it, so a broken dashboard costs one run per wave of requests, not one per request. Nor is a result of more than
    // MaxRowsKept rows: the entry limit bounds the memory only while entries are small.
    static bool Keep(DashboardResult result) =>
        result.Datasets.Values.All(d => d.Error is null) && result.Datasets.Values.Sum(d => d.Rows.Count) <= MaxRowsKept;

    // Drawings live as long as their result: kept with a kept result, collected with it when it is dropped.
    readonly ConditionalWeakTable<DashboardResult, ConcurrentDictionary<string, Lazy<object>>> drawings = new();

    /// <summary>
    /// What <paramref name="draw"/> makes of <paramref name="result"/> (its SVG, PNG or workbook, named by
    /// <paramref name="what"/>), made once and kept with the result: for a kept result drawing costs more than finding it,
    /// and twenty people opening one link would otherwise draw it twenty times. The definition's parameters as written and
    /// the culture are part of what is drawn (the workbook's About sheet names the period as given).
    /// </summary>
    public T Drawn<T>(DashboardResult result, DashboardDefinition definition, CultureInfo culture, string what, Func<T> draw) where T : class
    {
        var key = $"{what}\n{culture.Name}\n{culture.NumberFormat.CurrencySymbol}\n{JsonSerializer.Serialize(definition.Parameters, DashboardDefinition.Json)}";
        var made = drawings.GetValue(result, _ => new ConcurrentDictionary<string, Lazy<object>>());
        var drawing = made.GetOrAdd(key, _ => new Lazy<object>(draw));
        try
        {
            return (T)drawing.Value;
        }
        catch
        {
            made.TryRemove(new KeyValuePair<string, Lazy<object>>(key, drawing));   // a drawing that failed is not kept
            throw;
        }
    }

    public static Key KeyOf(DashboardDefinition definition, DateTimeOffset now, string dataVersion, IReadOnlyCollection<string>? only)
    {
        var (period, comparison, filter) = DashboardComposer.Resolve(definition, now);
        return new Key($"{definition.Name}:{Fingerprint(definition)}", period, comparison, filter,
            only is null ? null : JsonSerializer.Serialize(only.Distinct().Order(StringComparer.Ordinal)), dataVersion);
    }

    /// <summary>
    /// A hash of the definition as loaded (every dataset, visual and layout), the file it came from, and the name, write
    /// time and size of each analyst SQL file it reads, which the loaded form only names. Its parameters are left out:
    /// the key holds what they resolve to, so "last-28-days" and the same dates given as from and to share a result.
    /// </summary>
    static string Fingerprint(DashboardDefinition definition)
    {
        var loaded = JsonSerializer.SerializeToNode(definition, DashboardDefinition.Json)!.AsObject();
        loaded.Remove("parameters");
        var text = new StringBuilder(definition.FileName).Append('\n').Append(loaded.ToJsonString());
        foreach (var sql in definition.Datasets.Values.Select(d => d.Sql).OfType<string>())
            if (AnalystSqlFile.Resolve(definition.FileName, sql, out _) is { } file && new FileInfo(file) is { Exists: true } info)
                text.Append('\n').Append(file).Append(' ').Append(info.LastWriteTimeUtc.Ticks).Append(' ').Append(info.Length);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public void Dispose() => results.Dispose();
}
