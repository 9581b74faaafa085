using Dapper;
using JourneyReports.Warehouse;

namespace JourneyReports.Journeys;

/// <summary>
/// One stage of the funnel in detail. Customers and DropOff are the ordered funnel (as <see cref="FunnelStep"/>);
/// Reached counts visitors with any event of the stage, in any order; the hours are from the previous stage to this
/// one for the visitors who made that step of the ordered funnel, interpolated (null for the first stage or when nobody did).
/// </summary>
public sealed record FunnelDetailStep(
    int Order, string Stage, long Customers, decimal? DropOff, long Reached, double? MedianHoursFromPrevious, double? P90HoursFromPrevious);

/// <summary>The ordered funnel of the visitors with one value of a breakdown dimension.</summary>
public sealed record FunnelBreakdownRow(string Value, int Order, string Stage, long Customers, decimal? DropOff);

public sealed partial class JourneyMetrics
{
    // Each dimension names the fixed query that breaks the funnel down by it (the first two pick their column with a
    // CASE on $dimension). A customer attribute is one per visitor, so it is attached after the funnel; a touchpoint or
    // department varies event by event, so the funnel runs per value.
    static readonly Dictionary<string, string> FunnelByQuery = new(StringComparer.Ordinal)
    {
        ["persona"] = "funnel_by_customer", ["segment"] = "funnel_by_customer", ["region"] = "funnel_by_customer",
        ["channel"] = "funnel_by_touchpoint", ["device"] = "funnel_by_touchpoint",
        ["department"] = "funnel_by_department",
    };

    /// <summary>The dimensions <see cref="FunnelByAsync"/> accepts.</summary>
    public static readonly IReadOnlyList<string> FunnelDimensions = ["persona", "segment", "region", "channel", "device", "department"];

    public async Task<IReadOnlyList<FunnelDetailStep>> FunnelDetailAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct)
    {
        var p = Parameters(period, filter);
        p.Add("window_days", warehouse.Journey.ConversionWindowDays);
        var rows = (await connection.QueryAsync<(int StageOrder, long Customers, long Reached, double? Median, double? P90)>(Command("funnel_detail", p, ct)))
            .ToDictionary(r => r.StageOrder);
        return WithDropOff(order => rows.GetValueOrDefault(order).Customers).Select((s, i) =>
        {
            var r = rows.GetValueOrDefault(s.Order);
            return new FunnelDetailStep(s.Order, s.Stage, s.Customers, s.DropOff, r.Reached, i == 0 ? null : r.Median, i == 0 ? null : r.P90);
        }).ToList();
    }

    /// <summary>
    /// The ordered funnel per value of <paramref name="dimension"/> (one of <see cref="FunnelDimensions"/>), each value
    /// with all six stages. A value's funnel is the funnel with the filter set to that value; for persona, segment and
    /// region, anonymous visitors form the value "unknown".
    /// </summary>
    public async Task<IReadOnlyList<FunnelBreakdownRow>> FunnelByAsync(ReportPeriod period, JourneyFilter filter, string dimension, CancellationToken ct)
    {
        var query = QueryFor(dimension);
        var p = Parameters(period, filter);
        p.Add("window_days", warehouse.Journey.ConversionWindowDays);
        p.Add("dimension", dimension);
        var rows = await connection.QueryAsync<(string Value, int StageOrder, long Customers)>(Command(query, p, ct));
        return rows.GroupBy(r => r.Value, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var counts = g.ToDictionary(r => r.StageOrder, r => r.Customers);
                return WithDropOff(counts.GetValueOrDefault).Select(s => new FunnelBreakdownRow(g.Key, s.Order, s.Stage, s.Customers, s.DropOff));
            })
            .ToList();
    }

    // Checked before any SQL runs: the name only ever selects one of the fixed queries, never text of the SQL.
    static string QueryFor(string dimension) =>
        dimension is not null && FunnelByQuery.TryGetValue(dimension, out var query) ? query
        : throw new ArgumentException(
            $"Unknown funnel dimension '{dimension}'. Allowed: {string.Join(", ", FunnelDimensions)}.", nameof(dimension));

    /// <summary>
    /// The stages from <paramref name="first"/> to the last with their customers (by stage order) and the share lost
    /// since the previous stage.
    /// </summary>
    static IEnumerable<FunnelStep> WithDropOff(Func<int, long> customersAt, int first = 1)
    {
        long? previous = null;
        for (var order = first; order <= JourneyStages.InOrder.Count; order++)
        {
            var customers = customersAt(order);
            decimal? dropOff = previous is null or 0 ? null : 1m - (decimal)customers / previous.Value;
            yield return new FunnelStep(order, JourneyStages.InOrder[order - 1], customers, dropOff);
            previous = customers;
        }
    }
}
