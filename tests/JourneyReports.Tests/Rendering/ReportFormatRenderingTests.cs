using System.Globalization;

namespace JourneyReports.Tests;

// "Rendering" in the class name lets `dotnet test --filter FullyQualifiedName~Rendering` select these.
public class ReportFormatRenderingTests
{
    static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData(KpiFormat.Count, "visitors", 12345, "12,345")]
    [InlineData(KpiFormat.Percent, "conversion_rate", 0.034, "3.4%")]
    [InlineData(KpiFormat.Currency, "revenue", 123456, "£123,456")]
    [InlineData(KpiFormat.Score, "nps", 23.5, "+23.5")]
    [InlineData(KpiFormat.Score, "ces", 2.4, "2.4")]
    public void Kpi_values(KpiFormat format, string key, double value, string expected) =>
        Assert.Equal(expected, ReportFormat.KpiValue(new Kpi(key, key, (decimal)value, null, format), "£", EnGb));

    [Theory]
    [InlineData(KpiFormat.Count, 1042, 1000, "+4.2%")]
    [InlineData(KpiFormat.Currency, 900, 1000, "-10.0%")]
    [InlineData(KpiFormat.Percent, 0.037, 0.034, "+0.3 pts")]
    [InlineData(KpiFormat.Score, 21, 23.5, "-2.5 pts")]
    [InlineData(KpiFormat.Count, 1e12, 1, "> +999%")]
    public void Changes(KpiFormat format, double value, double previous, string expected) =>
        Assert.Equal(expected, ReportFormat.Change(new Kpi("k", "K", (decimal)value, (decimal)previous, format), EnGb));

    [Fact]
    public void Missing_values_and_comparisons()
    {
        var kpi = new Kpi("orders", "Orders", null, 10, KpiFormat.Count);
        Assert.Equal("–", ReportFormat.KpiValue(kpi, "£", EnGb));
        Assert.Null(ReportFormat.Change(kpi, EnGb));
    }

    [Fact]
    public void Lower_effort_is_good_news()
    {
        Assert.Equal(1, ReportFormat.Sentiment(new Kpi("ces", "CES", 2.1m, 2.5m, KpiFormat.Score)));
        Assert.Equal(-1, ReportFormat.Sentiment(new Kpi("nps", "NPS", 2.1m, 2.5m, KpiFormat.Score)));
    }

    [Fact]
    public void Header_lines()
    {
        var data = SampleDashboards.ExecutiveWeekly();
        Assert.Equal("Week 16–22 Nov 2026 vs 9–15 Nov 2026", ReportFormat.PeriodLine(data.Period, data.Comparison!, EnGb));
        Assert.Equal("Generated 23 Nov 2026 08:00 (Europe/London) · data until 23 Nov 2026 05:30",
            ReportFormat.GeneratedLine(data.GeneratedAt, data.DataUntilUtc, data.Period.TimeZoneId, EnGb));
        Assert.Equal("Generated 23 Nov 2026 08:00 (Europe/London)",
            ReportFormat.GeneratedLine(data.GeneratedAt, null, data.Period.TimeZoneId, EnGb));
    }

    [Theory]
    [InlineData("averageOrderValue", "Average order value")]
    [InlineData("FirstTouch", "First touch")]
    [InlineData("nps", "NPS")]
    [InlineData("npsEffect", "NPS effect")]
    [InlineData("p90HoursFromPrevious", "P90 hours from previous")]
    [InlineData("search_ads", "Search ads")]
    public void Identifiers_read_as_words(string name, string expected) => Assert.Equal(expected, FieldNames.Header(name));

    [Theory]
    [InlineData(0, 0.14, new[] { 0, 0.05, 0.1 })]        // conversion rates: ScottPlot's own ticks showed a single label here
    [InlineData(0, 57, new[] { 0.0, 20, 40 })]
    [InlineData(-30, 30, new[] { -20.0, 0, 20 })]
    [InlineData(0, 1150, new[] { 0.0, 200, 400, 600, 800, 1000 })]
    [InlineData(0, 0.86, new[] { 0, 0.2, 0.4, 0.6, 0.8 })]         // two ticks (0 and 50%) when the step was rounded up
    public void Axis_ticks_are_round_numbers_inside_the_limits(double low, double high, double[] expected) =>
        Assert.Equal(expected, DashboardPlots.NiceTicks(low, high));

    [Theory]
    [InlineData(5, 5)]
    [InlineData(double.NaN, 1)]
    [InlineData(double.MinValue, double.MaxValue)]
    public void Axis_ticks_of_an_empty_or_impossible_range_do_not_throw(double low, double high) =>
        Assert.True(DashboardPlots.NiceTicks(low, high).Count <= 1);
}
