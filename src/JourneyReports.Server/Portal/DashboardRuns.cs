using System.Diagnostics;
using System.Globalization;
using JourneyReports.Dashboards;
using JourneyReports.Warehouse;
using static JourneyReports.Server.Html;

namespace JourneyReports.Server;

/// <summary>
/// Runs a dashboard definition for a web request: finds it by name in the configured folder, applies the query
/// string's parameters, queries the warehouse (or reuses the result of the same queries, see <see cref="DashboardResultCache"/>),
/// and hands the result to the response. Every way this can go wrong ends in a page that names the problem: unknown
/// dashboard (404), bad parameter (400), warehouse held elsewhere (503).
/// </summary>
public sealed class DashboardRuns(JourneyReportsOptions options, JourneyWarehouse warehouse, DashboardResultCache results, TimeProvider clock,
    ILogger<DashboardRuns> log)
{
    readonly CultureInfo culture = options.ReportCulture();
    readonly DashboardLibraryCache libraries = new();

    /// <summary>Read again whenever a file in the folder changes, so a definition dropped in shows up without a restart.</summary>
    public DashboardLibrary Library() => libraries.Get(options.DashboardsDirectory, warehouse.Provider);

    /// <summary>What <paramref name="draw"/> makes of a result, made once per kept result (see <see cref="DashboardResultCache.Drawn"/>).</summary>
    public T Drawn<T>(DashboardDefinition definition, DashboardResult result, CultureInfo culture, string what, Func<T> draw) where T : class =>
        results.Drawn(result, definition, culture, what, draw);

    public async Task<IResult> Respond(string name, HttpRequest request, CancellationToken ct,
        Func<DashboardDefinition, DashboardResult, CultureInfo, IResult> respond, Func<DashboardDefinition, IReadOnlyCollection<string>>? only = null)
    {
        var library = Library();
        var definition = library.Definitions.FirstOrDefault(d => d.Name == name);
        if (definition is null)
        {
            var why = library.Errors.Keys.Any(f => Path.GetFileNameWithoutExtension(f) == name)
                ? $"The definition of '{E(name)}' has errors; see <a href=\"/dashboards\">Dashboards</a>."
                : $"There is no dashboard '{E(name)}'. Available: {string.Join(", ", library.Definitions.Select(d => $"<a href=\"/dashboards/{E(d.Name)}\">{E(d.Name)}</a>"))}.";
            return ErrorPage(404, "Dashboard not found", why);
        }

        var (applied, errors) = ParameterOverrides.Read(key => request.Query[key].FirstOrDefault()).ApplyTo(definition);
        if (applied is null)
            return ErrorPage(400, $"{definition.Title}: the parameters are not valid",
                $"<ul>{string.Concat(errors.Select(e => $"<li>{E(e)}</li>"))}</ul>{ParameterForm.Html(definition, request)}");

        using var scope = log.BeginScope(new Dictionary<string, object> { ["Report"] = definition.Name });
        var watch = Stopwatch.StartNew();
        DashboardResult result;
        try
        {
            result = await results.GetAsync(applied, warehouse, clock, ct, only?.Invoke(applied));
        }
        catch (WarehouseBusyException e)
        {
            log.LogWarning("Dashboard {Report} not run: {Problem}", definition.Name, e.Message);
            // The file's path and the holder's process id go to the log, not to whoever asked.
            return ErrorPage(503, "The warehouse is busy",
                "Another process (an import or a seed on the command line) has the warehouse open. Try again when it has finished.");
        }
        var failed = result.Datasets.Values.Where(d => d.Error is not null).Select(d => d.Name).ToList();
        log.LogInformation("Dashboard {Report} ran for {Period} with {Filter} in {Milliseconds} ms; failed datasets: {Failed}",
            definition.Name, result.Period.ToString(), result.Filter.ToString(), watch.ElapsedMilliseconds, failed.Count == 0 ? "none" : string.Join(", ", failed));
        return respond(applied, result, culture);
    }
}
