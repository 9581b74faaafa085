using System.Globalization;

namespace JourneyReports.Tests;

/// <summary>Drawings of a kept dashboard result: made once per result and parameters, nothing failed kept. Counted, never timed.</summary>
public sealed class DashboardDrawingsTests
{
    static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");
    readonly DashboardResultCache cache = new(capacity: 10);
    readonly DashboardResult result = new(ReportPeriod.Days(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15), TimeZoneInfo.Utc), null,
        JourneyFilter.None, new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero), null, new Dictionary<string, DatasetRows>());

    static DashboardDefinition Board(string period) =>
        new() { Name = "board", Title = "Board", Version = 1, Parameters = new DashboardParameters { Period = new PeriodParameter { Relative = period } } };

    [Fact]
    public void AResultIsDrawnOncePerFormat_AndAgainForParametersWrittenDifferently()
    {
        var draws = 0;
        string Draw(DashboardDefinition d, string what) => cache.Drawn(result, d, Culture, what, () => $"{what} #{++draws}");

        var first = Draw(Board("last-complete-week"), "svg");
        var again = Draw(Board("last-complete-week"), "svg");
        var png = Draw(Board("last-complete-week"), "png");
        var otherWording = Draw(Board("last-7-days"), "svg");

        Assert.Equal(["svg #1", "svg #1", "png #2", "svg #3"], [first, again, png, otherWording]);
    }

    [Fact]
    public void ADrawingThatFails_IsNotKept()
    {
        Assert.Throws<InvalidOperationException>(() => cache.Drawn<string>(result, Board("last-complete-week"), Culture, "svg", () => throw new InvalidOperationException("no fonts")));

        Assert.Equal("drawn", cache.Drawn(result, Board("last-complete-week"), Culture, "svg", () => "drawn"));
    }
}
