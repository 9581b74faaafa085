using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace JourneyReports.Warehouse;

/// <summary>What a parsed T-SQL SELECT refers to, collected from every node wherever it nests (for <see cref="SqlServerProvider.CheckAnalystSql"/>).</summary>
sealed class TSqlReferences : TSqlFragmentVisitor
{
    public sealed record ObjectName(string Database, string Schema, string Name, string Written);

    public List<ObjectName> Tables { get; } = [];
    public List<ObjectName> TableFunctions { get; } = [];
    public HashSet<string> Ctes { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> Functions { get; } = [];
    public List<string> Problems { get; } = [];

    // The parts of FROM a query over the model needs; OPENROWSET, OPENQUERY, OPENJSON, full-text and the rest are refused.
    static readonly HashSet<Type> AllowedTableReferences =
    [
        typeof(NamedTableReference), typeof(SchemaObjectFunctionTableReference), typeof(QueryDerivedTable), typeof(QualifiedJoin),
        typeof(UnqualifiedJoin), typeof(JoinParenthesisTableReference), typeof(InlineDerivedTable), typeof(PivotedTableReference),
        typeof(UnpivotedTableReference),
    ];

    public override void Visit(TableReference node)
    {
        if (!AllowedTableReferences.Contains(node.GetType())) Problems.Add($"'{Text(node)}' is not allowed in FROM; read the journey model's views and functions");
    }

    public override void Visit(NamedTableReference node) => Tables.Add(NameOf(node.SchemaObject));

    public override void Visit(SchemaObjectFunctionTableReference node) => TableFunctions.Add(NameOf(node.SchemaObject));

    public override void Visit(CommonTableExpression node) => Ctes.Add(node.ExpressionName.Value);

    public override void Visit(VariableReference node) => Parameters.Add(node.Name.TrimStart('@').ToLowerInvariant());

    public override void Visit(GlobalVariableExpression node) => Problems.Add($"'{node.Name}' is not allowed: it describes the server, not the journey model");

    public override void Visit(FunctionCall node)
    {
        if (node.CallTarget is not null) Problems.Add($"function '{Text(node)}' is not allowed; call built-in functions by their plain name");
        else Functions.Add(node.FunctionName.Value);
    }

    public override void Visit(NextValueForExpression node) => Problems.Add("NEXT VALUE FOR is not allowed: analyst SQL only reads");

    static ObjectName NameOf(SchemaObjectName n) => new(
        n.ServerIdentifier?.Value ?? n.DatabaseIdentifier?.Value ?? "", n.SchemaIdentifier?.Value ?? "", n.BaseIdentifier.Value,
        string.Join('.', n.Identifiers.Select(i => i.Value)));

    static string Text(TSqlFragment node) =>
        string.Concat(Enumerable.Range(node.FirstTokenIndex, Math.Max(0, Math.Min(node.LastTokenIndex - node.FirstTokenIndex + 1, 8)))
            .Select(i => node.ScriptTokenStream[i].Text));
}
