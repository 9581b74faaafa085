using System.Globalization;
using System.Text.Json;
using Dapper;

namespace JourneyReports.Import;

/// <summary>
/// Turns a mapping's field expression (a small JSON vocabulary, docs/import.md) into a DuckDB expression over a staged
/// file. Every value from the mapping becomes a Dapper parameter; the only names written into the SQL are the staged
/// table's own c1..cN columns and lookup tables this import created, so a mapping cannot inject SQL.
/// Every expression yields VARCHAR (or NULL); the target field's type is applied afterwards, so a bad value is
/// reported against the field it was meant for.
/// </summary>
public sealed class ImportExpression(StagedFile file, DynamicParameters parameters, IReadOnlyDictionary<string, string> lookupTables, string where)
{
    public string Compile(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw Bad($"expected an object like {{\"column\": \"name\"}}, found {e.GetRawText()}");
        var props = e.EnumerateObject().Select(p => p.Name).ToList();
        void Only(params string[] allowed)
        {
            var extra = props.FirstOrDefault(p => !allowed.Contains(p));
            if (extra is not null) throw Bad($"unexpected \"{extra}\" in {e.GetRawText()}");
        }
        JsonElement Get(string name) => e.TryGetProperty(name, out var v) ? v : throw Bad($"{e.GetRawText()} needs \"{name}\"");

        switch (props.FirstOrDefault())
        {
            case "column":
                Only("column");
                return file.Column(Get("column").GetString() ?? "", where);
            case "const":
                Only("const");
                return Param(Scalar(Get("const")));
            case "record":
                Only("record");
                return "CAST(rec AS VARCHAR)";
            case "map":
            {
                Only("map", "of", "default");
                var of = Compile(Get("of"));
                var cases = string.Concat(Get("map").EnumerateObject().Select(p => $" WHEN {Param(p.Name)} THEN {Param(Scalar(p.Value))}"));
                var otherwise = e.TryGetProperty("default", out var d) ? Compile(d) : of;
                return $"(CASE {of}{cases} ELSE {otherwise} END)";
            }
            case "concat":
                Only("concat");
                // || keeps NULL when a part is missing, so 'u' + an empty user id is a missing id, not "u".
                return "(" + string.Join(" || ", List(Get("concat"))) + ")";
            case "coalesce":
                Only("coalesce");
                return $"coalesce({string.Join(", ", List(Get("coalesce")))})";
            case "hash":
                Only("hash");
                // md5 rather than DuckDB's hash(): md5 is fixed forever, so the same text id maps to the same BIGINT
                // after a DuckDB upgrade and a re-import still replaces rather than duplicates. 15 hex digits = 60 bits,
                // always a positive BIGINT; a collision needs ~1e9 distinct ids to become likely.
                return $"CAST(CAST(('0x' || left(md5({string.Join(" || chr(31) || ", List(Get("hash")))}), 15)) AS BIGINT) AS VARCHAR)";
            case "split":
                Only("split", "separator", "part");
                return $"nullif(split_part({Compile(Get("split"))}, {Param(Get("separator").GetString() ?? ".")}, {Param(Get("part").GetInt32())}), '')";
            case "lookup":
            {
                Only("lookup", "key");
                var name = Get("lookup").GetString() ?? "";
                if (!lookupTables.TryGetValue(name, out var table)) throw Bad($"unknown lookup '{name}' (lookups are defined under \"lookups\", before use)");
                return $"(SELECT l.v FROM {table} l WHERE l.k = {Compile(Get("key"))})";
            }
            case "add":
                Only("add");
                return Numeric(string.Join(" + ", List(Get("add")).Select(Number)));
            case "multiply":
                Only("multiply");
                return Numeric(string.Join(" * ", List(Get("multiply")).Select(Number)));
            case "abs":
                Only("abs");
                return Numeric($"abs({Number(Compile(Get("abs")))})");
            case "digits":
                Only("digits");
                return $"nullif(regexp_replace({Compile(Get("digits"))}, '[^0-9]', '', 'g'), '')";
            case "if":
            {
                Only("if", "then", "else");
                var condition = Get("if");
                var of = Compile(condition.TryGetProperty("of", out var o) ? o : throw Bad("\"if\" needs \"of\""));
                var test = condition.TryGetProperty("startsWith", out var s) ? $"starts_with({of}, {Param(s.GetString() ?? "")})"
                    : condition.TryGetProperty("equals", out var q) ? $"{of} = {Param(Scalar(q))}"
                    : throw Bad("\"if\" needs \"startsWith\" or \"equals\"");
                return $"(CASE WHEN {test} THEN {Compile(Get("then"))} ELSE {Compile(Get("else"))} END)";
            }
            default:
                throw Bad($"unknown expression {e.GetRawText()}; use column, const, record, map, concat, coalesce, hash, split, lookup, add, multiply, abs, digits or if");
        }
    }

    IEnumerable<string> List(JsonElement e) => e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0
        ? e.EnumerateArray().Select(Compile).ToList()
        : throw Bad($"expected a non-empty list, found {e.GetRawText()}");

    static string Number(string sql) => $"TRY_CAST({sql} AS DECIMAL(18, 4))";
    static string Numeric(string sql) => $"CAST({sql} AS VARCHAR)";

    // Typed in the SQL because DuckDB cannot infer the type of a NULL parameter.
    string Param(string? value) => $"CAST(${Add(value)} AS VARCHAR)";
    string Param(int value) => $"CAST(${Add(value)} AS INTEGER)";

    string Add(object? value)
    {
        var name = $"p{parameters.ParameterNames.Count()}";
        parameters.Add(name, value);
        return name;
    }

    static string? Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new ImportException($"expected a text, number or true/false value, found {v.GetRawText()}"),
    };

    ImportException Bad(string problem) => new($"{where}: {problem}.");
}
