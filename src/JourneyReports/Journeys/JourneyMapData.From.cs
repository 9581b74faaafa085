using JourneyReports.Warehouse;

namespace JourneyReports.Journeys;

public sealed partial record JourneyMapData
{
    /// <summary>
    /// Default stage for each support-ticket category: the stage whose experience the problem spoils, not the stage the
    /// ticket happens to be opened in (a refund is asked for after delivery, but it hurts whether they buy again).
    /// A failed payment stops a customer who has decided; an account they cannot get into stops them coming back.
    /// Categories that are in neither this nor the caller's map are left off the map rather than guessed.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultPainPointStages =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["product question"] = "consideration",
            ["payment failed"] = "decision",
            ["late delivery"] = "retention",
            ["item damaged"] = "retention",
            ["refund request"] = "retention",
            ["account access"] = "retention",
        };

    /// <summary>What customers do, in words, for the default event types; others are shown with '_' as spaces.</summary>
    static readonly Dictionary<string, string> ActionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ad_click"] = "clicks an ad", ["email_click"] = "clicks an email", ["landing_view"] = "lands on the site",
        ["product_view"] = "views products", ["search"] = "searches", ["chat_question"] = "asks in chat",
        ["add_to_cart"] = "adds to cart", ["checkout_start"] = "starts checkout", ["purchase"] = "buys",
        ["order_tracking"] = "tracks the order", ["account_login"] = "logs in", ["support_contact"] = "contacts support",
        ["review_submitted"] = "writes a review", ["referral_share"] = "refers a friend",
    };

    const int TouchpointsPerStage = 3;

    /// <summary>
    /// Builds a journey map from metric results; channel keys become words ("paid_search" → "Paid search"). Stages follow the funnel (or, without one, every stage that has any
    /// data), in journey order. <paramref name="eventStages"/> is the configured stage map (JourneyOptions.EventStages());
    /// without it, the default map. <paramref name="painPointStages"/> adds to or overrides <see cref="DefaultPainPointStages"/>.
    /// </summary>
    public static JourneyMapData From(string persona, IReadOnlyList<FunnelDetailStep> funnel, Touchpoints touchpoints,
        IReadOnlyList<JourneyMetrics.ExperienceRow> experience, IReadOnlyList<JourneyMetrics.PainPoint> painPoints,
        IEnumerable<(string EventType, string Stage)>? eventStages = null, IReadOnlyDictionary<string, string>? painPointStages = null,
        string title = "Customer journey map", string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        ArgumentNullException.ThrowIfNull(touchpoints);
        ArgumentNullException.ThrowIfNull(experience);
        ArgumentNullException.ThrowIfNull(painPoints);
        var actions = (eventStages ?? new JourneyOptions().EventStages()).ToList();

        var painMap = new Dictionary<string, string>(DefaultPainPointStages, StringComparer.OrdinalIgnoreCase);
        foreach (var (category, stage) in painPointStages ?? new Dictionary<string, string>()) painMap[category] = stage;
        var painByStage = painPoints
            .Where(p => painMap.ContainsKey(p.Category))
            .GroupBy(p => painMap[p.Category], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Tickets).ThenBy(p => p.Category, StringComparer.Ordinal)
                .Select(p => new JourneyMapPainPoint(p.Category, p.Tickets)).ToList(), StringComparer.OrdinalIgnoreCase);

        var stages = funnel.Count > 0
            ? funnel.OrderBy(f => f.Order).Select(f => f.Stage).ToList()
            : JourneyStages.InOrder.Where(s => touchpoints.Channels.Any(t => Same(t.Stage, s)) || experience.Any(e => Same(e.Group, s))
                || painByStage.ContainsKey(s)).ToList();

        var result = stages.Select(stage =>
        {
            var step = funnel.FirstOrDefault(f => Same(f.Stage, stage));
            var channels = touchpoints.Channels.Where(t => Same(t.Stage, stage))
                .OrderByDescending(t => t.Share).ThenBy(t => t.Value, StringComparer.Ordinal).Take(TouchpointsPerStage)
                .Select(t => new JourneyMapTouchpoint(KeyWords.Of(t.Value), (double)t.Share)).ToList();
            var words = actions.Where(a => Same(a.Stage, stage)).Select(a => Words(a.EventType)).Distinct().ToList();
            var emotion = experience.FirstOrDefault(e => Same(e.Group, stage))?.Scores.Emotion;
            return new JourneyMapStage(stage, step?.Customers ?? 0, step?.DropOff, channels, words, emotion,
                painByStage.GetValueOrDefault(stage) ?? []);
        }).ToList();
        return new JourneyMapData(title, persona, subtitle, result);
    }

    static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    static string Words(string eventType) =>
        ActionWords.TryGetValue(eventType, out var words) ? words : eventType.Replace('_', ' ');
}
