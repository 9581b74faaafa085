using System.Data.Common;
using Dapper;
using JourneyReports.Warehouse;

namespace JourneyReports.Journeys;

/// <summary>
/// Journey metrics, each one SQL file aggregated in the warehouse; only the small results come back.
/// </summary>
public sealed partial class JourneyMetrics(JourneyWarehouse warehouse, DbConnection connection)
{
    public JourneyWarehouse Warehouse => warehouse;

    public sealed record KpiRow(long Visitors, long Buyers, long Orders, decimal Revenue, double? Nps, double? Ces);

    public async Task<KpiRow> KpisAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct) =>
        await connection.QuerySingleAsync<KpiRow>(Command("kpis", Parameters(period, filter), ct));

    /// <summary>
    /// The ordered funnel from the first stage that occurs in the period's data (all six stages, at zero, when there is
    /// no data at all); drop-off is the share lost since the previous step.
    /// </summary>
    public async Task<IReadOnlyList<FunnelStep>> FunnelAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct)
    {
        var p = Parameters(period, filter);
        p.Add("window_days", warehouse.Journey.ConversionWindowDays);
        var counts = (await connection.QueryAsync<(int StageOrder, long Customers)>(Command("funnel", p, ct)))
            .ToDictionary(r => r.StageOrder, r => r.Customers);
        // Stages nobody reached have no row; the funnel runs from its first stage to the last, zeros included.
        return WithDropOff(counts.GetValueOrDefault, first: counts.Count == 0 ? 1 : counts.Keys.Min()).ToList();
    }

    /// <summary>One point per local week of the period, zero-filled where nothing happened.</summary>
    public async Task<IReadOnlyList<TrendPoint>> WeeklyTrendAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct)
    {
        var p = Parameters(period, filter);
        p.Add("tz", warehouse.Provider.TimeZoneName(period.TimeZoneId));
        var rows = (await connection.QueryAsync<(DateTime WeekStart, long Visitors, long Buyers, long Orders, decimal Revenue, double? Nps, double? Ces)>(
                Command("weekly_trend", p, ct)))
            .ToDictionary(r => DateOnly.FromDateTime(r.WeekStart));
        var points = new List<TrendPoint>();
        for (var week = MondayOf(period.FirstDay); week <= period.LastDay; week = week.AddDays(7))
            points.Add(rows.TryGetValue(week, out var r) ? new TrendPoint(week, r.Visitors, r.Orders, r.Revenue, r.Buyers, r.Nps, r.Ces) : new TrendPoint(week, 0, 0, 0));
        return points;
    }

    public async Task<IReadOnlyList<ChannelMixRow>> ChannelMixAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct) =>
        (await connection.QueryAsync<(string Stage, int StageOrder, string Channel, long Customers, double Share)>(Command("channel_mix", Parameters(period, filter), ct)))
            .Select(r => new ChannelMixRow(r.Stage, r.Channel, r.Customers, Math.Round((decimal)r.Share, 6)))
            .ToList();

    /// <summary>The newest event in the warehouse: how fresh the data behind a report is.</summary>
    /// <summary>Whether the period has any touchpoint event for the filters: without one, it has no data to report.</summary>
    public async Task<bool> HasEventsAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct) =>
        await connection.QuerySingleAsync<bool>(Command("has_events", Parameters(period, filter), ct));

    public async Task<DateTime?> DataUntilAsync(CancellationToken ct) =>
        await connection.QuerySingleAsync<DateTime?>(Command("data_until", null, ct));

    internal CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(warehouse.Sql(sql), parameters, commandTimeout: 300, cancellationToken: ct);

    internal static DynamicParameters Parameters(ReportPeriod period, JourneyFilter filter)
    {
        var p = new DynamicParameters();
        p.Add("start", period.StartUtc);
        p.Add("end", period.EndUtc);
        p.Add("persona", filter.Persona);
        p.Add("segment", filter.Segment);
        p.Add("region", filter.Region);
        p.Add("channel", filter.Channel);
        p.Add("device", filter.Device);
        p.Add("department", filter.Department);
        return p;
    }

    static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
