using System.Text.RegularExpressions;
using JourneyReports.Catalog;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace JourneyReports.Tests;

/// <summary>
/// The catalog speaks SQLite and T-SQL with the same code: every query has a file of the same name in both dialect
/// folders, binding the same parameters and returning the same column names. No SQL Server runs here, so the T-SQL is
/// read by Microsoft's parser (it parses with no error: <see cref="TSqlFileTests.EveryTSqlFile_Parses_WithNoError"/>).
/// </summary>
public sealed partial class CatalogDialectTests
{
    static readonly string Folder = Path.Combine(RepoPaths.Root, "sql", "catalog");

    static SortedSet<string> Names(string dialect, string sub = "") =>
        [.. Directory.GetFiles(Path.Combine(Folder, dialect, sub), "*.sql").Select(f => Path.GetFileNameWithoutExtension(f))];

    [Fact]
    public void EveryCatalogQuery_HasAFileOfTheSameName_InBothDialects()
    {
        var sqlite = Names(CatalogDatabase.Sqlite);
        var sqlServer = Names(CatalogDatabase.SqlServer);

        Assert.Contains("ledger_claim", sqlite);
        Assert.Equal(48, sqlite.Count);
        Assert.Equal(sqlite, sqlServer);
    }

    [Fact]
    public void EveryCatalogMigration_HasAFileOfTheSameName_InBothDialects()
    {
        Assert.Equal(4, Names(CatalogDatabase.Sqlite, "migrations").Count);
        Assert.Equal(Names(CatalogDatabase.Sqlite, "migrations"), Names(CatalogDatabase.SqlServer, "migrations"));
    }

    [Fact]
    public void EveryCatalogQuery_BindsTheSameParameters_InBothDialects()
    {
        foreach (var name in Names(CatalogDatabase.Sqlite))
        {
            var sqlite = SqliteParameters(Read(CatalogDatabase.Sqlite, name));
            var sqlServer = TSqlParameters(Read(CatalogDatabase.SqlServer, name));
            Assert.True(sqlite.SetEquals(sqlServer), $"{name}: SQLite binds {string.Join(", ", sqlite.Order())}; T-SQL binds {string.Join(", ", sqlServer.Order())}");
        }
        Assert.Equal(["@At", "@MessageId", "@PeriodKey", "@Recipient", "@RunId", "@SubscriptionId"], TSqlParameters(Read(CatalogDatabase.SqlServer, "ledger_claim")).Order());
    }

    [Fact]
    public void EveryCatalogQuery_ReturnsTheSameColumnNames_InBothDialects()
    {
        foreach (var name in Names(CatalogDatabase.Sqlite))
            Assert.True(Aliases(Read(CatalogDatabase.Sqlite, name)).SetEquals(Aliases(Read(CatalogDatabase.SqlServer, name))),
                $"{name}: SQLite names {string.Join(", ", Aliases(Read(CatalogDatabase.Sqlite, name)))}; T-SQL {string.Join(", ", Aliases(Read(CatalogDatabase.SqlServer, name)))}");
        // The views the queries select * from: the same columns, by the same names.
        var views = (string d) => Aliases(string.Concat(Names(d, "migrations").Select(m => File.ReadAllText(Path.Combine(Folder, d, "migrations", m + ".sql")))));
        Assert.Contains("FireTime", views(CatalogDatabase.Sqlite));
        Assert.Equal(views(CatalogDatabase.Sqlite).Order(), views(CatalogDatabase.SqlServer).Order());
    }

