using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;

namespace JourneyReports.Tests;

// "Rendering" in the class name lets `dotnet test --filter FullyQualifiedName~Rendering` select these.
public class JourneyMapRenderingTests
{
    static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Maps => ["realistic", "partial", "empty", "extreme"];

    static JourneyMapData Map(string name) => name switch
    {
        "realistic" => SampleJourneyMaps.Realistic(),
        "partial" => SampleJourneyMaps.Partial(),
        "empty" => SampleJourneyMaps.Empty(),
        _ => SampleJourneyMaps.Extreme(),
    };

    static List<string> Texts(string svg) => XDocument.Parse(svg).Descendants(Svg + "text").Select(t => t.Value).ToList();

    [Theory]
    [MemberData(nameof(Maps))]
    public void Png_decodes_at_the_requested_size(string name)
    {
        foreach (var (w, h) in new[] { (1600, 900), (1200, 700), (160, 90) })
        {
            using var bitmap = SKBitmap.Decode(Visuals.JourneyMapPng(Map(name), w, h, EnGb));
            Assert.NotNull(bitmap);
            Assert.Equal((w, h), (bitmap.Width, bitmap.Height));
        }
        // Set JOURNEY_MAP_SAMPLE to a folder to look at the pictures.
        if (Environment.GetEnvironmentVariable("JOURNEY_MAP_SAMPLE") is { Length: > 0 } folder)
            foreach (var (w, h) in new[] { (1600, 900), (1200, 700) })
                File.WriteAllBytes(Path.Combine(folder, $"journey-map-{name}-{w}.png"), Visuals.JourneyMapPng(Map(name), w, h, EnGb));
    }

    [Theory]
    [MemberData(nameof(Maps))]
    public void Svg_is_well_formed_at_the_requested_size(string name)
    {
        var doc = XDocument.Parse(Visuals.JourneyMapSvg(Map(name), 1200, 700, EnGb));
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal("1200", doc.Root.Attribute("width")?.Value);
        Assert.Equal("700", doc.Root.Attribute("height")?.Value);
    }

    [Fact]
    public void Svg_has_stages_lanes_numbers_and_the_callout()
    {
        var texts = Texts(Visuals.JourneyMapSvg(SampleJourneyMaps.Realistic(), 1600, 900, EnGb));
        foreach (var expected in new[] { "Customer journey map", "Persona: Returning shopper", "Awareness", "Advocacy", "Touchpoints",
            "Customer actions", "Emotion", "Pain points", "Customers", "33,155", "400", "views products", "payment failed", "late delivery",
            "8,452", "−0.3", "+0.6", "Paid search", "46%" })
            Assert.Contains(expected, texts);
        Assert.Contains("Biggest drop-off: Retention → Advocacy, 81% lost", texts);
        // Only the top two pain points of a stage are shown.
        Assert.DoesNotContain("refund request", texts);
    }

    [Fact]
    public void Partial_map_shows_gaps_and_no_pain_points()
    {
        var texts = Texts(Visuals.JourneyMapSvg(SampleJourneyMaps.Partial(), 1200, 700, EnGb));
        Assert.Contains("no survey data", texts);
        Assert.Contains("none reported", texts);
        Assert.Contains("Biggest drop-off: Consideration → Decision, 75% lost", texts);
    }

    [Fact]
    public void Empty_map_says_so() =>
        Assert.Contains("No data for this period", Texts(Visuals.JourneyMapSvg(SampleJourneyMaps.Empty(), 1200, 700, EnGb)));

