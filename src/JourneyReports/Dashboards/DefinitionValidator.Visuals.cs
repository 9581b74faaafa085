using JourneyReports.Rendering;
using JourneyReports.Warehouse;

namespace JourneyReports.Dashboards;

static partial class DefinitionValidator
{
    static void Visual(VisualDefinition v, string at, Dictionary<string, IReadOnlyDictionary<string, FieldKind>?> datasets, Action<string, string> error)
    {
        var label = $"visual '{v.Id}'";
        if (!VisualTypes.Roles.TryGetValue(v.Type, out var roles))
        {
            error($"{at}.type", $"{label}: unknown type '{v.Type}'; use one of: {string.Join(", ", VisualTypes.Roles.Keys)}");
            return;
        }
        if (v.Format is { } format && !VisualTypes.Formats.Contains(format))
            error($"{at}.format", $"{label}: unknown format '{format}'; use one of: {string.Join(", ", VisualTypes.Formats)}");
        if (!datasets.TryGetValue(v.Dataset, out var fields))
        {
            error($"{at}.dataset", $"{label}: unknown dataset '{v.Dataset}'; defined: {string.Join(", ", datasets.Keys)}");
            return;
        }

        foreach (var role in roles.Where(r => r.Required && !v.Fields.ContainsKey(r.Name)))
            error($"{at}.fields", $"{label}: a {v.Type} needs field '{role.Name}'");
        foreach (var (roleName, field) in v.Fields)
        {
            var role = roles.FirstOrDefault(r => r.Name == roleName);
            if (role is null)
            {
                error($"{at}.fields.{roleName}", $"{label}: a {v.Type} has no field '{roleName}'" +
                    (roles.Count == 0 ? "" : $"; it takes {string.Join(", ", roles.Select(r => r.Name))}"));
                continue;
            }
            // Fields of a dataset that failed its own checks are unknown; its error is already reported.
            if (fields is null) continue;
            if (!fields.TryGetValue(field, out var kind))
                error($"{at}.fields.{roleName}", $"{label}: dataset '{v.Dataset}' has no field '{field}'; it has {string.Join(", ", fields.Keys)}");
            else if (!role.Kinds.Contains(kind))
                error($"{at}.fields.{roleName}", $"{label}: {roleName} of a {v.Type} must be {string.Join(" or ", role.Kinds).ToLowerInvariant()}, " +
                    $"but '{field}' is {kind.ToString().ToLowerInvariant()}");
        }
        if (fields is null) return;
        for (var i = 0; i < v.Columns.Count; i++)
            if (!fields.ContainsKey(v.Columns[i]))
                error($"{at}.columns[{i}]", $"{label}: dataset '{v.Dataset}' has no field '{v.Columns[i]}'");
    }

    static void Position(VisualDefinition v, string at, GridLayout grid, List<(string Id, GridPosition P)> placed, Action<string, string> error)
    {
        var p = v.Position;
        var where = $"{at}.position";
        if (p.Width < 1 || p.Height < 1)
        {
            error(where, $"visual '{v.Id}': width and height must be at least 1 grid unit");
            return;
        }
        if (p.Row < 1 || p.Col < 1 || p.Row + p.Height - 1 > grid.Rows || p.Col + p.Width - 1 > grid.Columns)
        {
            error(where, $"visual '{v.Id}': rows {p.Row}–{p.Row + p.Height - 1}, columns {p.Col}–{p.Col + p.Width - 1} are outside the {grid.Rows}×{grid.Columns} grid");
            return;
        }
        foreach (var (id, q) in placed)
            if (p.Row < q.Row + q.Height && q.Row < p.Row + p.Height && p.Col < q.Col + q.Width && q.Col < p.Col + p.Width)
                error(where, $"visual '{v.Id}' overlaps visual '{id}'");
        placed.Add((v.Id, p));
    }
}
