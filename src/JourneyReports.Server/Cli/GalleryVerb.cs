using JourneyReports.Dashboards;
using JourneyReports.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyReports.Server;

/// <summary>
/// gallery: every dashboard definition over a small demo warehouse (made in a temporary folder), written as PNG, SVG
/// and workbook into --out, to look at after a change to a visual. Nothing of the configured data is touched.
/// </summary>
public static class GalleryVerb
{
    public static async Task<int> RunAsync(CliArgs args, IServiceProvider services)
    {
        args.OnlyKnown("out", "scale");
        var configured = services.GetRequiredService<JourneyReportsOptions>();
        var output = Path.GetFullPath(args.Value("out") ?? "gallery");
        var scale = args.Double("scale", 0.02);
        if (scale is <= 0 or > 1) throw new CliUsageException($"--scale must be above 0 and at most 1 (was {scale})");
        Directory.CreateDirectory(output);
        var dir = Path.Combine(Path.GetTempPath(), "journeyreports-gallery-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            var options = new JourneyReportsOptions { DataDirectory = dir, Culture = configured.Culture, CurrencySymbol = configured.CurrencySymbol,
                Journey = configured.Journey, DashboardsDirectory = configured.DashboardsDirectory };
            await using var gallery = Cli.Services(options, NullLoggerFactory.Instance);
            var warehouse = gallery.GetRequiredService<JourneyWarehouse>();
            await DemoWarehouse.SeedAsync(warehouse, new DemoSpec(scale, 42, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)), replace: true, null, CancellationToken.None);
            var culture = options.ReportCulture();
            var library = DashboardLibrary.Load(options.DashboardsDirectory, warehouse.Provider);
            foreach (var error in library.Errors.SelectMany(e => e.Value)) Console.Error.WriteLine(error);
            foreach (var definition in library.Definitions)
            {
                var result = await DashboardComposer.RunAsync(definition, warehouse, TimeProvider.System, CancellationToken.None);
                var image = DashboardComposer.Render(definition, result, culture);
                await File.WriteAllBytesAsync(Path.Combine(output, definition.Name + ".png"), image.Png);
                await File.WriteAllTextAsync(Path.Combine(output, definition.Name + ".svg"), DashboardComposer.RenderSvg(definition, result, culture).Svg);
                await using (var xlsx = File.Create(Path.Combine(output, definition.Name + ".xlsx")))
                    DashboardWorkbook.Write(definition, result, image.Png, culture, xlsx);
                var problems = image.Problems.Count == 0 ? "" : "; could not draw " + string.Join(", ", image.Problems.Keys);
                Console.WriteLine($"{definition.Name}: .png, .svg, .xlsx in {output}{problems}");
            }
            return library.Errors.Count == 0 ? 0 : 2;
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
