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

    /// <summary>
    /// The headline numbers of a period. A whole Monday–Sunday week this run has already counted in a weekly trend is
    /// that week's point: the trend counts each week as kpis.sql counts a period (same sources, filters and measures).
    /// </summary>
    public async Task<KpiRow> KpisAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct) =>
        period.FirstDay.DayOfWeek == DayOfWeek.Monday && period.LastDay == period.FirstDay.AddDays(6)
        && countedWeeks.TryGetValue((filter, period.TimeZoneId, period.FirstDay), out var week)
            ? new KpiRow(week.Visitors, week.Buyers, week.Orders, week.Revenue, week.Nps, week.Ces)
            : await connection.QuerySingleAsync<KpiRow>(Command("kpis", Parameters(period, filter), ct));

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

    /// <summary>
    /// One point per local week of the period, zero-filled where nothing happened. A whole week's numbers depend on its
    /// own events only, so whole weeks counted once are kept for the rest of this instance (one dashboard run): the KPI
    /// tiles' 8-week sparkline and a 12-week trend ending the same Sunday count those 8 weeks once.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> WeeklyTrendAsync(ReportPeriod period, JourneyFilter filter, CancellationToken ct)
    {
        var weeks = new List<DateOnly>();
        for (var week = MondayOf(period.FirstDay); week <= period.LastDay; week = week.AddDays(7)) weeks.Add(week);
        bool Whole(DateOnly week) => week >= period.FirstDay && week.AddDays(6) <= period.LastDay;
        (JourneyFilter, string, DateOnly) Key(DateOnly week) => (filter, period.TimeZoneId, week);
        var points = new Dictionary<DateOnly, TrendPoint>();
        foreach (var week in weeks)
            if (Whole(week) && countedWeeks.TryGetValue(Key(week), out var counted)) points[week] = counted;
        var missing = weeks.Where(w => !points.ContainsKey(w)).ToList();
        if (missing.Count > 0)
        {
            // Only the span of the weeks not yet counted is read (a counted week inside it is read again).
            var first = missing[0] < period.FirstDay ? period.FirstDay : missing[0];
            var last = missing[^1].AddDays(6) > period.LastDay ? period.LastDay : missing[^1].AddDays(6);
            var span = ReportPeriod.Days(first, last, TimeZoneInfo.FindSystemTimeZoneById(period.TimeZoneId));
            var p = Parameters(span, filter);
            p.Add("tz", warehouse.Provider.TimeZoneName(period.TimeZoneId));
            var rows = (await connection.QueryAsync<(DateTime WeekStart, long Visitors, long Buyers, long Orders, decimal Revenue, double? Nps, double? Ces)>(
                    Command("weekly_trend", p, ct)))
                .ToDictionary(r => DateOnly.FromDateTime(r.WeekStart));
            foreach (var week in missing)
            {
                points[week] = rows.TryGetValue(week, out var r) ? new TrendPoint(week, r.Visitors, r.Orders, r.Revenue, r.Buyers, r.Nps, r.Ces) : new TrendPoint(week, 0, 0, 0);
                if (Whole(week)) countedWeeks[Key(week)] = points[week];
            }
        }
        return weeks.Select(w => points[w]).ToList();
    }

    readonly Dictionary<(JourneyFilter Filter, string Zone, DateOnly Week), TrendPoint> countedWeeks = [];

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
