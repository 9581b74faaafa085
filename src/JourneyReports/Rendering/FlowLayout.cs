using SkiaSharp;

namespace JourneyReports.Rendering;

internal sealed record FlowBox(FlowNode Node, int Column, double Value, SKColor Color)
{
    public SKRect Rect { get; set; }
}

/// <summary>A band from <see cref="Source"/> to <see cref="Target"/>, starting <see cref="SourceY"/> and ending <see cref="TargetY"/> (tops).</summary>
internal sealed record FlowBand(FlowBox Source, FlowBox Target, long Value, float Thickness)
{
    public float SourceY { get; set; }
    public float TargetY { get; set; }
}

/// <summary>
/// Sankey layout, in two steps: <see cref="Build"/> picks the links, nodes and colours, which do not depend on the
/// geometry; <see cref="Place"/> then fits them into a rectangle. Columns spread left to right, nodes stacked in each
/// column in input order and sized by max(in, out), one vertical scale for the whole diagram so equal counts get equal
/// thickness everywhere.
/// </summary>
internal sealed class FlowLayout
{
    public const float NodeWidth = 14;
    const float MaxGap = 14;

    public List<FlowBox> Boxes { get; } = [];
    public List<FlowBand> Bands { get; } = [];
    public List<float> ColumnX { get; } = [];
    public int DroppedLinks { get; private set; }
    public long DroppedValue { get; private set; }
    public int TotalLinks { get; private set; }
    /// <summary>All the columns the nodes name, including any left empty by the links that were kept.</summary>
    public int ColumnCount { get; private set; }
    /// <summary>Pixels per unit of flow.</summary>
    double scale;
    readonly List<FlowEdge> kept = [];
    readonly Dictionary<string, FlowBox> boxById = new(StringComparer.Ordinal);

    public static FlowLayout Build(FlowData data)
    {
        var layout = new FlowLayout();
        // First definition wins: a duplicate id in a scheduled report should not stop the email going out.
        var nodes = new Dictionary<string, (FlowNode Node, int Index)>(StringComparer.Ordinal);
        foreach (var (node, i) in data.Nodes.Where(n => n?.Id is not null).Select((n, i) => (n, i)))
            nodes.TryAdd(node.Id, (node, i));
        var columns = nodes.Values.Select(n => n.Node.Column).Distinct().Order().ToList();
        layout.ColumnCount = columns.Count;

        // Self-links, links to unknown nodes and links that do not go rightwards cannot be drawn as a left-to-right flow.
        var links = data.Links.Where(l => l is not null && l.Value > 0 && l.From != l.To
                && nodes.TryGetValue(l.From, out var a) && nodes.TryGetValue(l.To, out var b) && b.Node.Column > a.Node.Column)
            .GroupBy(l => (l.From, l.To)).Select(g => new FlowEdge(g.Key.From, g.Key.To, g.Aggregate(0L, (s, l) => SaturatingAdd(s, l.Value))))
            .OrderByDescending(l => l.Value).ThenBy(l => l.From, StringComparer.Ordinal).ThenBy(l => l.To, StringComparer.Ordinal).ToList();
        var kept = layout.kept;
        kept.AddRange(links.Take(Math.Max(1, data.MaxLinks)));
        layout.TotalLinks = links.Count;
        layout.DroppedLinks = links.Count - kept.Count;
        layout.DroppedValue = links.Skip(kept.Count).Aggregate(0L, (s, l) => SaturatingAdd(s, l.Value));
        if (kept.Count == 0) return layout;

        var colors = GroupColors(kept.SelectMany(l => new[] { nodes[l.From].Node, nodes[l.To].Node }));
        var boxes = kept.SelectMany(l => new[] { l.From, l.To }).Distinct().Select(id => nodes[id]).OrderBy(n => n.Index)
            .ToDictionary(n => n.Node.Id, n => new FlowBox(n.Node, columns.IndexOf(n.Node.Column),
                Math.Max(kept.Where(l => l.To == n.Node.Id).Sum(l => (double)l.Value), kept.Where(l => l.From == n.Node.Id).Sum(l => (double)l.Value)),
                colors[GroupOf(n.Node)]));
        layout.Boxes.AddRange(boxes.Values);
        foreach (var (id, box) in boxes) layout.boxById.Add(id, box);
        return layout;
    }

    /// <summary>Positions the columns, nodes and bands in <paramref name="area"/>; nothing to place leaves <see cref="Bands"/> empty.</summary>
    public void Place(SKRect area)
    {
        if (kept.Count == 0) return;
        var pitch = ColumnCount > 1 ? (area.Width - NodeWidth) / (ColumnCount - 1) : 0;
        ColumnX.AddRange(Enumerable.Range(0, ColumnCount).Select(i => area.Left + i * pitch));
        Stack(area);

        foreach (var l in kept)
            Bands.Add(new FlowBand(boxById[l.From], boxById[l.To], l.Value, (float)(l.Value * scale)));
        Attach();
    }

    /// <summary>Every column gets the same scale: the one that lets the fullest column (values plus gaps) fit the height.</summary>
    void Stack(SKRect area)
    {
        var byColumn = Boxes.GroupBy(b => b.Column).ToList();
        float Gap(int n) => n <= 1 ? 0 : Math.Min(MaxGap, area.Height * 0.3f / (n - 1));
        scale = Math.Max(0, byColumn.Min(c => (area.Height - Gap(c.Count()) * (c.Count() - 1)) / Math.Max(1, c.Sum(b => b.Value))));
        foreach (var column in byColumn)
        {
            var gap = Gap(column.Count());
            // A tiny node still shows as a sliver, so "a few" never looks like "none".
            var heights = column.Select(b => Math.Max(1.5f, (float)(b.Value * scale))).ToList();
            var y = area.Top + (area.Height - heights.Sum() - gap * (heights.Count - 1)) / 2;
            foreach (var (box, h) in column.Zip(heights))
            {
                box.Rect = SKRect.Create(ColumnX[box.Column], y, NodeWidth, h);
                y += h + gap;
            }
        }
    }

    /// <summary>
    /// Bands leave a node in the order of where they arrive (and arrive in the order of where they left), which removes
    /// the crossings at the nodes themselves; the rest is left to the node order.
    /// </summary>
    void Attach()
    {
        foreach (var box in Boxes)
        {
            var y = box.Rect.Top;
            foreach (var band in Bands.Where(b => b.Source == box).OrderBy(b => b.Target.Rect.MidY).ThenBy(b => b.Target.Column))
            {
                band.SourceY = y;
                y += band.Thickness;
            }
            y = box.Rect.Top;
            foreach (var band in Bands.Where(b => b.Target == box).OrderBy(b => b.Source.Rect.MidY).ThenBy(b => b.Source.Column))
            {
                band.TargetY = y;
                y += band.Thickness;
            }
        }
    }

    static string GroupOf(FlowNode n) => n.Group ?? n.Label ?? n.Id;

    /// <summary>Alphabetical, so a channel keeps its colour from one report to the next; past the palette, groups share grey.</summary>
    static Dictionary<string, SKColor> GroupColors(IEnumerable<FlowNode> nodes)
    {
        var palette = ReportTheme.Categorical;
        return nodes.Select(GroupOf).Distinct().Order(StringComparer.Ordinal)
            .Select((g, i) => (g, i < palette.Length - 1 ? palette[i] : palette[^1])).ToDictionary(p => p.g, p => p.Item2);
    }

    static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
