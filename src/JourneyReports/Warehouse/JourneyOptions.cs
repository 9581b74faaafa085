namespace JourneyReports.Warehouse;

/// <summary>The "Journey" section: how the journey model reads events (the stage map) and the funnel's conversion window.</summary>
public sealed class JourneyOptions
{
    /// <summary>
    /// Which event types count as which journey stage; when empty, <see cref="DefaultStageMap"/>. Stages not listed
    /// are simply empty. (Empty by default because configuration binding adds to a pre-filled list instead of replacing it.)
    /// </summary>
    public Dictionary<string, List<string>> StageMap { get; set; } = [];

    public static readonly IReadOnlyDictionary<string, string[]> DefaultStageMap = new Dictionary<string, string[]>
    {
        ["awareness"] = ["ad_click", "email_click", "landing_view"],
        ["consideration"] = ["product_view", "search", "chat_question"],
        ["decision"] = ["add_to_cart", "checkout_start"],
        ["purchase"] = ["purchase"],
        ["retention"] = ["order_tracking", "account_login", "support_contact"],
        ["advocacy"] = ["review_submitted", "referral_share"],
    };

    /// <summary>Event type to stage, as configured or by default.</summary>
    public IEnumerable<(string EventType, string Stage)> EventStages() =>
        (StageMap.Count > 0 ? StageMap.Select(kv => (kv.Key, kv.Value.ToArray())) : DefaultStageMap.Select(kv => (kv.Key, kv.Value)))
        .SelectMany(kv => kv.Item2.Distinct().Select(e => (e, kv.Item1)));

    /// <summary>Days within which the next stage must follow the previous one to count in the ordered funnel.</summary>
    public int ConversionWindowDays { get; set; } = 30;
}