    [Fact]
    public void Extremes_are_compact_shortened_and_escaped()
    {
        var texts = Texts(Visuals.JourneyMapSvg(SampleJourneyMaps.Extreme(), 1200, 700, EnGb));
        Assert.Contains("4.2T", texts);
        Assert.Contains("10B", texts);
        Assert.Contains(texts, t => t.EndsWith('…'));
        Assert.Contains("+1.0", texts);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        Assert.Equal(Visuals.JourneyMapPng(SampleJourneyMaps.Realistic(), 1200, 700, EnGb), Visuals.JourneyMapPng(SampleJourneyMaps.Realistic(), 1200, 700, EnGb));
        Assert.Equal(Visuals.JourneyMapSvg(SampleJourneyMaps.Realistic(), 1200, 700, EnGb), Visuals.JourneyMapSvg(SampleJourneyMaps.Realistic(), 1200, 700, EnGb));
    }

    [Fact]
    public void Null_data_is_rejected() =>
        Assert.Throws<ArgumentNullException>(() => Visuals.JourneyMapPng(null!, 1200, 700, EnGb));

    [Fact]
    public void Builder_maps_metrics_to_stages()
    {
        var map = JourneyMapData.From("Returning shopper", SampleJourneyMaps.Funnel(), SampleJourneyMaps.Touchpoints(),
            SampleJourneyMaps.Experience(), SampleJourneyMaps.PainPoints());

        Assert.Equal(JourneyStages.InOrder, map.Stages.Select(s => s.Stage));
        Assert.Equal("Returning shopper", map.Persona);
        var awareness = map.Stages[0];
        Assert.Equal(33_155, awareness.Customers);
        Assert.Null(awareness.DropOffFromPrevious);
        Assert.Equal(["Paid search", "Social", "Email"], awareness.Touchpoints.Select(t => t.Name));
        Assert.Equal(0.46, awareness.Touchpoints[0].Share, 6);
        Assert.Equal(["clicks an ad", "clicks an email", "lands on the site"], awareness.Actions);
        Assert.Equal(0.4, awareness.Emotion);
        Assert.Null(map.Stages[1].Emotion);
        Assert.Equal(["adds to cart", "starts checkout"], map.Stages[2].Actions);

        Assert.Equal(["product question"], map.Stages[1].PainPoints.Select(p => p.Name));
        Assert.Equal([("payment failed", 210L)], map.Stages[2].PainPoints.Select(p => (p.Name, p.Count)));
        Assert.Empty(map.Stages[3].PainPoints);
        Assert.Equal(["late delivery", "item damaged", "refund request", "account access"], map.Stages[4].PainPoints.Select(p => p.Name));
        Assert.DoesNotContain(map.Stages.SelectMany(s => s.PainPoints), p => p.Name == "gift wrapping");

        var drop = map.BiggestDropOff()!;
        Assert.Equal(("retention", "advocacy", 17_00L), (drop.From, drop.To, drop.Lost));
        Assert.Equal(0.8095m, drop.Share);
    }

    [Fact]
    public void Builder_pain_point_stages_can_be_overridden_and_event_stages_configured()
    {
        var map = JourneyMapData.From("p", SampleJourneyMaps.Funnel(), SampleJourneyMaps.Touchpoints(), [], SampleJourneyMaps.PainPoints(),
            eventStages: [("custom_event", "purchase"), ("purchase", "purchase")],
            painPointStages: new Dictionary<string, string> { ["Payment Failed"] = "purchase", ["gift wrapping"] = "advocacy" });

        Assert.Empty(map.Stages[2].PainPoints);
        Assert.Equal(["payment failed"], map.Stages[3].PainPoints.Select(p => p.Name));
        Assert.Equal(["gift wrapping"], map.Stages[5].PainPoints.Select(p => p.Name));
        Assert.Equal(["custom event", "buys"], map.Stages[3].Actions);
        Assert.Empty(map.Stages[0].Actions);
    }

    [Fact]
    public void Builder_without_a_funnel_uses_the_stages_that_have_data()
    {
        var map = JourneyMapData.From("p", [], new Touchpoints([], []), SampleJourneyMaps.Experience(), []);
        Assert.Equal(["awareness", "decision", "retention"], map.Stages.Select(s => s.Stage));
        Assert.Null(map.BiggestDropOff());
    }
}
