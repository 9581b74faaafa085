using System.Globalization;
using SkiaSharp;

namespace JourneyReports.Tests;

// "Rendering" in the class name lets `dotnet test --filter FullyQualifiedName~Rendering` select these.
public class DashboardRenderingTests
{
    static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new Xunit.Sdk.XunitException("The PNG did not decode.");

    [Fact]
    public void Sample_dashboard_is_a_png_of_the_declared_size()
    {
        var png = DashboardRenderer.RenderExecutiveWeeklyPng(SampleDashboards.ExecutiveWeekly(), EnGb);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        using var bitmap = Decode(png);
        Assert.Equal(DashboardRenderer.Width, bitmap.Width);
        Assert.Equal(DashboardRenderer.Height, bitmap.Height);
    }

    [Fact]
    public void Title_text_is_actually_drawn()
    {
        // Guards the embedded fonts: with an unresolved typeface Skia draws nothing and the header stays blank.
        using var bitmap = Decode(DashboardRenderer.RenderExecutiveWeeklyPng(SampleDashboards.ExecutiveWeekly(), EnGb));
        var dark = 0;
        for (var y = 25; y < 70; y++)
            for (var x = 30; x < 460; x++)
                if (bitmap.GetPixel(x, y) is var p && p.Red < 100 && p.Green < 100 && p.Blue < 100) dark++;
        Assert.True(dark > 1000, $"Only {dark} dark pixels where the title should be.");
    }

    [Fact]
    public void Empty_data_renders()
    {
        using var bitmap = Decode(DashboardRenderer.RenderExecutiveWeeklyPng(SampleDashboards.Empty(), EnGb));
        Assert.Equal(DashboardRenderer.Width, bitmap.Width);
        Assert.Equal(DashboardRenderer.Height, bitmap.Height);
    }

    [Fact]
    public void Data_with_no_kpis_renders()
    {
        var data = SampleDashboards.Empty() with { Kpis = [] };
        using var bitmap = Decode(DashboardRenderer.RenderExecutiveWeeklyPng(data, EnGb));
        Assert.Equal(DashboardRenderer.Height, bitmap.Height);
    }

    [Fact]
    public void Extreme_values_render()
    {
        using var bitmap = Decode(DashboardRenderer.RenderExecutiveWeeklyPng(SampleDashboards.Extreme(), EnGb));
        Assert.Equal(DashboardRenderer.Width, bitmap.Width);
        Assert.Equal(DashboardRenderer.Height, bitmap.Height);
    }

    static List<string> SvgTexts(ExecutiveWeeklyData data) => SvgAssert.Texts(SvgAssert.Valid(
        DashboardRenderer.RenderExecutiveWeeklySvg(data, EnGb), DashboardRenderer.Width, DashboardRenderer.Height, data.Title));

    [Fact]
    public void Sample_dashboard_svg_has_every_section_and_each_chart_label_once()
    {
        var texts = SvgTexts(SampleDashboards.ExecutiveWeekly());

        Assert.Contains("Executive weekly journey", texts);
        Assert.Contains("Journey funnel", texts);
        Assert.Contains("12-week trend", texts);
        Assert.Contains("Channel mix by stage", texts);
        // Drawn by ScottPlot, which once reached the page as a bitmap, and renders a plot twice the first time:
        // 1 - 21,530 / 48,210 = 55.3% drop-off; the trend's last week starts 16 Nov; the mix axis ends at 100%.
        Assert.Single(texts, t => t == "▼ 55.3% drop-off");
        Assert.Single(texts, t => t == "16 Nov");
        Assert.Single(texts, t => t == "100%");
    }

    [Fact]
    public void Empty_data_svg_says_so_in_each_chart()
    {
        var texts = SvgTexts(SampleDashboards.Empty());

        Assert.Equal(3, texts.Count(t => t == "No data for this period"));
        Assert.Equal(7, texts.Count(t => t == "no comparison"));
    }

    [Fact]
    public void Extreme_values_svg_are_compact_and_long_labels_shortened()
    {
        var data = SampleDashboards.Extreme();
        var texts = SvgTexts(data);

        Assert.Contains("1T", texts);
        Assert.Contains("£3T", texts);
        Assert.Contains("1,000,000,000,000", texts);
        Assert.Contains(texts, t => t.StartsWith("Executive weekly journey — a deliberately", StringComparison.Ordinal) && t.EndsWith('…'));
        Assert.Contains(texts, t => t.StartsWith("Channel 06 Partner", StringComparison.Ordinal) && t.EndsWith('…'));
        Assert.DoesNotContain(texts, t => t.Contains("including resellers", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_input_gives_the_same_svg()
    {
        Assert.Equal(DashboardRenderer.RenderExecutiveWeeklySvg(SampleDashboards.ExecutiveWeekly(), EnGb),
            DashboardRenderer.RenderExecutiveWeeklySvg(SampleDashboards.ExecutiveWeekly(), EnGb));
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var first = DashboardRenderer.RenderExecutiveWeeklyPng(SampleDashboards.ExecutiveWeekly(), EnGb);
        var second = DashboardRenderer.RenderExecutiveWeeklyPng(SampleDashboards.ExecutiveWeekly(), EnGb);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Renders_concurrently_without_interfering()
    {
        var expected = DashboardRenderer.RenderExecutiveWeeklyPng(SampleDashboards.ExecutiveWeekly(), EnGb);
        var results = Enumerable.Range(0, 4).AsParallel()
            .Select(_ => DashboardRenderer.RenderExecutiveWeeklyPng(SampleDashboards.ExecutiveWeekly(), EnGb)).ToList();
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Kpi_tiles_with_weekly_values_draw_a_sparkline_each_ending_in_a_dot()
    {
        var plain = SampleDashboards.ExecutiveWeekly();
        double?[] weeks = [40_100, 41_900, null, 44_000, 46_270, 48_210];   // a week without a value breaks the line
        var sparked = plain with { Kpis = [.. plain.Kpis.Select(k => k with { Trend = weeks })] };

        static int Circles(ExecutiveWeeklyData data) =>
            System.Text.RegularExpressions.Regex.Count(DashboardRenderer.RenderExecutiveWeeklySvg(data, EnGb), "<ellipse");  // Skia writes circles as ellipses

        Assert.Equal(Circles(plain) + plain.Kpis.Count, Circles(sparked));
    }
}
