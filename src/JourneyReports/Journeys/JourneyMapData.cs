using JourneyReports.Rendering;

namespace JourneyReports.Journeys;

/// <summary>A channel used at a stage, with the share (0..1) of the stage's visitors who used it.</summary>
public sealed record JourneyMapTouchpoint(string Name, double Share)
{
    public override string ToString() => $"{Name} {Share.ToString("0%", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>A support-ticket category that hurts a stage, with its ticket count.</summary>
public sealed record JourneyMapPainPoint(string Name, long Count)
{
    public override string ToString() => $"{Name} ({Count.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)})";
}

/// <summary>
/// One column of a journey map. <paramref name="DropOffFromPrevious"/> is the share (0..1) lost since the previous
/// stage; <paramref name="Emotion"/> is −1..+1, null where nobody answered a survey (a gap in the curve).
/// </summary>
public sealed record JourneyMapStage(string Stage, long Customers, decimal? DropOffFromPrevious,
    IReadOnlyList<JourneyMapTouchpoint> Touchpoints, IReadOnlyList<string> Actions, double? Emotion,
    IReadOnlyList<JourneyMapPainPoint> PainPoints);

/// <summary>The largest share lost between two adjacent stages of a journey map.</summary>
public sealed record JourneyMapDropOff(string From, string To, decimal Share, long Lost);

/// <summary>
/// A customer-journey map, as the journey-map visual draws it: stages as columns, lanes for touchpoints, actions,
/// emotion, pain points and customers. Build it by hand or from metric results with <see cref="From"/>.
/// </summary>
public sealed partial record JourneyMapData(string Title, string Persona, string? Subtitle, IReadOnlyList<JourneyMapStage> Stages)
{
    /// <summary>The stage pair that loses the largest share of customers, or null when no stage has a drop-off.</summary>
    public JourneyMapDropOff? BiggestDropOff()
    {
        JourneyMapDropOff? best = null;
        for (var i = 1; i < Stages.Count; i++)
            if (Stages[i].DropOffFromPrevious is { } d && d > 0 && (best is null || d > best.Share))
                best = new JourneyMapDropOff(Stages[i - 1].Stage, Stages[i].Stage, d, Math.Max(0, Stages[i - 1].Customers - Stages[i].Customers));
        return best;
    }
}
