using System.Globalization;
using SkiaSharp;

namespace JourneyReports.Tests;

/// <summary>The executive weekly dashboard as its definition draws it: at the 1200 px its layout asks for, from hand-made results.</summary>
// "Rendering" in the class name lets `dotnet test --filter FullyQualifiedName~Rendering` select these.
public class DashboardRenderingTests
{
    static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    static readonly DashboardDefinition Executive = SampleDashboards.Executive();
    static readonly int Height = DashboardComposer.PageHeight(Executive, 1200);

    static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new Xunit.Sdk.XunitException("The PNG did not decode.");

    static byte[] Png(DashboardResult result, DashboardDefinition? definition = null) => DashboardComposer.RenderPng(definition ?? Executive, result, EnGb);

    [Fact]
    public void Executive_dashboard_is_a_png_at_the_width_its_layout_asks_for()
    {
        var png = Png(SampleDashboards.ExecutiveWeekly());

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        using var bitmap = Decode(png);
        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(Height, bitmap.Height);
        // 150 px header, 14 rows of 90 px (a twelfth of 1176 px is under the 90 px minimum), 36 px footer.
        Assert.Equal(150 + 14 * 90 + 36, Height);
    }

    [Fact]
    public void Title_text_is_actually_drawn()
    {
        // Guards the embedded fonts: with an unresolved typeface Skia draws nothing and the header stays blank.
        using var bitmap = Decode(Png(SampleDashboards.ExecutiveWeekly()));
        var dark = 0;
        for (var y = 25; y < 70; y++)
            for (var x = 30; x < 460; x++)
                if (bitmap.GetPixel(x, y) is var p && p.Red < 100 && p.Green < 100 && p.Blue < 100) dark++;
        Assert.True(dark > 1000, $"Only {dark} dark pixels where the title should be.");
    }

    [Fact]
    public void Empty_data_renders()
    {
        using var bitmap = Decode(Png(SampleDashboards.Empty()));
        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(Height, bitmap.Height);
    }

    [Fact]
    public void Data_with_no_kpis_renders()
    {
        var empty = SampleDashboards.Empty();
        var noKpis = empty with { Datasets = new Dictionary<string, DatasetRows>(empty.Datasets) { ["kpis"] = new("kpis", []) } };
        using var bitmap = Decode(Png(noKpis));
        Assert.Equal(Height, bitmap.Height);
    }

    [Fact]
    public void Extreme_values_render()
    {
        using var bitmap = Decode(Png(SampleDashboards.Extreme(), SampleDashboards.Executive(SampleDashboards.LongTitle)));
        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(Height, bitmap.Height);
    }

    static List<string> SvgTexts(DashboardResult result, DashboardDefinition? definition = null)
    {
        var d = definition ?? Executive;
        return SvgAssert.Texts(SvgAssert.Valid(DashboardComposer.RenderSvg(d, result, EnGb).Svg, 1200, Height, d.Title));
    }

    [Fact]
    public void Sample_dashboard_svg_has_every_section_and_each_chart_label_once()
    {
        var texts = SvgTexts(SampleDashboards.ExecutiveWeekly());

        Assert.Contains("Executive weekly journey", texts);
        Assert.Contains("Journey funnel", texts);
        Assert.Contains("Revenue, last 12 weeks", texts);
        Assert.Contains("Channel mix by stage", texts);
        Assert.Contains("Top pain points this week", texts);
        // Drawn by ScottPlot, which once reached the page as a bitmap, and renders a plot twice the first time:
        // 1 - 21,530 / 48,210 = 55.3% drop-off, once; the channel mix's share axis ends at 100%, once.
        Assert.Single(texts, t => t == "▼ 55.3% drop-off");
        Assert.Single(texts, t => t == "100%");
        Assert.Contains("Late delivery", texts);   // keys are written as words in tables
    }

