using System.Text.Json;

namespace JourneyReports.Warehouse;

public sealed partial class DuckDbProvider
{
    /// <summary>What a parsed statement refers to, collected from every node of DuckDB's AST wherever it nests.</summary>
    sealed class References
    {
        public readonly List<(string Schema, string Name)> Tables = [];
        public readonly List<string> TableFunctions = [];
        public readonly HashSet<string> Ctes = new(StringComparer.OrdinalIgnoreCase);
        public readonly HashSet<string> Parameters = new(StringComparer.OrdinalIgnoreCase);

        public void Walk(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray()) Walk(item);
                return;
            }
            if (node.ValueKind != JsonValueKind.Object) return;

            var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type == "BASE_TABLE")
            {
                // A catalog (another attached database) counts as a schema outside the model.
                var catalog = Text(node, "catalog_name");
                var schema = Text(node, "schema_name");
                Tables.Add((catalog is "" ? schema : $"{catalog}.{schema}", Text(node, "table_name").ToLowerInvariant()));
            }
            else if (type == "TABLE_FUNCTION" && node.TryGetProperty("function", out var f))
                TableFunctions.Add(Text(f, "function_name").ToLowerInvariant());
            else if (type == "VALUE_PARAMETER" || (node.TryGetProperty("class", out var c) && c.GetString() == "PARAMETER"))
                Parameters.Add(Text(node, "identifier").ToLowerInvariant());

            if (node.TryGetProperty("cte_map", out var ctes) && ctes.TryGetProperty("map", out var map))
                foreach (var entry in map.EnumerateArray())
                    Ctes.Add(Text(entry, "key"));

            foreach (var property in node.EnumerateObject()) Walk(property.Value);
        }

        static string Text(JsonElement node, string name) =>
            node.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
    }
}
