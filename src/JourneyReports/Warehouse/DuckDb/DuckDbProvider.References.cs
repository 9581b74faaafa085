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
        /// <summary>Scalar, aggregate and window calls as written: catalog.schema.name (a schema may be a column: x.upper()).</summary>
        public readonly List<(string Catalog, string Schema, string Name)> Functions = [];
        /// <summary>Bare names the binder turns into session functions when no column has them (SELECT current_user).</summary>
        public readonly HashSet<string> BareNames = new(StringComparer.OrdinalIgnoreCase);
        /// <summary>Nodes that are neither expressions nor the parts of a plain query (SHOW_REF for SHOW/DESCRIBE/SUMMARIZE).</summary>
        public readonly HashSet<string> OtherNodes = [];

        // The parts a SELECT is made of, as json_serialize_sql names them; anything else is refused until looked at.
        static readonly HashSet<string> QueryParts =
        [
            "SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE",
            "BASE_TABLE", "JOIN", "SUBQUERY", "TABLE_FUNCTION", "EXPRESSION_LIST", "EMPTY", "PIVOT",
            "ORDER_MODIFIER", "LIMIT_MODIFIER", "LIMIT_PERCENT_MODIFIER", "DISTINCT_MODIFIER",
            "ORDER_DEFAULT", "ASCENDING", "DESCENDING",
        ];

        public void Walk(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray()) Walk(item);
                return;
            }
            if (node.ValueKind != JsonValueKind.Object) return;

            var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var kind = node.TryGetProperty("class", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            if (type == "BASE_TABLE")
            {
                // A catalog (another attached database) counts as a schema outside the model.
                var catalog = Text(node, "catalog_name");
                var schema = Text(node, "schema_name");
                Tables.Add((catalog is "" ? schema : $"{catalog}.{schema}", Text(node, "table_name").ToLowerInvariant()));
            }
            else if (type == "TABLE_FUNCTION" && node.TryGetProperty("function", out var f))
            {
                // The call in FROM is checked as a table function; its arguments are expressions like any other.
                TableFunctions.Add(Text(f, "function_name").ToLowerInvariant());
                foreach (var property in node.EnumerateObject().Where(p => p.Name != "function")) Walk(property.Value);
                foreach (var property in f.EnumerateObject()) Walk(property.Value);
                return;
            }
            else if (type == "VALUE_PARAMETER" || kind == "PARAMETER")
                Parameters.Add(Text(node, "identifier").ToLowerInvariant());
            else if (kind is "FUNCTION" or "WINDOW")
                Functions.Add((Text(node, "catalog"), Text(node, "schema"), Text(node, "function_name")));
            else if (kind == "COLUMN_REF" && node.TryGetProperty("column_names", out var names) && names.GetArrayLength() == 1)
                BareNames.Add(names[0].GetString() ?? "");
            else if (kind is null && type is not null && !QueryParts.Contains(type) && !type.EndsWith("_TYPE_INFO", StringComparison.Ordinal))
                OtherNodes.Add(type);

            if (node.TryGetProperty("cte_map", out var ctes) && ctes.TryGetProperty("map", out var map))
                foreach (var entry in map.EnumerateArray())
                    Ctes.Add(Text(entry, "key"));

            foreach (var property in node.EnumerateObject()) Walk(property.Value);
        }

        static string Text(JsonElement node, string name) =>
            node.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
    }
}
