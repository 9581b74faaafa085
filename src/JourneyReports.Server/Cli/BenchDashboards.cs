using System.Globalization;
using JourneyReports.Dashboards;
using JourneyReports.Rendering;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>
/// The bench verb's dashboard part: every definition in the dashboards folder run against the bench warehouse, and
/// its PNG, SVG and workbook made from the result, each the median of the timed calls after a warm-up.
/// </summary>
internal static class BenchDashboards
{
    public static async Task RunAsync(string folder, JourneyWarehouse warehouse, CultureInfo culture, int runs)
    {
        var library = DashboardLibrary.Load(folder, warehouse.Provider);
        Console.WriteLine($"{"dashboard (median ms)",-28}{"queries",10}{"PNG",10}{"SVG",10}{"workbook",10}{"period",28}");
        foreach (var definition in library.Definitions)
        {
            DashboardResult? result = null;
            var queries = await BenchVerb.MedianMs(runs, async () => result = await DashboardComposer.RunAsync(definition, warehouse, TimeProvider.System, CancellationToken.None));
            var png = DashboardComposer.RenderPng(definition, result!, culture);
            var pngMs = await BenchVerb.MedianMs(runs, () => Task.FromResult(DashboardComposer.RenderPng(definition, result!, culture)));
            var svgMs = await BenchVerb.MedianMs(runs, () => Task.FromResult(DashboardComposer.RenderSvg(definition, result!, culture)));
            var workbookMs = await BenchVerb.MedianMs(runs, () =>
            {
                using var stream = new MemoryStream();
                DashboardWorkbook.Write(definition, result!, png, culture, stream);
                return Task.FromResult(stream.Length);
            });
            Console.WriteLine($"{definition.Name,-28}{queries,10:0}{pngMs,10:0}{svgMs,10:0}{workbookMs,10:0}{ReportFormat.Period(result!.Period, culture),28}");
        }
    }
}
