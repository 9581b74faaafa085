using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;

namespace JourneyReports.Tests;

// "Rendering" in the class name lets `dotnet test --filter FullyQualifiedName~Rendering` select these.
public class VisualRenderingTests
{
    static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new Xunit.Sdk.XunitException("The PNG did not decode.");

    static void AssertPng(byte[] png, int width, int height)
    {
        using var bitmap = Decode(png);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
    }

    static XDocument AssertSvg(string svg, int width, int height)
    {
        var doc = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal(width.ToString(CultureInfo.InvariantCulture), doc.Root.Attribute("width")?.Value);
        Assert.Equal(height.ToString(CultureInfo.InvariantCulture), doc.Root.Attribute("height")?.Value);
        return doc;
    }

    /// <summary>All text in the SVG, one string per text element.</summary>
    static List<string> Texts(XDocument doc) => doc.Descendants(Svg + "text").Select(t => t.Value).ToList();

    public static TheoryData<string> Heatmaps => ["cohorts", "empty", "single", "extreme"];

    static HeatmapData Heatmap(string name) => name switch
    {
        "cohorts" => SampleVisuals.CohortRetention(),
        "empty" => SampleVisuals.EmptyHeatmap(),
        "single" => SampleVisuals.SingleCell(),
        _ => SampleVisuals.ExtremeHeatmap(),
    };

    [Theory]
    [MemberData(nameof(Heatmaps))]
    public void Heatmap_png_has_the_requested_size(string name)
    {
        AssertPng(Visuals.HeatmapPng(Heatmap(name), 1000, 620, EnGb), 1000, 620);
        AssertPng(Visuals.HeatmapPng(Heatmap(name), 120, 90, EnGb), 120, 90);
    }

    [Theory]
    [MemberData(nameof(Heatmaps))]
    public void Heatmap_svg_is_well_formed_at_the_requested_size(string name)
    {
        AssertSvg(Visuals.HeatmapSvg(Heatmap(name), 1000, 620, EnGb), 1000, 620);
        AssertSvg(Visuals.HeatmapSvg(Heatmap(name), 120, 90, EnGb), 120, 90);
    }

    [Fact]
    public void Heatmap_svg_contains_labels_values_and_scale()
    {
        var texts = Texts(AssertSvg(Visuals.HeatmapSvg(SampleVisuals.CohortRetention(), 1100, 640, EnGb), 1100, 640));
        Assert.Contains("Monthly cohort retention", texts);
        Assert.Contains("Jan 2026", texts);
        Assert.Contains("Month 11", texts);
        Assert.Contains("100.0%", texts);
        Assert.Contains("25%", texts);
        Assert.Contains("No data", texts);
    }

    [Fact]
    public void Heatmap_empty_says_so()
    {
        var texts = Texts(XDocument.Parse(Visuals.HeatmapSvg(SampleVisuals.EmptyHeatmap(), 800, 400, EnGb)));
        Assert.Contains("No data for this period", texts);
    }

    [Fact]
    public void Heatmap_extremes_are_compact_and_escaped()
    {
        var texts = Texts(XDocument.Parse(Visuals.HeatmapSvg(SampleVisuals.ExtremeHeatmap(), 1000, 500, EnGb)));
        Assert.Contains("4.2T", texts);
        Assert.Contains("B & <C>", texts);
        Assert.Contains(texts, t => t.EndsWith('…'));
    }

    [Theory]
    [InlineData(999_999, "1M")]
    [InlineData(999_499, "999K")]
    [InlineData(12_345, "12.3K")]
    [InlineData(1_234_567, "1.2M")]
    [InlineData(999_999_999, "1B")]
    public void Compact_numbers_roll_over_to_the_next_unit(double value, string expected) =>
        Assert.Equal(expected, ReportFormat.Compact(value, EnGb));

    [Fact]
    public void Heatmap_rejects_labels_that_do_not_match_the_matrix()
    {
        var data = SampleVisuals.SingleCell() with { RowLabels = ["a", "b"] };
        Assert.Throws<ArgumentException>(() => Visuals.HeatmapPng(data, 400, 300, EnGb));
    }

    [Fact]
    public void Heatmap_same_input_gives_the_same_bytes()
    {
        Assert.Equal(Visuals.HeatmapPng(SampleVisuals.CohortRetention(), 900, 600, EnGb), Visuals.HeatmapPng(SampleVisuals.CohortRetention(), 900, 600, EnGb));
        Assert.Equal(Visuals.HeatmapSvg(SampleVisuals.CohortRetention(), 900, 600, EnGb), Visuals.HeatmapSvg(SampleVisuals.CohortRetention(), 900, 600, EnGb));
    }

