using System.Globalization;
using SkiaSharp;

namespace JourneyReports.Tests;

/// <summary>The gallery: every built-in definition runs against one small demo warehouse and renders as one PNG, one SVG and one PDF.</summary>
public sealed class DashboardComposerTests(SmallDemoYear demo) : IClassFixture<SmallDemoYear>
{
    static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task EveryBuiltInDashboard_RunsAndRenders_AsPngAndAllVectorSvgAndPdf_WithNoVisualFailing()
    {
        var library = DashboardLibrary.Load(Path.Combine(RepoPaths.Root, "dashboards"), TestEngine.SqlChecker);
        Assert.Empty(library.Errors);
        var definitions = library.Definitions;
        Assert.Equal(8, definitions.Count);
        var culture = CultureInfo.GetCultureInfo("en-GB");
        foreach (var definition in definitions)
        {
            var result = await DashboardComposer.RunAsync(definition, demo.Warehouse, Clock, default);
            var image = DashboardComposer.Render(definition, result, culture, 1600);
            var svg = DashboardComposer.RenderSvg(definition, result, culture, 1600);
            var pdf = DashboardComposer.RenderPdf(definition, result, culture, 1600);

            using var bitmap = SKBitmap.Decode(image.Png);
            Assert.NotNull(bitmap);
            Assert.Equal(1600, bitmap.Width);
            AssertNoProblems(definition, image.Problems);
            AssertNoProblems(definition, svg.Problems);
            var texts = SvgAssert.Texts(SvgAssert.Valid(svg.Svg, bitmap.Width, bitmap.Height, definition.Title));
            Assert.Contains(definition.Title, texts);
            // KPI tiles carry their own labels and draw no title of their own.
            foreach (var visual in definition.Visuals.Where(v => v.Type != "kpi-tiles"))
                Assert.True(texts.Contains(visual.Title ?? visual.Id), $"{definition.Name}: no title '{visual.Title}' in the SVG");
            AssertNoProblems(definition, pdf.Problems);
            var pdfText = PdfAssert.Valid(pdf.Pdf, bitmap.Width, bitmap.Height, definition.Title);
            foreach (var visual in definition.Visuals.Where(v => v.Type != "kpi-tiles"))
                Assert.True(pdfText.Contains(visual.Title ?? visual.Id, StringComparison.Ordinal), $"{definition.Name}: no title '{visual.Title}' in the PDF");
        }
    }

