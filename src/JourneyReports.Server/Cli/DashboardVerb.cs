using System.Text;
using JourneyReports.Dashboards;
using JourneyReports.Rendering;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>
/// dashboard: validates the dashboard definitions in a folder (default: the configured dashboards folder) and renders
/// one, for its default parameters or the ones given, to a PNG (an SVG or a PDF when --out ends in .svg or .pdf) and/or an Excel
/// workbook, so an analyst can check a definition before it is scheduled.
/// </summary>
public static class DashboardVerb
{
    public static async Task<int> RunAsync(CliArgs args, IServiceProvider services)
    {
        var options = services.GetRequiredService<JourneyReportsOptions>();
        args.OnlyKnown(["folder", "out", "width", "xlsx", .. ParameterOverrides.Names]);
        if (args.Flag("xlsx")) throw new CliUsageException("--xlsx needs a file name, e.g. --xlsx board.xlsx");
        var xlsx = args.Value("xlsx") is { } x ? Path.GetFullPath(x) : null;
        if (xlsx is not null && !Directory.Exists(Path.GetDirectoryName(xlsx))) throw new CliUsageException($"--xlsx: the folder of '{xlsx}' does not exist");
        var folder = args.Value("folder") ?? options.DashboardsDirectory;
        if (!Directory.Exists(folder)) throw new CliUsageException($"--folder '{folder}' does not exist");
        var warehouse = services.GetRequiredService<JourneyWarehouse>();
        var library = DashboardLibrary.Load(folder, warehouse.Provider);
        foreach (var error in library.Errors.SelectMany(e => e.Value))
            Console.Error.WriteLine($"{error.File}:{error.Line}: {error.Problem}");
        if (args.Positional.Count == 0)
        {
            foreach (var d in library.Definitions) Console.WriteLine($"{d.Name}  {d.Title}");
            return library.Errors.Count == 0 ? 0 : 2;
        }
        var found = library.Definitions.FirstOrDefault(d => d.Name == args.Positional[0])
            ?? throw new CliUsageException($"no valid dashboard '{args.Positional[0]}' in {folder}; valid: {string.Join(", ", library.Definitions.Select(d => d.Name))}");
        var (definition, problems) = ParameterOverrides.Read(args.Value).ApplyTo(found);
        if (definition is null) throw new CliUsageException(string.Join("; ", problems));
        // Everything that can be wrong with the outputs is checked before the warehouse is queried.
        var width = args.Int("width", DashboardComposer.WidthOf(definition));
        if (width is < DashboardComposer.MinWidth or > DashboardComposer.MaxWidth)
            throw new CliUsageException($"--width must be from {DashboardComposer.MinWidth} to {DashboardComposer.MaxWidth} pixels, not {width}");
        if (DashboardComposer.PageHeight(definition, width) is var height && height > DashboardComposer.MaxSide)
            throw new CliUsageException($"at --width {width} the dashboard would be {height:N0} px high, over the {DashboardComposer.MaxSide:N0} px that can be drawn; use a smaller width");
        if (args.Value("out") is { } outPath && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(outPath))))
            throw new CliUsageException($"--out: the folder of '{Path.GetFullPath(outPath)}' does not exist");

        var result = await DashboardComposer.RunAsync(definition, warehouse, TimeProvider.System, CancellationToken.None);
        var culture = options.ReportCulture();
        var png = DashboardComposer.RenderPng(definition, result, culture, width);
        // With only --xlsx the PNG is still rendered, to go on the workbook's Summary sheet, but not written on its own.
        if (args.Value("out") is not null || xlsx is null)
        {
            var path = Path.GetFullPath(args.Value("out") ?? $"{definition.Name}.png");
            var image = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".svg" => Encoding.UTF8.GetBytes(DashboardComposer.RenderSvg(definition, result, culture, width).Svg),
                ".pdf" => DashboardComposer.RenderPdf(definition, result, culture, width).Pdf,
                _ => png,
            };
            await Cli.WriteWholeAsync(path, file => file.WriteAsync(image));
            Console.WriteLine($"Rendered {definition.Name} for {ReportFormat.Period(result.Period, culture)} to {path}");
        }
        if (xlsx is not null)
        {
            await Cli.WriteWholeAsync(xlsx, file => { DashboardWorkbook.Write(definition, result, png, culture, file); return ValueTask.CompletedTask; });
            Console.WriteLine($"Wrote the {definition.Name} workbook for {ReportFormat.Period(result.Period, culture)} to {xlsx}");
        }
        return 0;
    }
}
