using JourneyReports.Warehouse;

namespace JourneyReports.Dashboards;

/// <summary>The dashboards of a folder: every *.json definition, each with its own errors; one bad file spoils no other.</summary>
public sealed record DashboardLibrary(IReadOnlyList<DashboardDefinition> Definitions, IReadOnlyDictionary<string, IReadOnlyList<DefinitionError>> Errors)
{
    /// <param name="sqlChecker">The warehouse whose parser checks analyst SQL datasets.</param>
    public static DashboardLibrary Load(string folder, IWarehouseProvider sqlChecker)
    {
        if (!Directory.Exists(folder))
            return new DashboardLibrary([], new Dictionary<string, IReadOnlyList<DefinitionError>>
            {
                [folder] = [new DefinitionError(folder, 0, "the dashboards folder (JourneyReports:DashboardsDirectory) does not exist")],
            });
        var definitions = new List<DashboardDefinition>();
        var errors = new Dictionary<string, IReadOnlyList<DefinitionError>>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            string json;
            try { json = File.ReadAllText(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors[file] = [new DefinitionError(file, 0, $"the file cannot be read: {e.Message}")];
                continue;
            }
            var parsed = DashboardDefinition.Parse(json, file, sqlChecker);
            if (parsed.Errors.Count > 0) errors[file] = parsed.Errors;
            else definitions.Add(parsed.Definition!);
        }
        foreach (var duplicate in definitions.GroupBy(d => d.Name).Where(g => g.Count() > 1))
            foreach (var d in duplicate.Skip(1))
                errors[d.FileName] = [new DefinitionError(d.FileName, 1, $"name '{d.Name}' is already used by {duplicate.First().FileName}")];
        return new DashboardLibrary(definitions.Where(d => !errors.ContainsKey(d.FileName)).ToList(), errors);
    }

    /// <summary>
    /// Null when <paramref name="name"/> is a valid definition here, else why it cannot be used: its file's errors, or
    /// that there is no such definition (with the names that exist).
    /// </summary>
    public string? ProblemWith(string name)
    {
        if (Definitions.Any(d => d.Name == name)) return null;
        var broken = Errors.Where(e => Path.GetFileNameWithoutExtension(e.Key) == name).SelectMany(e => e.Value).ToList();
        return broken.Count > 0
            ? $"the definition of '{name}' has errors: {string.Join("; ", broken)}"
            : $"there is no dashboard definition '{name}'; there are: {string.Join(", ", Definitions.Select(d => d.Name))}";
    }

    /// <summary>Writes a definition only if it validates (where it will live, so analyst SQL paths resolve); else its errors.</summary>
    public static IReadOnlyList<DefinitionError> Save(string path, string json, IWarehouseProvider sqlChecker)
    {
        var parsed = DashboardDefinition.Parse(json, path, sqlChecker);
        if (parsed.Errors.Count == 0) File.WriteAllText(path, json);
        return parsed.Errors;
    }
}
