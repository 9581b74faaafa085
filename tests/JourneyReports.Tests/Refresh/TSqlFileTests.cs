using System.Text.Json;
using System.Text.RegularExpressions;
using JourneyReports.Refresh;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace JourneyReports.Tests;

/// <summary>
/// No SQL Server runs here, so every T-SQL text of the repository is checked by Microsoft's own T-SQL parser (the
/// newest ScriptDom has): the files under sql/**/sqlserver/ and the queries of every SQL Server refresh mapping parse
/// with no error, bind no parameter but @since, read only the journey views, and return every column their mapping uses.
/// </summary>
public sealed partial class TSqlFileTests
{
    /// <summary>The newest parser of the package (TSql180Parser in ScriptDom 180.154), found by name so an upgrade brings its own.</summary>
    static readonly Type NewestParser = typeof(TSqlParser).Assembly.GetExportedTypes()
        .Where(t => TSqlParserName().IsMatch(t.Name))
        .MaxBy(t => int.Parse(TSqlParserName().Match(t.Name).Groups[1].Value))!;

    internal static TSqlFragment Parse(string sql, out IList<ParseError> errors)
    {
        var parser = (TSqlParser)Activator.CreateInstance(NewestParser, [true])!;   // quoted identifiers on, as SQL Server has them
        using var reader = new StringReader(sql);
        return parser.Parse(reader, out errors);
    }

