using System.Globalization;
using System.Text;
using JourneyReports;

namespace JourneyReports.Server;

/// <summary>
/// dashboard: validates the dashboard definitions in a folder (default ./dashboards) and renders one to a PNG, or an SVG
/// when --out ends in .svg, so an analyst can check a definition before it is scheduled.
/// </summary>
public static class DashboardVerb
{
    public static async Task<int> RunAsync(CliArgs args, JourneyReportsOptions options, ILoggerFactory logs)
    {
        args.OnlyKnown("folder", "out", "width");
        var folder = args.Value("folder") ?? "dashboards";
        if (!Directory.Exists(folder)) throw new CliUsageException($"--folder '{folder}' does not exist");
        var library = DashboardLibrary.Load(folder);
        foreach (var error in library.Errors.SelectMany(e => e.Value))
            Console.Error.WriteLine($"{error.File}:{error.Line}: {error.Problem}");
        if (args.Positional.Count == 0)
        {
            foreach (var d in library.Definitions) Console.WriteLine($"{d.Name}  {d.Title}");
            return library.Errors.Count == 0 ? 0 : 2;
        }
        var definition = library.Definitions.FirstOrDefault(d => d.Name == args.Positional[0])
            ?? throw new CliUsageException($"no valid dashboard '{args.Positional[0]}' in {folder}; valid: {string.Join(", ", library.Definitions.Select(d => d.Name))}");
        var result = await DashboardComposer.RunAsync(definition, Warehouse.From(options), TimeProvider.System, CancellationToken.None);
        var (culture, width) = (CultureInfo.GetCultureInfo(options.Culture), args.Int("width", 1600));
        var path = Path.GetFullPath(args.Value("out") ?? $"{definition.Name}.png");
        var image = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetBytes(DashboardComposer.RenderSvg(definition, result, culture, width).Svg)
            : DashboardComposer.RenderPng(definition, result, culture, width);
        await File.WriteAllBytesAsync(path + ".partial", image);
        File.Move(path + ".partial", path, overwrite: true);
        Console.WriteLine($"Rendered {definition.Name} for {result.Period} to {path}");
        return 0;
    }
}
