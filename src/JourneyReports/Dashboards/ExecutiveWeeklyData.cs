namespace JourneyReports;

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
}

/// <summary>Distinct customers who reached a stage in order; DropOff is the share lost since the previous stage.</summary>
public sealed record FunnelStep(int Order, string Stage, long Customers, decimal? DropOff);

/// <summary>One local week (Monday start) of the trend; NPS and CES are null in a week without survey answers.</summary>
public sealed record TrendPoint(DateOnly WeekStart, long Visitors, long Orders, decimal Revenue, long Buyers = 0, double? Nps = null, double? Ces = null)
{
    /// <summary>Share of the week's visitors who reached the purchase stage (as the conversion KPI counts it).</summary>
    public decimal? Conversion => Visitors == 0 ? null : Math.Round((decimal)Buyers / Visitors, 6);

    public decimal? AverageOrderValue => Orders == 0 ? null : Math.Round(Revenue / Orders, 2);
}

/// <summary>Distinct customers using a channel at a stage, and their share of all customers at that stage.</summary>
public sealed record ChannelMixRow(string Stage, string Channel, long Customers, decimal Share);

/// <summary>Everything the executive weekly dashboard, workbook and email show. Small: aggregated in the warehouse.</summary>
public sealed record ExecutiveWeeklyData(
    string Title,
    ReportPeriod Period,
    ReportPeriod ComparisonPeriod,
    DateTimeOffset GeneratedAt,
    DateTime? DataUntilUtc,
    IReadOnlyList<Kpi> Kpis,
    IReadOnlyList<FunnelStep> Funnel,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<ChannelMixRow> ChannelMix,
    string CurrencySymbol);
