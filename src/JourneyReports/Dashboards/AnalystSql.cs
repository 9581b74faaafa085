using System.Data.Common;
using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;

namespace JourneyReports;

/// <summary>A column an analyst query returns, with the field kind dashboards check visuals against.</summary>
public sealed record AnalystColumn(string Name, FieldKind Kind);

/// <summary>The outcome of checking an analyst query: its problems (empty when it passes) and, if it binds, its columns.</summary>
public sealed record AnalystSqlCheck(IReadOnlyList<string> Problems, IReadOnlyList<AnalystColumn> Columns)
{
    public bool Passed => Problems.Count == 0;

    /// <summary>The statement as DuckDB printed it back from its AST: no comments, no semicolon; what runs.</summary>
    public string NormalizedSql { get; init; } = "";

    public IReadOnlySet<string> Parameters { get; init; } = new HashSet<string>();
}

/// <summary>
/// Analyst SQL datasets. Checked by DuckDB itself when a definition is loaded: json_serialize_sql parses the text into
/// its AST (it only serialises SELECT statements, so DDL/DML/PRAGMA/ATTACH/COPY fail there), every table and table
/// function the AST names must belong to the journey model, and the query must bind (DESCRIBE) against an in-memory
/// database holding the journey schema and macros, which also yields its columns.
/// </summary>
public static partial class AnalystSql
{
    public static readonly IReadOnlyList<string> ModelTables =
        ["customers", "products", "events", "identities", "orders", "order_lines", "support_tickets", "surveys", "warehouse_info", "journey_stage_map"];

    public static readonly IReadOnlyList<string> ModelMacros = ["journey_events", "journey_orders", "journey_surveys", "journey_tickets"];

    /// <summary>The values a query may use, by the names the metric SQL uses.</summary>
    public static readonly IReadOnlyList<string> ParameterNames = ["start", "end", "persona", "segment", "region", "channel", "device", "department"];

    public static AnalystSqlCheck Check(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var ast = connection.QuerySingle<string>("SELECT json_serialize_sql(CAST($sql AS VARCHAR))", new { sql });
        using var doc = JsonDocument.Parse(ast);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error) && error.GetBoolean())
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : "unknown error";
            return Fail(message?.StartsWith("Only SELECT statements", StringComparison.Ordinal) == true
                ? "only a single SELECT (or WITH ... SELECT) statement is allowed"
                : $"the SQL does not parse: {message}");
        }
        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
            return Fail($"exactly one SELECT statement is allowed, found {statements.GetArrayLength()}");

        var refs = new References();
        refs.Walk(statements[0]);
        var problems = new List<string>();
        // A CTE is matched by name wherever it is declared, not by scope; so only plain identifiers may name one, and
        // only an unqualified plain name may refer to one. Otherwise WITH "/etc/passwd" AS (...) nested anywhere would
        // let a FROM '/etc/passwd' elsewhere pass as a CTE and read the file.
        foreach (var cte in refs.Ctes.Where(c => !PlainIdentifier().IsMatch(c)))
            problems.Add($"a WITH name must be a plain identifier (letters, digits, _), not '{cte}'");
        foreach (var table in refs.Tables.Where(t => !(t.Schema is "" && PlainIdentifier().IsMatch(t.Name) && refs.Ctes.Contains(t.Name))))
            if (table.Schema is not ("" or "main") || !ModelTables.Contains(table.Name))
                problems.Add($"table '{Qualified(table)}' is not part of the journey model (allowed: {string.Join(", ", ModelTables)})");
        foreach (var function in refs.TableFunctions.Where(f => !ModelMacros.Contains(f)))
            problems.Add($"table function '{function}' is not allowed; only the journey macros ({string.Join(", ", ModelMacros)}) may be called in FROM");
        foreach (var parameter in refs.Parameters.Where(p => !ParameterNames.Contains(p)))
            problems.Add($"parameter '${parameter}' is unknown; use ${string.Join(", $", ParameterNames)}");
        if (problems.Count > 0) return new AnalystSqlCheck(problems.Distinct().ToList(), []);

        // DuckDB prints the AST back as one statement without comments or semicolons, so it can be nested safely.
        var normalized = connection.QuerySingle<string>("SELECT json_deserialize_sql(CAST($ast AS JSON))", new { ast });
        return Bind(connection, normalized, refs.Parameters);
    }

    static AnalystSqlCheck Bind(DuckDBConnection connection, string sql, IReadOnlySet<string> parameters)
    {
        connection.Execute(SqlScripts.Load("warehouse/duckdb/schema.sql"));
        connection.Execute(SqlScripts.Load("warehouse/duckdb/stage_map_create.sql"));
        connection.Execute(SqlScripts.Load("warehouse/duckdb/journey_macros.sql"));
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DESCRIBE " + Wrapped(sql, 0);
            AddParameters(command, parameters, new DateTime(2026, 1, 1), new DateTime(2026, 1, 2), JourneyFilter.None);
            using var reader = command.ExecuteReader();
            var columns = new List<AnalystColumn>();
            while (reader.Read()) columns.Add(new AnalystColumn(reader.GetString(0), KindOf(reader.GetString(1))));
            return new AnalystSqlCheck([], columns) { NormalizedSql = sql, Parameters = parameters };
        }
        catch (DuckDBException e)
        {
            return Fail($"the SQL does not run against the journey model: {e.Message}");
        }
    }

    static AnalystSqlCheck Fail(string problem) => new([problem], []);

    static string Qualified((string Schema, string Name) t) => t.Schema is "" ? t.Name : $"{t.Schema}.{t.Name}";

    static FieldKind KindOf(string duckType) => duckType.ToUpperInvariant() switch
    {
        var t when t.StartsWith("DECIMAL") || t is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT"
            or "USMALLINT" or "UINTEGER" or "UBIGINT" or "FLOAT" or "DOUBLE" => FieldKind.Number,
        var t when t.StartsWith("TIMESTAMP") || t is "DATE" => FieldKind.Date,
        "BOOLEAN" => FieldKind.Boolean,
        var t when t.EndsWith("[]") => FieldKind.List,
        var t when t.StartsWith("STRUCT") => FieldKind.Record,
        _ => FieldKind.Text,
    };

    internal static string Wrapped(string normalizedSql, int limit) =>
        $"SELECT * FROM ({normalizedSql}) AS analyst" + (limit > 0 ? $" LIMIT {limit}" : "");

    internal static void AddParameters(DbCommand command, IEnumerable<string> used, DateTime start, DateTime end, JourneyFilter filter)
    {
        foreach (var name in used)
        {
            object? value = name switch
            {
                "start" => start,
                "end" => end,
                "persona" => filter.Persona,
                "segment" => filter.Segment,
                "region" => filter.Region,
                "channel" => filter.Channel,
                "device" => filter.Device,
                "department" => filter.Department,
                _ => throw new ArgumentException($"Unknown analyst parameter '{name}'."),
            };
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex PlainIdentifier();
}
