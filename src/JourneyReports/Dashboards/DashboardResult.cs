using JourneyReports.Journeys;
using JourneyReports.Rendering;

namespace JourneyReports.Dashboards;

/// <summary>What a dashboard run produced: the resolved parameters and every dataset's rows, ready to render.</summary>
public sealed record DashboardResult(ReportPeriod Period, ReportPeriod? Comparison, JourneyFilter Filter, DateTimeOffset GeneratedAt,
    DateTime? DataUntilUtc, IReadOnlyDictionary<string, DatasetRows> Datasets)
{
    /// <summary>Whether the period had any event for the filters; a report of a period without data sends a note instead (by choice).</summary>
    public bool HasData { get; init; } = true;
}

/// <summary>A rendered dashboard and the visuals that could not be drawn (visual id → message).</summary>
public sealed record DashboardImage(byte[] Png, IReadOnlyDictionary<string, string> Problems);

/// <summary>The same as <see cref="DashboardImage"/>, as an SVG document.</summary>
public sealed record DashboardSvg(string Svg, IReadOnlyDictionary<string, string> Problems);

/// <summary>The same as <see cref="DashboardImage"/>, as a PDF document.</summary>
public sealed record DashboardPdf(byte[] Pdf, IReadOnlyDictionary<string, string> Problems);
