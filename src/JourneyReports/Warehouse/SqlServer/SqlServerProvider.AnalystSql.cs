using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace JourneyReports.Warehouse;

/// <summary>
/// Analyst SQL checked by Microsoft's T-SQL parser (ScriptDom): one SELECT, no INTO, reading only the journey model's
/// views and functions (in the journey schema, or unqualified: the reader's default schema is journey), calling only
/// <see cref="AnalystFunctions"/>, with only the model's parameters; then SQL Server itself describes its columns
/// (sp_describe_first_result_set binds without running it). The login's read-only rights are the second wall.
/// </summary>
public sealed partial class SqlServerProvider
{
    public AnalystSqlCheck CheckAnalystSql(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var script = parser.Parse(reader, out var errors);
        if (errors.Count > 0)
            return AnalystSqlCheck.Fail($"the SQL does not parse: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}");
        var statements = ((TSqlScript)script).Batches.SelectMany(b => b.Statements).ToList();
        if (statements.Count != 1) return AnalystSqlCheck.Fail($"exactly one SELECT statement is allowed, found {statements.Count}");
        if (statements[0] is not SelectStatement select) return AnalystSqlCheck.Fail("only a single SELECT (or WITH ... SELECT) statement is allowed");
        if (select.Into is not null) return AnalystSqlCheck.Fail("SELECT ... INTO is not allowed: analyst SQL only reads");

        var refs = new TSqlReferences();
        select.Accept(refs);
        var problems = refs.Problems.ToList();
        foreach (var t in refs.Tables.Where(t => !(t.Schema is "" && refs.Ctes.Contains(t.Name))))
            if (t.Database is not "" || t.Schema is not ("" or "journey") || !JourneyModel.Tables.Contains(t.Name, StringComparer.OrdinalIgnoreCase))
                problems.Add($"table '{t.Written}' is not part of the journey model (allowed: {string.Join(", ", JourneyModel.Tables)})");
        foreach (var f in refs.TableFunctions)
            if (f.Database is not "" || f.Schema is not ("" or "journey") || !JourneyModel.Macros.Contains(f.Name, StringComparer.OrdinalIgnoreCase))
                problems.Add($"table function '{f.Written}' is not allowed; only the journey functions ({string.Join(", ", JourneyModel.Macros)}) may be called in FROM");
        foreach (var name in refs.Functions.Where(n => !AnalystFunctions.Contains(n)))
            problems.Add($"function '{name}' is not allowed; analyst SQL may call functions of numbers, text and dates, aggregates and window functions (see docs/directquery.md)");
        foreach (var parameter in refs.Parameters.Where(p => !JourneyModel.ParameterNames.Contains(p)))
            problems.Add($"parameter '@{parameter}' is unknown; use @{string.Join(", @", JourneyModel.ParameterNames)}");
        if (problems.Count > 0) return new AnalystSqlCheck(problems.Distinct().ToList(), []);

        // The generator prints the statement back without comments: what runs is what was checked.
        new Sql160ScriptGenerator().GenerateScript(select, out var normalized);
        return Describe(normalized.Trim().TrimEnd(';'), refs.Parameters);
    }

    AnalystSqlCheck Describe(string sql, IReadOnlySet<string> parameters)
    {
        try
        {
            using var connection = new SqlConnection(connectionString);
            var described = connection.Query<(string? Name, string? Type, string? Error)>(SqlScripts.Load("warehouse/sqlserver/analyst_describe.sql"), new { sql }).ToList();
            if (described.FirstOrDefault(c => c.Error is not null).Error is { } error)
                return AnalystSqlCheck.Fail($"the SQL does not run against the journey model on {Location}: {error}");
            var columns = described.Select(c => new AnalystColumn(c.Name ?? "", KindOf(c.Type ?? ""))).ToList();
            if (columns.Any(c => c.Name.Length == 0))
                return AnalystSqlCheck.Fail("every column of the result needs a name (add AS name)");
            return new AnalystSqlCheck([], columns) { NormalizedSql = sql, Parameters = parameters };
        }
        catch (SqlException e)
        {
            return AnalystSqlCheck.Fail($"the SQL does not run against the journey model on {Location}: {e.Message}");
        }
    }

    static FieldKind KindOf(string sqlType) => sqlType.Split('(')[0].ToLowerInvariant() switch
    {
        "tinyint" or "smallint" or "int" or "bigint" or "decimal" or "numeric" or "float" or "real" or "money" or "smallmoney" => FieldKind.Number,
        "date" or "datetime" or "datetime2" or "smalldatetime" or "datetimeoffset" => FieldKind.Date,
        "bit" => FieldKind.Boolean,
        _ => FieldKind.Text,
    };

    /// <summary>
    /// The built-in functions analyst SQL may call: an allow-list, so that what reads the server's state (SUSER_NAME,
    /// DB_NAME, OBJECT_ID, HOST_NAME, SESSION_CONTEXT), reaches outside (OPENROWSET, OPENQUERY are table references and
    /// refused as such) or waits is refused until someone looks at it.
    /// </summary>
    internal static readonly IReadOnlySet<string> AnalystFunctions = new HashSet<string>(string.Join(' ',
            "count count_big sum avg min max stdev stdevp var varp string_agg approx_count_distinct percentile_cont percentile_disc",
            "row_number rank dense_rank ntile lag lead first_value last_value cume_dist percent_rank grouping",
            "abs ceiling floor round sign sqrt square power exp log log10 pi sin cos tan asin acos atan atn2 degrees radians",
            "len datalength lower upper ltrim rtrim trim left right substring charindex patindex replace reverse concat concat_ws",
            "stuff format str char nchar ascii unicode quotename soundex difference translate string_escape",
            "getdate getutcdate sysdatetime sysutcdatetime dateadd datediff datediff_big datepart datename datefromparts",
            "datetime2fromparts eomonth year month day isdate date_bucket datetrunc",
            "cast convert try_cast try_convert parse try_parse isnull coalesce nullif iif choose isnumeric greatest least",
            "json_value json_query isjson newid")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
}
