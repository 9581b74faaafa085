namespace JourneyReports.Journeys;

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
