namespace JourneyReports.Journeys;

public sealed partial class JourneyMetrics
{
    /// <summary>
    /// The stages of a journey map for the filtered customers (filter by persona for a persona's map): reach and
    /// drop-off from the ordered funnel, top channels, the configured stage map's actions, the emotion score and the
    /// pain points, each from its own aggregate query.
    /// </summary>
    public async Task<IReadOnlyList<JourneyMapStage>> JourneyMapAsync(ReportPeriod period, JourneyFilter filter, int painWithinDays, CancellationToken ct)
    {
        var funnel = await FunnelDetailAsync(period, filter, ct);
        var touchpoints = await TouchpointsAsync(period, filter, ct);
        var experience = await ExperienceByStageAsync(period, filter, ct);
        var painPoints = await PainPointsAsync(period, filter, painWithinDays, ct);
        return JourneyMapData.From(filter.Persona ?? "All customers", funnel, touchpoints, experience, painPoints, warehouse.Journey.EventStages()).Stages;
    }
}
