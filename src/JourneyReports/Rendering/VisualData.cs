namespace JourneyReports.Rendering;

/// <summary>
/// A matrix for <see cref="Visuals.HeatmapPng"/>: <c>Values[row, column]</c>, null where there is no data yet (a recent
/// cohort has no later periods). <paramref name="ValueFormat"/> is "percent" (values are shares, 0..1) or "number".
/// </summary>
public sealed record HeatmapData(string Title, IReadOnlyList<string> RowLabels, IReadOnlyList<string> ColumnLabels, double?[,] Values,
    string ValueFormat = HeatmapData.Percent, string? Subtitle = null)
{
    public const string Percent = "percent";
    public const string Number = "number";
}

/// <summary>A box in a flow diagram. <paramref name="Group"/> picks the colour (e.g. the channel); without one the label does.</summary>
public sealed record FlowNode(string Id, string Label, int Column, string? Group = null);

/// <summary>Customers (or any count) moving from one node to another, in a later column.</summary>
public sealed record FlowEdge(string From, string To, long Value);

/// <summary>
/// A flow (Sankey) diagram for <see cref="Visuals.FlowPng"/>. <paramref name="ColumnLabels"/> names the columns in ascending
/// <see cref="FlowNode.Column"/> order (e.g. journey stages). Only the <paramref name="MaxLinks"/> largest links are drawn.
/// </summary>
public sealed record FlowData(string Title, IReadOnlyList<FlowNode> Nodes, IReadOnlyList<FlowEdge> Links,
    IReadOnlyList<string>? ColumnLabels = null, int MaxLinks = FlowData.DefaultMaxLinks, string? Subtitle = null)
{
    public const int DefaultMaxLinks = 40;
}
