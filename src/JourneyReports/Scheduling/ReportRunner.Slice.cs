using System.Text;
using System.Text.Json;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Journeys;
using JourneyReports.Workbooks;

namespace JourneyReports.Scheduling;

public sealed partial class ReportRunner
{
    /// <summary>
    /// One slice of a run, drawn: the definition with the plan's parameters and the slice's filters applied, its result,
    /// the files kept with the run (by name), and why it must not be sent when a cell could not be drawn.
    /// </summary>
    sealed record Rendered(DashboardDefinition Definition, IReadOnlyDictionary<string, string> Slice, DashboardResult Result,
        DefinitionRunSummary Summary, Dictionary<string, byte[]> Files, string? Problem)
    {
        /// <summary>No event at all in the period for the slice's filters.</summary>
        public bool Empty => !Result.HasData;
    }

    /// <summary>
    /// The slice rendered, or the same slice rendered moments ago for another run (see <see cref="RenderCache"/>). A
    /// refresh of the model in progress is waited for, and none commits while the slice's queries run, so every number
    /// of the slice comes from one model: the one before a refresh or the one after it, never half of each.
    /// </summary>
    async Task<Rendered> RenderAsync(DashboardDefinition found, RunPlan plan, IReadOnlyDictionary<string, string> slice, CancellationToken ct)
    {
        using var reading = await warehouse.Gate.ReadAsync(ct);
        var now = plan.FireTime ?? clock.GetUtcNow();
        var key = string.Join("|", found.FileName, File.Exists(found.FileName) ? File.GetLastWriteTimeUtc(found.FileName).Ticks : 0, plan.TimeZoneId,
            string.Join(";", plan.Parameters.Concat(slice).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            string.Join(",", plan.Formats.Order(StringComparer.Ordinal)), now.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            warehouse.Provider.DataVersion);
        return await renders.GetAsync(key, () => RenderNowAsync(found, plan, slice, ct));
    }

    async Task<Rendered> RenderNowAsync(DashboardDefinition found, RunPlan plan, IReadOnlyDictionary<string, string> slice, CancellationToken ct)
    {
        var culture = options.ReportCulture();
        // The slice narrows the plan's own parameters; the time zone is the plan's.
        var parameters = new Dictionary<string, string>(plan.Parameters, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in slice) parameters[name] = value;
        parameters["tz"] = plan.TimeZoneId;
        var (definition, problems) = ParameterOverrides.Read(parameters.GetValueOrDefault).ApplyTo(found);
        if (definition is null)
            throw new ReportNotRunnableException($"Report '{plan.ReportId}' cannot run with these parameters: {string.Join("; ", problems)}.");

        // The period is the fire's (last week as of Monday 08:00), however late a retry or resume runs.
        // A recipient's slice is their data scope: analyst SQL in the definition reads only its rows, whatever it names.
        var restriction = DashboardFilters.Read(name => slice.TryGetValue(name, out var v) && v.Length > 0 ? v : null).ToFilter();
        var result = await DashboardComposer.RunAsync(definition, warehouse, plan.FireTime is { } fire ? new AsOf(fire) : clock, ct, restriction: restriction);
        var image = DashboardComposer.Render(definition, result, culture);
        var summary = new DefinitionRunSummary(definition.Title, LivePath(found, definition, result), Kpis(definition, result));
        var files = new Dictionary<string, byte[]>
        {
            [RunArtifacts.DashboardPng] = image.Png,
            [RunArtifacts.DashboardSvg] = Encoding.UTF8.GetBytes(DashboardComposer.RenderSvg(definition, result, culture).Svg),
            [RunArtifacts.Workbook] = Bytes(xlsx => DashboardWorkbook.Write(definition, result, image.Png, culture, xlsx)),
            [RunArtifacts.Summary] = JsonSerializer.SerializeToUtf8Bytes(summary),
            // The filters these files were made with: who may open them is decided by their data scope against these.
            [RunArtifacts.Filters] = JsonSerializer.SerializeToUtf8Bytes(definition.Parameters.Filters.ToFilter()),
        };
        if (plan.Formats.Contains(SubscriptionFormats.Pdf)) files[RunArtifacts.DashboardPdf] = DashboardComposer.RenderPdf(definition, result, culture).Pdf;
        if (plan.Formats.Contains(SubscriptionFormats.Png) || plan.Formats.Contains(SubscriptionFormats.Svg))
            foreach (var visual in definition.Visuals)
            {
                if (plan.Formats.Contains(SubscriptionFormats.Png) && DashboardComposer.RenderVisual(definition, result, visual.Id, culture) is { } png)
                    files[$"visual-{visual.Id}.png"] = png.Png;
                if (plan.Formats.Contains(SubscriptionFormats.Svg) && DashboardComposer.RenderVisualSvg(definition, result, visual.Id, culture) is { } svg)
                    files[$"visual-{visual.Id}.svg"] = Encoding.UTF8.GetBytes(svg.Svg);
            }
        if (plan.Formats.Contains(SubscriptionFormats.Csv))
            foreach (var (name, rows) in result.Datasets.Where(d => d.Value.Error is null))
                files[$"{name}.csv"] = Bytes(csv =>
                {
                    using var writer = new StreamWriter(csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
                    CsvExport.WriteRecords(writer, rows.Rows);
                });

        // A dashboard with a hole in it is not sent: the data behind a cell failed (a query, a time zone), or it could not
        // be drawn. The run keeps the picture, so whoever looks into it sees which cell.
        var problem = image.Problems.Count == 0 ? null
            : $"{image.Problems.Count} of {definition.Visuals.Count} visuals could not be drawn, so nothing was sent{SliceText(slice)}: " +
              string.Join("; ", image.Problems.Select(p => $"{p.Key} (dataset {definition.Visuals.First(v => v.Id == p.Key).Dataset}): {p.Value}"));
        return new Rendered(definition, slice, result, summary, files, problem);
    }

    static string SliceText(IReadOnlyDictionary<string, string> slice) =>
        slice.Count == 0 ? "" : " for " + string.Join(", ", slice.Select(s => $"{s.Key} {s.Value}"));

    /// <summary>The KPI rows of the dashboard's KPI tiles, in order: what the email lists as text.</summary>
    static List<Kpi> Kpis(DashboardDefinition definition, DashboardResult result) =>
        [.. definition.Visuals.Where(v => v.Type == "kpi-tiles").Select(v => v.Dataset).Distinct()
            .SelectMany(d => result.Datasets.GetValueOrDefault(d)?.Rows.OfType<Kpi>() ?? [])];

    /// <summary>
    /// The live dashboard for the run's period, time zone and filters. A filter the run cleared is written empty, so the
    /// live page does not bring back the definition's own.
    /// </summary>
    static string LivePath(DashboardDefinition found, DashboardDefinition applied, DashboardResult result)
    {
        var query = new List<string> { $"from={result.Period.FirstDay:yyyy-MM-dd}", $"to={result.Period.LastDay:yyyy-MM-dd}", $"tz={Uri.EscapeDataString(result.Period.TimeZoneId)}" };
        foreach (var (key, value) in applied.Parameters.Filters.ByName())
            if (value is not null || found.Parameters.Filters.ByName().Any(x => x.Name == key && x.Value is not null))
                query.Add($"{key}={Uri.EscapeDataString(value ?? "")}");
        return $"/dashboards/{Uri.EscapeDataString(applied.Name)}?{string.Join("&", query)}";
    }

    /// <summary>What <paramref name="write"/> writes, as one array: kept with the run and attached to emails.</summary>
    static byte[] Bytes(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }
}