    [Fact]
    public async Task EveryVisual_RendersAlone_AsPngAndSvg_AtTheSizeOfItsGridCell()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        foreach (var definition in DashboardLibrary.Load(Path.Combine(RepoPaths.Root, "dashboards"), TestEngine.SqlChecker).Definitions)
        {
            var result = await DashboardComposer.RunAsync(definition, demo.Warehouse, Clock, default);
            foreach (var visual in definition.Visuals)
            {
                var png = DashboardComposer.RenderVisual(definition, result, visual.Id, culture, 1600)!;
                var svg = DashboardComposer.RenderVisualSvg(definition, result, visual.Id, culture, 1600)!;

                using var bitmap = SKBitmap.Decode(png.Png);
                // A 12-column grid on 1600 px: cells (1600 - 2 × 32 + 16) / 12 = 129.33 px wide, 0.8 of that (103) high, 16 px gaps.
                Assert.Equal((int)MathF.Round(visual.Position.Width * (1552f / definition.Layout.Columns) - 16), bitmap.Width);
                Assert.Equal((int)MathF.Round(visual.Position.Height * MathF.Round(1552f / definition.Layout.Columns * 0.8f) - 16), bitmap.Height);
                AssertNoProblems(definition, png.Problems);
                SvgAssert.Valid(svg.Svg, bitmap.Width, bitmap.Height, visual.Title ?? visual.Id);
            }
        }
        Assert.Null(DashboardComposer.RenderVisual(DashboardLibrary.Load(Path.Combine(RepoPaths.Root, "dashboards"), TestEngine.SqlChecker).Definitions[0], null!, "no-such-visual", culture));
    }

    static void AssertNoProblems(DashboardDefinition definition, IReadOnlyDictionary<string, string> problems) =>
        Assert.True(problems.Count == 0, $"{definition.Name}: " + string.Join("; ", problems.Select(p => $"{p.Key}: {p.Value}")));

    /// <summary>A bar chart that cannot be drawn (no field "nope"), a funnel that can, and a table with no rows.</summary>
    static (DashboardDefinition, DashboardResult) PartlyBroken()
    {
        var definition = DashboardDefinition.Parse("""
            { "name": "broken", "title": "Broken", "version": 1,
              "datasets": { "d": { "metric": "funnel" } },
              "visuals": [
                { "id": "bad", "type": "bar", "dataset": "d", "fields": { "x": "stage", "y": "nope" }, "position": { "row": 1, "col": 1, "width": 1, "height": 1 } },
                { "id": "good", "type": "funnel", "dataset": "d", "fields": { "label": "stage", "value": "customers" }, "position": { "row": 1, "col": 2, "width": 1, "height": 1 } },
                { "id": "empty", "type": "table", "dataset": "e", "columns": [], "position": { "row": 2, "col": 1, "width": 2, "height": 1 } } ],
              "layout": { "rows": 2, "columns": 2 } }
            """, "broken.json", TestEngine.SqlChecker).Definition!;
        var rows = new DatasetRows("d", [new FunnelStep(1, "awareness", 10, null), new FunnelStep(2, "purchase", 4, 0.6m)]);
        return (definition, Result(new() { ["d"] = rows, ["e"] = new DatasetRows("e", []) }));
    }

    static DashboardResult Result(Dictionary<string, DatasetRows> datasets)
    {
        var period = ReportPeriod.Days(new(2026, 11, 16), new(2026, 11, 22), TimeZoneInfo.Utc);
        return new DashboardResult(period, period.Previous(), JourneyFilter.None, Clock.GetUtcNow(), null, datasets);
    }

    [Fact]
    public void AVisualThatCannotBeDrawn_SaysSoInItsCell_AndTheOthersStillDraw()
    {
        var (definition, result) = PartlyBroken();

        var image = DashboardComposer.Render(definition, result, CultureInfo.InvariantCulture, 800);

        Assert.Equal(["bad"], image.Problems.Keys);
        Assert.StartsWith("Could not draw:", image.Problems["bad"]);
        using var bitmap = SKBitmap.Decode(image.Png);
        Assert.Equal(800, bitmap.Width);
    }

    [Fact]
    public void InSvg_AVisualThatCannotBeDrawn_SaysSoInItsCell_AndAnEmptyOneSaysNoData()
    {
        var (definition, result) = PartlyBroken();

        var svg = DashboardComposer.RenderSvg(definition, result, CultureInfo.InvariantCulture, 800);

        Assert.Equal(["bad"], svg.Problems.Keys);
        // Cells (800 - 2×32 + 16) / 2 = 376 wide and round(376 × 0.8) = 301 high: 150 header + 2 × 301 + 36 footer = 788.
        var texts = SvgAssert.Texts(SvgAssert.Valid(svg.Svg, 800, 788, "Broken"));
        Assert.Contains(texts, t => t.StartsWith("Could not draw:", StringComparison.Ordinal));
        Assert.Contains("No data for this period", texts);
        // The invariant culture writes percentages with a space: 0.6 is "60.0 %".
        Assert.Contains("▼ 60.0 % drop-off", texts);
    }

    [Fact]
    public void InSvg_HugeValuesAreCompact_LongLabelsShortened_AndTitlesEscaped()
    {
        var definition = DashboardDefinition.Parse("""
            { "name": "extremes", "title": "Extremes & <escapes>", "version": 1,
              "datasets": { "d": { "metric": "funnel" } },
              "visuals": [
                { "id": "bars", "title": "Customers by stage", "type": "bar", "dataset": "d", "fields": { "x": "stage", "y": "customers" },
                  "format": "compact", "position": { "row": 1, "col": 1, "width": 1, "height": 1 } } ],
              "layout": { "rows": 1, "columns": 1 } }
            """, "extremes.json", TestEngine.SqlChecker).Definition!;
        var longName = "a stage name far too long to fit under its own bar in a chart this narrow";
        var rows = new DatasetRows("d", [new FunnelStep(1, longName, 1_000_000_000_000, null), new FunnelStep(2, "purchase", 4, 1)]);

        var svg = DashboardComposer.RenderSvg(definition, Result(new() { ["d"] = rows }), CultureInfo.InvariantCulture, 600);

        Assert.Empty(svg.Problems);
        // One cell (600 - 64 + 16) = 552 wide, round(552 × 0.8) = 442 high: 150 + 442 + 36 = 628.
        var texts = SvgAssert.Texts(SvgAssert.Valid(svg.Svg, 600, 628, "Extremes & <escapes>"));
        Assert.Contains("Extremes & <escapes>", texts);
        Assert.Contains("1T", texts);
        Assert.Contains(texts, t => t.StartsWith("A stage name", StringComparison.Ordinal) && t.EndsWith('…'));
        Assert.Contains("Purchase", texts);
    }
}
