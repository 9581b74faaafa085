using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JourneyReports.Rendering;
using JourneyReports.Warehouse;

namespace JourneyReports.Dashboards;

/// <summary>Every semantic check of a definition, each error with the line of the entry it concerns.</summary>
static partial class DefinitionValidator
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    // Dataset names and visual ids end up in URLs (/data/<dataset>.csv, /visuals/<id>.png) and sheet names.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex Identifier();

    const string IdentifierRule = "must start with a letter and hold only letters, digits, '-' and '_' (at most 64)";

    public static IReadOnlyList<DefinitionError> Validate(DashboardDefinition d, JsonLineMap lines, IWarehouseProvider sqlChecker)
    {
        var errors = new List<DefinitionError>();
        void Error(string path, string problem) => errors.Add(new DefinitionError(d.FileName, lines.LineOf(path), problem));

        if (!Slug().IsMatch(d.Name)) Error("name", $"name '{d.Name}' must be lower-case words joined by hyphens");
        if (string.IsNullOrWhiteSpace(d.Title)) Error("title", "title is missing");
        if (d.Version < 1) Error("version", "version must be 1 or more");
        Parameters(d.Parameters, Error);

        var datasetFields = new Dictionary<string, IReadOnlyDictionary<string, FieldKind>?>();
        foreach (var (name, dataset) in d.Datasets)
        {
            if (!Identifier().IsMatch(name)) Error($"datasets.{name}", $"dataset name '{name}' {IdentifierRule}");
            datasetFields[name] = Dataset(d, name, dataset, sqlChecker, Error);
        }

        if (d.Layout.Width != 0 && d.Layout.Width is < DashboardComposer.MinWidth or > DashboardComposer.MaxWidth)
            Error("layout.width", $"layout width must be from {DashboardComposer.MinWidth} to {DashboardComposer.MaxWidth} pixels (or left out for {DashboardComposer.DefaultWidth}), not {d.Layout.Width}");
        else if (d.Layout.Rows < 1 || d.Layout.Columns < 1) Error("layout", "layout needs rows and columns of at least 1");
        else if (DashboardComposer.PageHeight(d, DashboardComposer.WidthOf(d)) is var height && height > VisualCanvas.MaxSide)
            Error("layout", $"layout of {d.Layout.Rows} rows and {d.Layout.Columns} columns makes a page {height:N0} px high at " +
                $"{DashboardComposer.WidthOf(d)} px wide, over the {VisualCanvas.MaxSide:N0} px that can be drawn; use more columns or fewer rows");
        var ids = new HashSet<string>();
        var placed = new List<(string Id, GridPosition P)>();
        for (var i = 0; i < d.Visuals.Count; i++)
        {
            var v = d.Visuals[i];
            var at = $"visuals[{i}]";
            if (v.Id.Length == 0) Error(at, $"visual {i + 1} has no id");
            else if (!Identifier().IsMatch(v.Id)) Error($"{at}.id", $"visual id '{v.Id}' {IdentifierRule}");
            else if (!ids.Add(v.Id)) Error($"{at}.id", $"visual id '{v.Id}' is used twice");
            Visual(v, at, datasetFields, Error);
            Position(v, at, d.Layout, placed, Error);
        }
        return errors;
    }

    internal static void Parameters(DashboardParameters p, Action<string, string> error)
    {
        if (TimeZones.Problem(p.TimeZone) is { } zone) error("parameters.timeZone", zone);
        if (!RelativePeriod.Comparisons.Contains(p.Comparison))
            error("parameters.comparison", $"unknown comparison '{p.Comparison}'; use one of: {string.Join(", ", RelativePeriod.Comparisons)}");
        var period = p.Period;
        if (period.Relative is { } relative)
        {
            if (!RelativePeriod.IsKnown(relative))
                error("parameters.period", $"unknown relative period '{relative}'; use one of: {string.Join(", ", RelativePeriod.Names)} or {{\"from\", \"to\"}}");
            return;
        }
        var from = Date(period.From, "parameters.period.from", error);
        var to = Date(period.To, "parameters.period.to", error);
        if (from is not null && to is not null && to < from) error("parameters.period.to", $"period to {to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}");
    }

    // Wide enough for any real history (CDNOW's orders are from 1997), narrow enough that the comparison period and
    // the day after the end still exist.
    static readonly DateOnly Earliest = new(1900, 1, 1), Latest = new(2099, 12, 31);

    static DateOnly? Date(string? text, string path, Action<string, string> error)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        if (string.IsNullOrEmpty(text)) { error(path, $"period {name} is missing (yyyy-MM-dd)"); return null; }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            error(path, $"period {name} '{text}' is not a date (yyyy-MM-dd)");
        else if (day < Earliest || day > Latest)
            error(path, $"period {name} {text} is outside {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}");
        else return day;
        return null;
    }

    static IReadOnlyDictionary<string, FieldKind>? Dataset(DashboardDefinition d, string name, DatasetDefinition dataset, IWarehouseProvider sqlChecker,
        Action<string, string> error)
    {
        var at = $"datasets.{name}";
        if ((dataset.Metric is null) == (dataset.Sql is null))
        {
            error(at, $"dataset '{name}' needs exactly one of metric or sql");
            return null;
        }
        if (dataset.Sql is { } sqlPath) return AnalystDataset(d, name, sqlPath, at, sqlChecker, error);

        if (MetricCatalog.Find(dataset.Metric!) is not { } family)
        {
            error($"{at}.metric", $"dataset '{name}': unknown metric '{dataset.Metric}'; use one of: {string.Join(", ", MetricCatalog.Names)}");
            return null;
        }
        // A family whose SQL this warehouse's dialect does not have yet (DirectQuery ports families one by one) would fail at run time.
        if (MetricCatalog.MissingSql(family.Name, sqlChecker.Name) is { Count: > 0 } missing)
            error($"{at}.metric", $"dataset '{name}': metric '{family.Name}' is not yet available on the {sqlChecker.Name} warehouse " +
                $"(sql/warehouse/{sqlChecker.Name}/ lacks {string.Join(", ", missing.Select(m => m + ".sql"))}); see docs/directquery.md");
        foreach (var (option, value) in dataset.Options)
        {
            var spec = family.Options.FirstOrDefault(o => o.Name == option);
            if (spec is null)
                error($"{at}.options.{option}", $"dataset '{name}': metric '{family.Name}' has no option '{option}'" +
                    (family.Options.Count == 0 ? "" : $"; it takes {string.Join(", ", family.Options.Select(o => o.Name))}"));
            else if (!Fits(spec, value))
                error($"{at}.options.{option}", $"dataset '{name}': option '{option}' must be " +
                    (spec.Allowed is { } allowed ? $"one of {string.Join(", ", allowed)}" : spec.Kind == "int" ? WholeNumber(spec) : "a number"));
        }
        return VisualTypes.FieldsOf(family.RowType);
    }

    static string WholeNumber(MetricOption spec) =>
        spec.Min == int.MinValue && spec.Max == int.MaxValue ? "a whole number" : $"a whole number from {spec.Min} to {spec.Max}";

    static bool Fits(MetricOption spec, JsonElement value) => spec.Kind switch
    {
        "int" => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) && i >= spec.Min && i <= spec.Max,
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => value.ValueKind == JsonValueKind.String && (spec.Allowed is null || spec.Allowed.Contains(value.GetString())),
    };

    static IReadOnlyDictionary<string, FieldKind>? AnalystDataset(DashboardDefinition d, string name, string sqlPath, string at, IWarehouseProvider sqlChecker,
        Action<string, string> error)
    {
        if (AnalystSqlFile.Resolve(d.FileName, sqlPath, out var fileProblem) is not { } file)
        {
            error($"{at}.sql", $"dataset '{name}': SQL file '{sqlPath}' {fileProblem}");
            return null;
        }
        var check = sqlChecker.CheckAnalystSql(File.ReadAllText(file));
        foreach (var problem in check.Problems) error($"{at}.sql", $"dataset '{name}' ({sqlPath}): {problem}");
        return check.Passed ? check.Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.OrdinalIgnoreCase) : null;
    }
}
