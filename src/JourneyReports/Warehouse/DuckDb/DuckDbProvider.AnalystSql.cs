using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using DuckDB.NET.Data;

namespace JourneyReports.Warehouse;

/// <summary>
/// Analyst SQL checked by DuckDB itself: json_serialize_sql parses the text into its AST (it only serialises SELECT
/// statements, so DDL/DML/PRAGMA/ATTACH/COPY fail there), every table and table function the AST names must belong to
/// the journey model, every function it calls must be on <see cref="AnalystFunctions"/>, and the query must bind
/// (DESCRIBE) against an in-memory database holding the journey schema and macros, which also yields its columns.
/// </summary>
public sealed partial class DuckDbProvider
{
    public AnalystSqlCheck CheckAnalystSql(string sql)
    {
        using var connection = OpenCheckDatabase();
        var ast = connection.QuerySingle<string>("SELECT json_serialize_sql(CAST($sql AS VARCHAR))", new { sql });
        using var doc = JsonDocument.Parse(ast);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error) && error.GetBoolean())
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() : "unknown error";
            return AnalystSqlCheck.Fail(message?.StartsWith("Only SELECT statements", StringComparison.Ordinal) == true
                ? "only a single SELECT (or WITH ... SELECT) statement is allowed"
                : $"the SQL does not parse: {message}");
        }
        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
            return AnalystSqlCheck.Fail($"exactly one SELECT statement is allowed, found {statements.GetArrayLength()}");

        var refs = new References();
        refs.Walk(statements[0]);
        var problems = new List<string>();
        // A CTE is matched by name wherever it is declared, not by scope; so only plain identifiers may name one, and
        // only an unqualified plain name may refer to one. Otherwise WITH "/etc/passwd" AS (...) nested anywhere would
        // let a FROM '/etc/passwd' elsewhere pass as a CTE and read the file.
        foreach (var cte in refs.Ctes.Where(c => !PlainIdentifier().IsMatch(c)))
            problems.Add($"a WITH name must be a plain identifier (letters, digits, _), not '{cte}'");
        foreach (var table in refs.Tables.Where(t => !(t.Schema is "" && PlainIdentifier().IsMatch(t.Name) && refs.Ctes.Contains(t.Name))))
            if (table.Schema is not ("" or "main") || !JourneyModel.Tables.Contains(table.Name))
                problems.Add($"table '{Qualified(table)}' is not part of the journey model (allowed: {string.Join(", ", JourneyModel.Tables)})");
            // A data scope narrows the tables by name (RestrictAsync); a schema would name past it.
            else if (table.Schema is not "")
                problems.Add($"table '{Qualified(table)}' must be named without a schema ({table.Name})");
        foreach (var function in refs.TableFunctions.Where(f => !JourneyModel.Macros.Contains(f)))
            problems.Add($"table function '{function}' is not allowed; only the journey macros ({string.Join(", ", JourneyModel.Macros)}) may be called in FROM");
        foreach (var parameter in refs.Parameters.Where(p => !JourneyModel.ParameterNames.Contains(p)))
            problems.Add($"parameter '${parameter}' is unknown; use ${string.Join(", $", JourneyModel.ParameterNames)}");
        problems.AddRange(FunctionProblems(refs));
        if (problems.Count > 0) return new AnalystSqlCheck(problems.Distinct().ToList(), []);

        // DuckDB prints the AST back as one statement without comments or semicolons, so it can be nested safely.
        var normalized = connection.QuerySingle<string>("SELECT json_deserialize_sql(CAST($ast AS JSON))", new { ast });
        return Bind(connection, normalized, refs.Parameters);
    }

    /// <summary>
    /// The in-memory database queries are checked in. It can reach no file and no network, loads and installs no
    /// extension (a function of one that is not loaded made DuckDB download it, into ~/.duckdb, while a definition was
    /// being validated), and its configuration is locked before anything runs in it.
    /// </summary>
    internal static DuckDBConnection OpenCheckDatabase()
    {
        var connection = new DuckDBConnection("Data Source=:memory:;enable_external_access=false;" +
            "autoinstall_known_extensions=false;autoload_known_extensions=false;lock_configuration=true");
        connection.Open();
        return connection;
    }

    // Settings, the catalog, files and extensions are out of reach; so are functions that make big values from small text.
    static IEnumerable<string> FunctionProblems(References refs)
    {
        foreach (var (catalog, schema, name) in refs.Functions)
            if (catalog is not "" || !(AnalystFunctions.Contains(name) || JourneyModel.ScalarMacros.Contains(name, StringComparer.OrdinalIgnoreCase)))
                yield return $"function '{string.Join('.', new[] { catalog, schema, name }.Where(p => p is not ""))}' is not allowed; analyst SQL " +
                    "may call functions of numbers, text, dates, lists, maps and JSON, aggregates and window functions, but not settings, " +
                    "the catalog, files or extensions (see docs/dashboards.md)";
        foreach (var name in refs.BareNames.Where(SessionValues.Contains))
            yield return $"'{name}' is not allowed: it describes the session, not the journey model";
        foreach (var node in refs.OtherNodes)
            yield return node == "SHOW_REF" ? "SHOW, DESCRIBE and SUMMARIZE are not allowed; select from the journey model's tables"
                : $"'{node}' is not allowed in analyst SQL";
    }

    static AnalystSqlCheck Bind(DuckDBConnection connection, string sql, IReadOnlySet<string> parameters)
    {
        connection.Execute(SqlScripts.Load("warehouse/duckdb/schema.sql"));
        connection.Execute(SqlScripts.Load("warehouse/duckdb/stage_map_create.sql"));
        connection.Execute(SqlScripts.Load("warehouse/duckdb/journey_macros.sql"));
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DESCRIBE SELECT * FROM ({sql}) AS analyst";
            // Any values of the right types will do to bind: the dates are the period, the rest filters.
            foreach (var name in parameters)
                command.Parameters.Add(new DuckDBParameter(name, name is "start" or "end" ? new DateTime(2026, 1, 1) : DBNull.Value));
            using var reader = command.ExecuteReader();
            var columns = new List<AnalystColumn>();
            while (reader.Read()) columns.Add(new AnalystColumn(reader.GetString(0), KindOf(reader.GetString(1))));
            return new AnalystSqlCheck([], columns) { NormalizedSql = sql, Parameters = parameters };
        }
        catch (DuckDBException e)
        {
            return AnalystSqlCheck.Fail($"the SQL does not run against the journey model: {e.Message}");
        }
    }

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

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainIdentifier();
}