    [Fact]
    public void Axis_labels_of_a_short_chart_stand_a_line_apart_and_round_percentages_have_no_decimals()
    {
        // The channel mix is four grid rows (360 px) with a legend and slanted labels: six ticks 12 px apart once overlapped.
        var svg = SvgAssert.Valid(DashboardComposer.RenderSvg(Executive, SampleDashboards.ExecutiveWeekly(), EnGb).Svg, 1200, Height, Executive.Title);
        var percentTicks = svg.Descendants(SvgAssert.Ns + "text")
            .Where(t => System.Text.RegularExpressions.Regex.IsMatch(t.Value, @"^\d+%$") && t.Attribute("transform")?.Value.StartsWith("translate(", StringComparison.Ordinal) == true)
            .Select(t => (Text: t.Value, Y: double.Parse(t.Attribute("transform")!.Value.Split(' ', ')')[1], CultureInfo.InvariantCulture)))
            .ToList();

        Assert.Contains(percentTicks, t => t.Text == "100%");
        foreach (var axis in percentTicks.GroupBy(t => Math.Round(t.Y / 400)))   // the channel mix's axis, the conversion trend's
        {
            var ys = axis.Select(t => t.Y).Order().ToList();
            Assert.All(ys.Zip(ys.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 18, $"tick labels {pair.Second - pair.First:0.0} px apart"));
        }
    }

    [Fact]
    public void Empty_data_svg_says_so_in_each_chart()
    {
        var texts = SvgTexts(SampleDashboards.Empty());

        // The funnel, the three trends, the channel mix and the pain-point table have no rows.
        Assert.Equal(6, texts.Count(t => t == "No data for this period"));
        Assert.Equal(7, texts.Count(t => t == "no comparison"));
    }

    [Fact]
    public void Extreme_values_svg_are_compact_and_long_labels_shortened()
    {
        var texts = SvgTexts(SampleDashboards.Extreme(), SampleDashboards.Executive(SampleDashboards.LongTitle));

        Assert.Contains("1T", texts);
        Assert.Contains("£3T", texts);
        Assert.Contains(texts, t => t.StartsWith("Executive weekly journey — a deliberately", StringComparison.Ordinal) && t.EndsWith('…'));
        // The channel mix's legend: fourteen long channel names wrap onto two lines and are shortened there.
        Assert.Contains(texts, t => t.StartsWith("Partner marketplace referral programme", StringComparison.Ordinal) && t.EndsWith('…'));
        Assert.DoesNotContain(texts, t => t.Contains("including resellers", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_input_gives_the_same_svg()
    {
        Assert.Equal(DashboardComposer.RenderSvg(Executive, SampleDashboards.ExecutiveWeekly(), EnGb).Svg,
            DashboardComposer.RenderSvg(Executive, SampleDashboards.ExecutiveWeekly(), EnGb).Svg);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        Assert.Equal(Png(SampleDashboards.ExecutiveWeekly()), Png(SampleDashboards.ExecutiveWeekly()));
    }

    [Fact]
    public void Renders_concurrently_without_interfering()
    {
        var expected = Png(SampleDashboards.ExecutiveWeekly());
        var results = Enumerable.Range(0, 4).AsParallel().Select(_ => Png(SampleDashboards.ExecutiveWeekly())).ToList();
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Kpi_tiles_with_weekly_values_draw_a_sparkline_each_ending_in_a_dot()
    {
        var plain = SampleDashboards.ExecutiveWeekly();
        double?[] weeks = [40_100, 41_900, null, 44_000, 46_270, 48_210];   // a week without a value breaks the line
        var kpis = plain.Datasets["kpis"].Rows.Cast<Kpi>().ToList();
        var sparked = plain with { Datasets = new Dictionary<string, DatasetRows>(plain.Datasets)
            { ["kpis"] = new("kpis", [.. kpis.Select(k => (object)(k with { Trend = weeks }))]) } };

        static int Circles(DashboardResult result) =>
            System.Text.RegularExpressions.Regex.Count(DashboardComposer.RenderSvg(Executive, result, EnGb).Svg, "<ellipse");  // Skia writes circles as ellipses

        Assert.Equal(Circles(plain) + kpis.Count, Circles(sparked));
    }
}