    public static TheoryData<string> Flows => ["journey", "empty", "single", "extreme"];

    static FlowData Flow(string name) => name switch
    {
        "journey" => SampleVisuals.Journey(),
        "empty" => SampleVisuals.EmptyFlow(),
        "single" => SampleVisuals.SingleLink(),
        _ => SampleVisuals.ExtremeFlow(),
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void Flow_png_has_the_requested_size(string name)
    {
        AssertPng(Visuals.FlowPng(Flow(name), 1200, 700, EnGb), 1200, 700);
        AssertPng(Visuals.FlowPng(Flow(name), 100, 60, EnGb), 100, 60);
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void Flow_svg_is_well_formed_at_the_requested_size(string name)
    {
        AssertSvg(Visuals.FlowSvg(Flow(name), 1200, 700, EnGb), 1200, 700);
        AssertSvg(Visuals.FlowSvg(Flow(name), 100, 60, EnGb), 100, 60);
    }

    [Fact]
    public void Flow_svg_contains_stages_nodes_and_counts()
    {
        var doc = AssertSvg(Visuals.FlowSvg(SampleVisuals.Journey(), 1200, 700, EnGb), 1200, 700);
        var texts = Texts(doc);
        Assert.Contains("Awareness", texts);
        Assert.Contains("Loyalty", texts);
        Assert.Contains("Paid search", texts);
        Assert.Contains("Loyalty club", texts);
        Assert.Contains(texts, t => t.EndsWith('K') || t.EndsWith('M'));
        Assert.DoesNotContain(texts, t => t.Contains("left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Flow_beyond_the_link_cap_says_what_was_left_out()
    {
        var data = SampleVisuals.Journey() with { MaxLinks = 10 };
        var doc = XDocument.Parse(Visuals.FlowSvg(data, 1200, 700, EnGb));
        Assert.Contains(Texts(doc), t => t.Contains("Largest 10 of", StringComparison.Ordinal) && t.Contains("left out", StringComparison.Ordinal));
        // Bands are the only translucent shapes.
        Assert.Equal(10, doc.Descendants(Svg + "path").Count(p => p.Attribute("fill-opacity") is not null));
    }

    [Fact]
    public void Flow_empty_says_so()
    {
        Assert.Contains("No data for this period", Texts(XDocument.Parse(Visuals.FlowSvg(SampleVisuals.EmptyFlow(), 800, 400, EnGb))));
        var onlySelfLinks = SampleVisuals.SingleLink() with { Links = [new FlowEdge("a", "a", 5)] };
        Assert.Contains("No data for this period", Texts(XDocument.Parse(Visuals.FlowSvg(onlySelfLinks, 800, 400, EnGb))));
    }

    [Fact]
    public void Flow_single_link_has_both_nodes()
    {
        var texts = Texts(XDocument.Parse(Visuals.FlowSvg(SampleVisuals.SingleLink(), 800, 400, EnGb)));
        Assert.Contains("Visit", texts);
        Assert.Contains("Purchase", texts);
        Assert.Contains("1", texts);
    }

    [Fact]
    public void Flow_extremes_are_compact_escaped_and_capped()
    {
        var texts = Texts(XDocument.Parse(Visuals.FlowSvg(SampleVisuals.ExtremeFlow(), 1200, 600, EnGb)));
        Assert.Contains("B & <C>", texts);
        Assert.Contains("4.2T", texts);
        Assert.Contains(texts, t => t.EndsWith('…'));
        Assert.Contains(texts, t => t.Contains("Largest 2 of 3 flows", StringComparison.Ordinal));
    }

    [Fact]
    public void Flow_same_input_gives_the_same_bytes()
    {
        Assert.Equal(Visuals.FlowPng(SampleVisuals.Journey(), 1200, 700, EnGb), Visuals.FlowPng(SampleVisuals.Journey(), 1200, 700, EnGb));
        Assert.Equal(Visuals.FlowSvg(SampleVisuals.Journey(), 1200, 700, EnGb), Visuals.FlowSvg(SampleVisuals.Journey(), 1200, 700, EnGb));
    }

    [Fact]
    public void Sizes_out_of_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Visuals.FlowPng(SampleVisuals.SingleLink(), 0, 100, EnGb));
        Assert.Throws<ArgumentOutOfRangeException>(() => Visuals.HeatmapSvg(SampleVisuals.SingleCell(), 100, 100_000, EnGb));
    }
}
