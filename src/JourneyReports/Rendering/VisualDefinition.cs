namespace JourneyReports.Rendering;

/// <summary>Where a visual sits on its dashboard's grid, in 1-based grid units.</summary>
public sealed class GridPosition
{
    public int Row { get; init; }
    public int Col { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
}

/// <summary>One chart, table or map as a definition states it: what to draw, from which dataset's fields, where.</summary>
public sealed class VisualDefinition
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public string Dataset { get; init; } = "";
    public string? Title { get; init; }
    public Dictionary<string, string> Fields { get; init; } = [];
    public List<string> Columns { get; init; } = [];
    public string? Format { get; init; }
    public GridPosition Position { get; init; } = new();
}
