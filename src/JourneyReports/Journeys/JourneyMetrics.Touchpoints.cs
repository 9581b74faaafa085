using Dapper;

namespace JourneyReports.Journeys;

/// <summary>
/// Visitors of a stage who used one channel (or device) at that stage, as a share of all the stage's visitors. A
/// visitor may use several, so a stage's shares can add up to more than 1.
/// </summary>
public sealed record TouchpointShare(string Stage, string Value, long Visitors, long StageVisitors, decimal Share);

public sealed record Touchpoints(IReadOnlyList<TouchpointShare> Channels, IReadOnlyList<TouchpointShare> Devices);

/// <summary>Purchasers who used <see cref="Label"/> ("1", "2", "3" or "4+") distinct channels or devices.</summary>
public sealed record CountBucket(string Label, long Visitors, decimal? Share);

/// <summary>
/// How many distinct channels and devices purchasers used in the lookback up to and including their first purchase of
/// the period. The averages are exact (not from the capped buckets).
/// </summary>
public sealed record CrossChannel(
    long Purchasers, int LookbackDays, IReadOnlyList<CountBucket> Channels, IReadOnlyList<CountBucket> Devices,
    decimal? AverageChannels, decimal? AverageDevices);

public sealed partial class JourneyMetrics
{
    public async Task<Touchpoints> TouchpointsAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<(string Stage, int StageOrder, string Kind, string Value, long Visitors, long StageVisitors, double Share)>(
            Command("touchpoints", Parameters(period, filter), ct))).ToList();
        List<TouchpointShare> Of(string kind) => rows.Where(r => r.Kind == kind)
            .Select(r => new TouchpointShare(r.Stage, r.Value, r.Visitors, r.StageVisitors, Math.Round((decimal)r.Share, 6))).ToList();
        return new Touchpoints(Of("channel"), Of("device"));
    }

    /// <summary>Cross-channel journeys with the conversion window as the lookback.</summary>
    public Task<CrossChannel> CrossChannelAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct) =>
        CrossChannelAsync(period, filter, warehouse.Journey.ConversionWindowDays, ct);

    public async Task<CrossChannel> CrossChannelAsync(ReportPeriod period, JourneyFilter filter, int lookbackDays, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lookbackDays);
        var p = Parameters(period, filter);
        p.Add("lookback_days", lookbackDays);
        var rows = (await connection.QueryAsync<(long Channels, long Devices, long Visitors, long ChannelSum, long DeviceSum)>(
            Command("cross_channel", p, ct))).ToList();
        var total = rows.Sum(r => r.Visitors);
        List<CountBucket> Histogram(Func<(long Channels, long Devices, long Visitors, long ChannelSum, long DeviceSum), long> bucket) =>
            Enumerable.Range(1, 4).Select(b =>
            {
                var n = rows.Where(r => bucket(r) == b).Sum(r => r.Visitors);
                return new CountBucket(b == 4 ? "4+" : b.ToString(System.Globalization.CultureInfo.InvariantCulture), n, Ratio(n, total));
            }).ToList();
        return new CrossChannel(total, lookbackDays, Histogram(r => r.Channels), Histogram(r => r.Devices),
            Ratio(rows.Sum(r => r.ChannelSum), total), Ratio(rows.Sum(r => r.DeviceSum), total));
    }

    static decimal? Ratio(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part / whole, 6);
}
