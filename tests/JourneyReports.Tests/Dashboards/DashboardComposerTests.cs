using System.Globalization;
using SkiaSharp;

namespace JourneyReports.Tests;

/// <summary>The gallery: every built-in definition runs against one small demo warehouse and renders as one PNG.</summary>
public sealed class DashboardComposerTests : IAsyncLifetime
{
    static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    const string Gallery = "/tmp/gallery";
    TempWarehouse w = null!;

    public async Task InitializeAsync()
    {
        w = await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync();
        await DemoWarehouse.SeedAsync(w.Warehouse, new DemoSpec(0.01, 11, new DateOnly(2026, 11, 22)), replace: false, null, default);
        await w.ReopenAsync();
        await w.Connection.DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        try { System.IO.Directory.Delete(w.Directory, recursive: true); } catch (IOException) { }
        await Task.CompletedTask;
    }

    [Fact]
    public async Task EveryBuiltInDashboard_RunsAndRenders_WithNoVisualFailing()
    {
        var library = DashboardLibrary.Load(Path.Combine(RepoPaths.Root, "dashboards"));
        Assert.Empty(library.Errors);
        var definitions = library.Definitions;
        Assert.Equal(8, definitions.Count);
        Directory.CreateDirectory(Gallery);
        var culture = CultureInfo.GetCultureInfo("en-GB");
        foreach (var definition in definitions)
        {
            var result = await DashboardComposer.RunAsync(definition, w.Warehouse, Clock, default);
            var image = DashboardComposer.Render(definition, result, culture, 1600);
            await File.WriteAllBytesAsync(Path.Combine(Gallery, definition.Name + ".png"), image.Png);

            using var bitmap = SKBitmap.Decode(image.Png);
            Assert.NotNull(bitmap);
            Assert.Equal(1600, bitmap.Width);
            Assert.True(image.Problems.Count == 0,
                $"{definition.Name}: " + string.Join("; ", image.Problems.Select(p => $"{p.Key}: {p.Value}")));
            Assert.DoesNotContain(image.Problems.Values, p => p.StartsWith("Could not draw", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AVisualThatCannotBeDrawn_SaysSoInItsCell_AndTheOthersStillDraw()
    {
        var definition = DashboardDefinition.Parse("""
            { "name": "broken", "title": "Broken", "version": 1,
              "datasets": { "d": { "metric": "funnel" } },
              "visuals": [
                { "id": "bad", "type": "bar", "dataset": "d", "fields": { "x": "stage", "y": "nope" }, "position": { "row": 1, "col": 1, "width": 1, "height": 1 } },
                { "id": "good", "type": "funnel", "dataset": "d", "fields": { "label": "stage", "value": "customers" }, "position": { "row": 1, "col": 2, "width": 1, "height": 1 } },
                { "id": "empty", "type": "table", "dataset": "e", "columns": [], "position": { "row": 2, "col": 1, "width": 2, "height": 1 } } ],
              "layout": { "rows": 2, "columns": 2 } }
            """, "broken.json").Definition!;
        var period = ReportPeriod.Days(new(2026, 11, 16), new(2026, 11, 22), TimeZoneInfo.Utc);
        var rows = new DatasetRows("d", [new FunnelStep(1, "awareness", 10, null), new FunnelStep(2, "purchase", 4, 0.6m)]);
        var result = new DashboardResult(period, period.Previous(), JourneyFilter.None, Clock.GetUtcNow(), null,
            new Dictionary<string, DatasetRows> { ["d"] = rows, ["e"] = new DatasetRows("e", []) });

        var image = DashboardComposer.Render(definition, result, CultureInfo.InvariantCulture, 800);

        Assert.Equal(["bad"], image.Problems.Keys);
        Assert.StartsWith("Could not draw:", image.Problems["bad"]);
        using var bitmap = SKBitmap.Decode(image.Png);
        Assert.Equal(800, bitmap.Width);
    }
}