    [Theory]
    [InlineData("ledger_claim")]
    [InlineData("lock_acquire")]
    [InlineData("subscription_save")]
    public void AClaimOnSqlServer_IsOneMergeUnderAKeyRangeLock(string name)
    {
        // Two instances claiming one recipient (or one lock) at once: HOLDLOCK makes the MERGE serialisable, so the
        // second waits for the first and then sees its row, instead of both inserting.
        var fragment = TSqlFileTests.Parse(Read(CatalogDatabase.SqlServer, name), out var errors);
        Assert.Empty(errors);
        var visitor = new Collector();
        fragment.Accept(visitor);
        var merge = Assert.Single(visitor.Statements.OfType<MergeStatement>());
        Assert.Single(visitor.Statements);
        Assert.Contains(((NamedTableReference)merge.MergeSpecification.Target).TableHints, h => h.HintKind == TableHintKind.HoldLock);
    }

    [Fact]
    public void EveryCatalogTable_OnSqlServer_IsInTheCatalogSchema()
    {
        // The catalog's login owns the catalog schema only (docs/instances.md); Hangfire has a schema of its own.
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, CatalogDatabase.SqlServer), "*.sql", SearchOption.AllDirectories))
        {
            var visitor = new Collector();
            TSqlFileTests.Parse(File.ReadAllText(file), out _).Accept(visitor);
            var outside = visitor.Objects.Where(o => o.SchemaIdentifier?.Value is not ("catalog" or "sys")).Select(o => o.BaseIdentifier.Value).ToList();
            Assert.True(outside.Count == 0, $"{Path.GetFileName(file)} names {string.Join(", ", outside)} outside the catalog schema");
        }
    }

    static string Read(string dialect, string name) => File.ReadAllText(Path.Combine(Folder, dialect, name + ".sql"));

    /// <summary>SQLite's parameters: every @Name outside comments and string literals.</summary>
    static HashSet<string> SqliteParameters(string sql) => [.. SqliteParameter().Matches(WithoutCommentsAndStrings(sql)).Select(m => m.Value)];

    /// <summary>T-SQL's parameters: every variable read that the script does not declare itself, nor name as a procedure's parameter.</summary>
    static HashSet<string> TSqlParameters(string sql)
    {
        var visitor = new Collector();
        var fragment = TSqlFileTests.Parse(sql, out var errors);
        Assert.Empty(errors);
        fragment.Accept(visitor);
        return [.. visitor.Variables.Where(v => !visitor.ProcedureParameterNames.Contains(v)).Select(v => v.Name).Except(visitor.Declared)];
    }

    /// <summary>The names a query gives its result columns (AS Name, capitalised as the C# records are).</summary>
    static HashSet<string> Aliases(string sql) => [.. ColumnAlias().Matches(WithoutCommentsAndStrings(sql)).Select(m => m.Groups[1].Value)];

    static string WithoutCommentsAndStrings(string sql) => Regex.Replace(Regex.Replace(sql, "--[^\n]*", ""), "N?'[^']*'", "''");

    sealed class Collector : TSqlFragmentVisitor
    {
        public List<VariableReference> Variables { get; } = [];
        public HashSet<VariableReference> ProcedureParameterNames { get; } = [];
        public HashSet<string> Declared { get; } = [];
        public List<TSqlStatement> Statements { get; } = [];
        /// <summary>Tables and views made, read or written.</summary>
        public List<SchemaObjectName> Objects { get; } = [];

        public override void Visit(VariableReference node) => Variables.Add(node);
        public override void Visit(ExecuteParameter node) { if (node.Variable is { } v) ProcedureParameterNames.Add(v); }
        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value);
        public override void Visit(TSqlStatement node) => Statements.Add(node);
        public override void Visit(NamedTableReference node) => Objects.Add(node.SchemaObject);
        public override void Visit(CreateTableStatement node) => Objects.Add(node.SchemaObjectName);
        public override void Visit(CreateOrAlterViewStatement node) => Objects.Add(node.SchemaObjectName);
        public override void Visit(CreateIndexStatement node) => Objects.Add(node.OnName);
    }

    [GeneratedRegex(@"@[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex SqliteParameter();

    [GeneratedRegex(@"\bAS\s+\[?([A-Z][a-z][A-Za-z]*)\]?")]
    private static partial Regex ColumnAlias();
}
