using System.Diagnostics;
using System.Globalization;

namespace JourneyReports.Tests;

/// <summary>
/// Every built-in dashboard run once against one small demo warehouse, rendered and written as a workbook: running is
/// the slow part, so the workbook tests share it.
/// </summary>
public sealed class BuiltInDashboardsFixture : IAsyncLifetime
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    public static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// One dashboard's run. <see cref="Xlsx"/> has the image; ClosedXML 0.95 cannot open a workbook with pictures without
    /// libgdiplus, so <see cref="Readable"/> is the same workbook written without it, for reading back.
    /// </summary>
    public sealed record Run(DashboardDefinition Definition, DashboardResult Result, byte[] Png, byte[] Xlsx, byte[] Readable, TimeSpan WriteTime);

    public Dictionary<string, Run> Runs { get; } = [];
    TempWarehouse w = null!;

    public async Task InitializeAsync()
    {
        w = await TempWarehouse.OpenAsync();
        await w.Connection.DisposeAsync();
        await DemoWarehouse.SeedAsync(w.Warehouse, new DemoSpec(0.01, 11, new DateOnly(2026, 11, 22)), replace: false, null, default);
        var library = DashboardLibrary.Load(Path.Combine(RepoPaths.Root, "dashboards"), TestEngine.SqlChecker);
        Assert.Empty(library.Errors);
        foreach (var definition in library.Definitions)
        {
            var result = await DashboardComposer.RunAsync(definition, w.Warehouse, Clock, default);
            // Wider than the sheet shows it (960 px), so the image is scaled as in production.
            var png = DashboardComposer.RenderPng(definition, result, EnGb, 1200);
            var watch = Stopwatch.StartNew();
            var xlsx = Write(definition, result, png);
            var time = watch.Elapsed;
            Runs[definition.Name] = new Run(definition, result, png, xlsx, Write(definition, result), time);
        }
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(w.Directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    public static byte[] Write(DashboardDefinition definition, DashboardResult result, byte[]? png = null)
    {
        using var output = new MemoryStream();
        DashboardWorkbook.Write(definition, result, png, EnGb, output);
        return output.ToArray();
    }

    /// <inheritdoc cref="WorkbookChecks.ValidationErrors"/>
    public static List<string> ValidationErrors(byte[] xlsx) => WorkbookChecks.ValidationErrors(xlsx);
}
