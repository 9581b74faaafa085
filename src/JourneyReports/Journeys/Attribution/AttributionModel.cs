namespace JourneyReports.Journeys;

/// <summary>How an order's credit is shared among the channels of the touches before it.</summary>
public enum AttributionModel { FirstTouch, LastTouch, Linear, TimeDecay, PositionBased, Markov }

/// <summary>
/// Attribution settings. A touch counts for an order when it began within <see cref="LookbackDays"/> before it;
/// time decay halves a touch's weight every <see cref="HalfLifeDays"/> of age.
/// </summary>
public sealed record AttributionOptions(int LookbackDays = 30, double HalfLifeDays = 7)
{
    public static readonly AttributionOptions Default = new();
}

/// <summary>
/// One model's credit to one channel: orders (fractional) and revenue, and the share of the model's orders.
/// Orders with no touch in the lookback are credited to <see cref="NoTouch"/> by every model.
/// </summary>
public sealed record AttributionRow(AttributionModel Model, string Channel, double Orders, decimal Revenue, double Share)
{
    public const string NoTouch = "(none)";
}
