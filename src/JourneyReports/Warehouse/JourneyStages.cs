namespace JourneyReports.Warehouse;

/// <summary>The journey stages in funnel order. Which event types belong to which stage is configuration (JourneyOptions.StageMap).</summary>
public static class JourneyStages
{
    public static readonly IReadOnlyList<string> InOrder =
        ["awareness", "consideration", "decision", "purchase", "retention", "advocacy"];

    public static int OrderOf(string stage) => InOrder.ToList().IndexOf(stage) + 1;
}
