using System.Diagnostics;
using System.Globalization;
using JourneyReports.Dashboards;
using JourneyReports.Journeys;
using JourneyReports.Warehouse;

namespace JourneyReports.Server;

/// <summary>
/// Runs a dashboard definition for a web request: finds it by name in the configured folder, applies the query
/// string's parameters, narrows them to the person's data scope, queries the warehouse (or reuses the result of the
/// same queries, see <see cref="DashboardResultCache"/>), and hands the result to the response. Every way this can go
/// wrong ends in an answer that names the problem (a page for the portal, problem details for the API; see
/// <see cref="DashboardAnswers"/>): unknown dashboard (404), bad parameter (400), outside the person's data scope (403),
/// warehouse held elsewhere (503).
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

    /// <summary>The scope's filters as the view has them (one value each): analyst SQL reads only those rows.</summary>
    static JourneyFilter? Restriction(DataScope scope, DashboardDefinition applied)
    {
        if (scope.IsAll) return null;
        var values = applied.Parameters.Filters.ByName().ToDictionary(f => f.Name, f => f.Value);
        return DashboardFilters.Read(name => scope.Allowed.ContainsKey(name) ? values[name] : null).ToFilter();
    }

    public async Task<IResult> Respond(string name, HttpRequest request, CancellationToken ct,
        Func<DashboardDefinition, DashboardResult, CultureInfo, IResult> respond, Func<DashboardDefinition, IReadOnlyCollection<string>>? only = null,
        DashboardAnswers? answers = null)
    {
        answers ??= DashboardAnswers.Pages;
        var library = Library();
        var definition = library.Definitions.FirstOrDefault(d => d.Name == name);
        if (definition is null)
            return answers.NoDashboard(library, name);

        string? Query(string key) => request.Query[key].FirstOrDefault();
        var (applied, errors) = ParameterOverrides.Read(Query).ApplyTo(definition);
        if (applied is null)
            return answers.BadParameters(definition, errors, request);
        // A viewer's data scope narrows whatever was asked for; asking for rows outside it is refused, not quietly widened.
        if (await request.HttpContext.AccountAsync() is not { } user)
            return answers.SignIn();
        var dataScope = user.DataScope;
        var (narrowed, refusal) = ScopedDefinition.Narrow(definition, applied, dataScope, Query);
        if (narrowed is null)
            return answers.OutsideScope(definition, refusal!);
        applied = narrowed;

        using var scope = log.BeginScope(new Dictionary<string, object> { ["Report"] = definition.Name });
        var watch = Stopwatch.StartNew();
        DashboardResult result;
        try
        {
            result = await results.GetAsync(applied, warehouse, clock, ct, only?.Invoke(applied), Restriction(dataScope, applied));
        }
        catch (WarehouseBusyException e)
        {
            log.LogWarning("Dashboard {Report} not run: {Problem}", definition.Name, e.Message);
            // The file's path and the holder's process id go to the log, not to whoever asked.
            return answers.Busy();
        }
        var failed = result.Datasets.Values.Where(d => d.Error is not null).Select(d => d.Name).ToList();
        log.LogInformation("Dashboard {Report} ran for {Period} with {Filter} in {Milliseconds} ms; failed datasets: {Failed}",
            definition.Name, result.Period.ToString(), result.Filter.ToString(), watch.ElapsedMilliseconds, failed.Count == 0 ? "none" : string.Join(", ", failed));
        return respond(applied, result, culture);
    }
}
