using System.Globalization;
using JourneyReports.Import;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>import: load CSV exports into the configured warehouse as a mapping file says (docs/import.md).</summary>
public static class ImportVerb
{
    public static async Task<int> RunAsync(CliArgs args, IServiceProvider services)
    {
        var options = services.GetRequiredService<JourneyReportsOptions>();
        args.OnlyKnown("mapping", "data", "rejects", "max-rejected");
        var mapping = args.Value("mapping") ?? throw new CliUsageException("name the mapping file with --mapping FILE");
        var rejects = args.Value("rejects") ?? options.ResolvePath("import-rejects.csv");
        var maxRejected = args.Value("max-rejected") is { } share ? Share(share) : (double?)null;
        var warehouse = services.GetRequiredService<JourneyWarehouse>();
        var result = await CsvImport.RunAsync(warehouse, mapping, args.Value("data"), rejects, maxRejected, CancellationToken.None, options.Warehouse.ImportMemoryLimit);
        foreach (var file in result.Files)
        {
            Console.WriteLine($"{file.File}: {file.Loaded:N0} loaded, {file.Rejected:N0} rejected ({file.Records:N0} records read, {file.Unreadable:N0} unreadable lines) in {file.Elapsed.TotalSeconds:0.0} s");
            foreach (var t in file.Targets)
                Console.WriteLine($"  {t.Table}: {t.Loaded:N0} loaded, {t.Rejected:N0} rejected, {t.Merged:N0} merged by key");
        }
        foreach (var warning in result.Warnings) Console.Error.WriteLine($"warning: {warning}");
        Console.WriteLine($"Rejects file: {result.RejectsPath}");
        Console.WriteLine($"Imported into {warehouse.Location} in {result.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>"10%" or "0.1": the share of a file's rows that may be rejected.</summary>
    static double Share(string text)
    {
        var percent = text.EndsWith('%');
        if (double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && (percent ? value / 100 : value) is >= 0 and <= 1 and var share)
            return share;
        throw new CliUsageException($"--max-rejected '{text}' is not a share: give a percentage (10%) or a fraction from 0 to 1 (0.1)");
    }
}
