namespace JourneyReports;

/// <summary>The dashboards of a folder: every *.json definition, each with its own errors; one bad file spoils no other.</summary>
public sealed record DashboardLibrary(IReadOnlyList<DashboardDefinition> Definitions, IReadOnlyDictionary<string, IReadOnlyList<DefinitionError>> Errors)
{
    public static DashboardLibrary Load(string folder)
    {
        var definitions = new List<DashboardDefinition>();
        var errors = new Dictionary<string, IReadOnlyList<DefinitionError>>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var parsed = DashboardDefinition.Parse(File.ReadAllText(file), file);
            if (parsed.Errors.Count > 0) errors[file] = parsed.Errors;
            else definitions.Add(parsed.Definition!);
        }
        foreach (var duplicate in definitions.GroupBy(d => d.Name).Where(g => g.Count() > 1))
            foreach (var d in duplicate.Skip(1))
                errors[d.FileName] = [new DefinitionError(d.FileName, 1, $"name '{d.Name}' is already used by {duplicate.First().FileName}")];
        return new DashboardLibrary(definitions.Where(d => !errors.ContainsKey(d.FileName)).ToList(), errors);
    }

    /// <summary>Writes a definition only if it validates (where it will live, so analyst SQL paths resolve); else its errors.</summary>
    public static IReadOnlyList<DefinitionError> Save(string path, string json)
    {
        var parsed = DashboardDefinition.Parse(json, path);
        if (parsed.Errors.Count == 0) File.WriteAllText(path, json);
        return parsed.Errors;
    }
}
