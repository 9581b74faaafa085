namespace JourneyReports;

/// <summary>The "Executive weekly journey" report: last complete week against the week before.</summary>
public static class ExecutiveWeekly
{
    public const string ReportId = "executive-weekly";
    public const string Title = "Executive weekly journey";
    public const int TrendWeeks = 12;

    public static async Task<ExecutiveWeeklyData> LoadAsync(
        JourneyMetrics metrics, ReportPeriod period, JourneyFilter filter, DateTimeOffset generatedAt, string currencySymbol, CancellationToken ct)
    {
        var previous = period.Previous();
        var now = await metrics.KpisAsync(period, filter, ct);
        var before = await metrics.KpisAsync(previous, filter, ct);
        var trend = await metrics.WeeklyTrendAsync(period.TrailingWeeks(TrendWeeks), filter, ct);
        return new ExecutiveWeeklyData(
            Title, period, previous, generatedAt,
            await metrics.DataUntilAsync(ct),
            Kpis(now, before, trend),
            await metrics.FunnelAsync(period, filter, ct),
            trend,
            await metrics.ChannelMixAsync(period, filter, ct),
            currencySymbol);
    }

    /// <summary>The seven headline KPIs; with <paramref name="weeks"/>, each carries its weekly values as a sparkline.</summary>
    public static IReadOnlyList<Kpi> Kpis(JourneyMetrics.KpiRow now, JourneyMetrics.KpiRow before, IReadOnlyList<TrendPoint>? weeks = null)
    {
        IReadOnlyList<double?>? Spark(Func<TrendPoint, double?> value) => weeks is null ? null : [.. weeks.Select(value)];
        return
        [
            new("visitors", "Visitors", now.Visitors, before.Visitors, KpiFormat.Count, Spark(w => w.Visitors)),
            new("conversion", "Conversion rate", Rate(now.Buyers, now.Visitors), Rate(before.Buyers, before.Visitors), KpiFormat.Percent,
                Spark(w => (double?)w.Conversion)),
            new("orders", "Orders", now.Orders, before.Orders, KpiFormat.Count, Spark(w => w.Orders)),
            new("revenue", "Revenue", now.Revenue, before.Revenue, KpiFormat.Currency, Spark(w => (double)w.Revenue)),
            new("aov", "Average order value", Rate(now.Revenue, now.Orders), Rate(before.Revenue, before.Orders), KpiFormat.Currency,
                Spark(w => (double?)w.AverageOrderValue)),
            new("nps", "NPS", Score(now.Nps), Score(before.Nps), KpiFormat.Score, Spark(w => w.Nps)),
            new("ces", "Customer effort (CES)", Score(now.Ces), Score(before.Ces), KpiFormat.Score, Spark(w => w.Ces)),
        ];
    }

    static decimal? Rate(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part / whole, 6);
    static decimal? Score(double? value) => value is null ? null : Math.Round((decimal)value.Value, 2);
}
