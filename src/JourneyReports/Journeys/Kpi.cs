namespace JourneyReports.Journeys;

/// <summary>How a KPI value is written: counts and money as whole numbers, rates as percentages, scores with one decimal.</summary>
public enum KpiFormat { Count, Percent, Currency, Score }

/// <summary>
/// A headline number for the period and the comparison period. <paramref name="Trend"/> is the KPI per week up to the
/// period's end (oldest first, null where a week has no value), drawn as the tile's sparkline.
/// </summary>
public sealed record Kpi(string Key, string Label, decimal? Value, decimal? Previous, KpiFormat Format, IReadOnlyList<double?>? Trend = null)
{
    /// <summary>Relative change (0.1 = +10%) for counts and money; absolute change in points for rates and scores.</summary>
    public decimal? Change => Value is null || Previous is null ? null
        : Format is KpiFormat.Percent or KpiFormat.Score ? Value - Previous
        : Previous == 0 ? null : (Value - Previous) / Previous;

    /// <summary>The seven headline KPIs (the "kpis" family); with <paramref name="weeks"/>, each carries its weekly values as a sparkline.</summary>
    public static IReadOnlyList<Kpi> Headline(JourneyMetrics.KpiRow now, JourneyMetrics.KpiRow before, IReadOnlyList<TrendPoint>? weeks = null)
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