    static IReadOnlyList<string> TSqlFiles() => [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "sql"), "*.sql", SearchOption.AllDirectories)
        .Where(f => Path.GetRelativePath(RepoPaths.Root, f).Split(Path.DirectorySeparatorChar).Contains("sqlserver")).Order()];

    static IReadOnlyList<(string File, RefreshMapping Mapping)> SqlServerMappings() => [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "mappings"), "*.json")
        .Where(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.TryGetProperty("queries", out _))
        .Select(f => (Path.GetFileName(f), RefreshMapping.Load(f))).Where(m => m.Item2.Dialect == "sqlserver")];

    [Fact]
    public void EveryTSqlFile_Parses_WithNoError()
    {
        var files = TSqlFiles();

        Assert.Contains(files, f => f.EndsWith(Path.Combine("journey_views", "events.sql")));
        // Under sql/sqlserver: the schema, the reader login, the eight journey views, the example star schema, the
        // journey model as plain tables and DirectQuery's indexes (other sqlserver folders, such as the catalog's and
        // the warehouse's, are counted by their own tests).
        Assert.Equal(13, files.Count(f => Path.GetRelativePath(RepoPaths.Root, f).StartsWith(Path.Combine("sql", "sqlserver"))));
        var problems = files.SelectMany(f => { Parse(File.ReadAllText(f), out var errors); return errors.Select(e => $"{Path.GetRelativePath(RepoPaths.Root, f)}:{e.Line}: {e.Message}"); }).ToList();
        Assert.True(problems.Count == 0, $"{NewestParser.Name}:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void EveryJourneyView_IsCreatedInTheJourneySchema_UnderItsFilesName_AndTakesNoParameter()
    {
        foreach (var file in TSqlFiles().Where(f => f.Contains("journey_views")))
        {
            var view = Views(File.ReadAllText(file)).Single();
            Assert.Equal(("journey", Path.GetFileNameWithoutExtension(file)), (view.Schema, view.Name));
            Assert.Empty(Variables(File.ReadAllText(file)));
        }
    }

    [Fact]
    public void EveryQueryOfASqlServerMapping_Parses_BindsOnlySince_AndReadsOnlyTheJourneyViews()
    {
        var mappings = SqlServerMappings();
        var views = TSqlFiles().Where(f => f.Contains("journey_views")).SelectMany(f => Views(File.ReadAllText(f))).ToHashSet();

        Assert.Contains(mappings, m => m.File == "sqlserver-adventureworks.json");
        foreach (var (file, mapping) in mappings)
            foreach (var query in mapping.Queries)
            {
                var where = $"{file}, query '{query.Name}'";
                Parse(query.Sql, out var errors);
                Assert.True(errors.Count == 0, $"{where}: {string.Join("; ", errors.Select(e => e.Message))}");
                // @since is the one parameter a refresh binds (RefreshEngine); any other would fail on the server.
                Assert.True(Variables(query.Sql).All(v => v.Equals("@" + RefreshMapping.SinceParameter, StringComparison.OrdinalIgnoreCase)),
                    $"{where} uses {string.Join(", ", Variables(query.Sql))}; a refresh binds only @{RefreshMapping.SinceParameter}");
                Assert.Equal(query.Watermark is not null, Variables(query.Sql).Count > 0);
                // The reader login may read the journey schema only (sql/sqlserver/reader_login.sql).
                var tables = Tables(query.Sql);
                Assert.True(tables.Count > 0 && tables.All(views.Contains), $"{where} reads {string.Join(", ", tables)}; only journey views may be read");
            }
    }

    [Fact]
    public void EveryQueryOfASqlServerMapping_ReturnsTheWatermarkAndEveryColumnItsFieldsUse_AndItsViewHasThem()
    {
        var views = TSqlFiles().Where(f => f.Contains("journey_views"))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => SelectedNames(File.ReadAllText(f)));
        foreach (var (file, mapping) in SqlServerMappings())
            foreach (var query in mapping.Queries)
            {
                var returned = SelectedNames(query.Sql);
                var used = query.Targets.SelectMany(t => t.Fields.Values).SelectMany(ColumnsOf).Concat(query.Watermark is { } w ? [w] : []).ToHashSet();
                Assert.True(used.IsSubsetOf(returned), $"{file}, query '{query.Name}' returns {string.Join(", ", returned)} but its mapping uses {string.Join(", ", used.Except(returned))}");
                foreach (var (_, view) in Tables(query.Sql))
                    Assert.True(returned.IsSubsetOf(views[view]), $"{file}, query '{query.Name}' selects {string.Join(", ", returned.Except(views[view]))}, which journey.{view} does not have");
            }
    }

    [Fact]
    public void EveryStandInQuery_IsItsSqlServerQuery_ButForTheTablesNameAndTheRecompileHint()
    {
        // What "the stand-in runs the mapping's own queries" rests on: the SQLite twins are these texts, not others.
        foreach (var query in StandInRefresh.SqlServerMapping.Queries)
        {
            var twin = string.Join("\n", StandInSource.Twin(query.Name).Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))).Trim().TrimEnd(';');
            Assert.Equal(query.Sql.Replace("journey.", "journey_").Replace(" OPTION (RECOMPILE)", ""), twin);
        }
    }

    static HashSet<(string Schema, string Name)> Views(string sql) =>
        [.. Visit(sql, new Collector()).Views.Select(v => (v.SchemaIdentifier?.Value ?? "", v.BaseIdentifier.Value))];

    static List<string> Variables(string sql) => [.. Visit(sql, new Collector()).Variables.Select(v => v.Name).Distinct()];

    static List<(string Schema, string Name)> Tables(string sql) =>
        [.. Visit(sql, new Collector()).Tables.Select(t => (t.SchemaObject.SchemaIdentifier?.Value ?? "", t.SchemaObject.BaseIdentifier.Value)).Distinct()];

    /// <summary>The names of the outermost SELECT's columns: their alias, else the column's own name.</summary>
    static HashSet<string> SelectedNames(string sql)
    {
        var select = Visit(sql, new Collector()).Selects.First();
        return [.. select.SelectElements.OfType<SelectScalarExpression>().Select(e => e.ColumnName?.Value
            ?? (e.Expression as ColumnReferenceExpression)?.MultiPartIdentifier.Identifiers[^1].Value
            ?? throw new InvalidOperationException($"a column without a name in: {sql}"))];
    }

    static IEnumerable<string> ColumnsOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => p.Name == "column" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : ColumnsOf(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(ColumnsOf),
        _ => [],
    };

    static Collector Visit(string sql, Collector collector)
    {
        var fragment = Parse(sql, out var errors);
        Assert.Empty(errors);
        fragment.Accept(collector);
        return collector;
    }

    sealed class Collector : TSqlFragmentVisitor
    {
        public List<SchemaObjectName> Views { get; } = [];
        public List<VariableReference> Variables { get; } = [];
        public List<NamedTableReference> Tables { get; } = [];
        public List<QuerySpecification> Selects { get; } = [];

        public override void Visit(CreateOrAlterViewStatement node) => Views.Add(node.SchemaObjectName);
        public override void Visit(CreateViewStatement node) => Views.Add(node.SchemaObjectName);
        public override void Visit(VariableReference node) => Variables.Add(node);
        public override void Visit(NamedTableReference node) => Tables.Add(node);
        public override void Visit(QuerySpecification node) => Selects.Add(node);
        public List<string> Declared { get; } = [];
        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value);
        public override void Visit(ProcedureParameter node) => Declared.Add(node.VariableName.Value);
        // EXEC sys.sp_set_session_context @key = ...: a procedure's parameter name, not a variable of the batch.
        public override void Visit(ExecuteParameter node) { if (node.Variable is not null) Declared.Add(node.Variable.Name); }
    }

    [GeneratedRegex(@"^TSql(\d+)Parser$")]
    private static partial Regex TSqlParserName();
}
