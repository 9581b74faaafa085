using Dapper;

namespace JourneyReports.Journeys;

/// <summary>Which visitors' paths: those who bought, or those who reached decision and did not buy.</summary>
public enum PathOutcome { Conversion, DropOff }

/// <summary>
/// A touchpoint path (channels in order, repeats collapsed). Truncated paths had earlier steps cut off by the length cap.
/// Share is of all visitors with this outcome, not only of the top rows.
/// </summary>
public sealed record PathRow(IReadOnlyList<string> Channels, bool Truncated, long Visitors, double Share)
{
    public string Path => (Truncated ? "… > " : "") + string.Join(" > ", Channels);
}

/// <summary>A flow-diagram link: visitors moving from one (stage, channel) node to the next.</summary>
public sealed record FlowLink(string FromStage, string FromChannel, string ToStage, string ToChannel, long Transitions, long Visitors);

public sealed partial class JourneyMetrics
{
    /// <summary>The <paramref name="top"/> most common paths before the outcome, keeping each path's last <paramref name="maxLength"/> steps.</summary>
    public async Task<IReadOnlyList<PathRow>> PathsAsync(ReportPeriod period, JourneyFilter filter, PathOutcome outcome,
        int maxLength = 5, int top = 10, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var p = Parameters(period, filter);
        p.Add("outcome", outcome == PathOutcome.Conversion ? "conversion" : "dropoff");
        p.Add("max_length", maxLength);
        p.Add("top", top);
        return (await connection.QueryAsync<(string Path, bool Truncated, long Visitors, double Share)>(Command("paths", p, ct)))
            .Select(r => new PathRow(SplitPath(r.Path), r.Truncated, r.Visitors, r.Share))
            .ToList();
    }

    /// <summary>The <paramref name="top"/> most frequent stage/channel transitions of the period.</summary>
    public async Task<IReadOnlyList<FlowLink>> FlowAsync(ReportPeriod period, JourneyFilter filter, int top = 50, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var p = Parameters(period, filter);
        p.Add("top", top);
        return (await connection.QueryAsync<(string FromStage, string FromChannel, string ToStage, string ToChannel, long Transitions, long Visitors)>(Command("flow", p, ct)))
            .Select(r => new FlowLink(r.FromStage, r.FromChannel, r.ToStage, r.ToChannel, r.Transitions, r.Visitors))
            .ToList();
    }

    // The warehouse joins a path's channels with " > "; channel names never contain it.
    internal static string[] SplitPath(string path) => path.Split(" > ");
}
