using System.Text.RegularExpressions;

namespace JourneyReports.Tests;

/// <summary>The DirectQuery dialect (sql/warehouse/sqlserver): each metric file takes the parameters its DuckDB twin takes, which JourneyMetrics passes.</summary>
public sealed partial class TSqlFileTests
{
    static readonly string SqlServerWarehouse = Path.Combine(RepoPaths.Root, "sql", "warehouse", "sqlserver");
    static readonly string DuckDbWarehouse = Path.Combine(RepoPaths.Root, "sql", "warehouse", "duckdb");

    /// <summary>The parameters a T-SQL text uses and does not declare itself, without the @.</summary>
    static HashSet<string> BoundParameters(string sql)
    {
        var collector = Visit(sql, new Collector());
        var declared = collector.Declared.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return collector.Variables.Select(v => v.Name).Where(n => !declared.Contains(n)).Select(n => n.TrimStart('@'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    static HashSet<string> DuckDbParameters(string sql) =>
        DuckParameter().Matches(string.Join('\n', sql.Split('\n').Select(l => l.Split("--")[0]))).Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void EverySqlServerWarehouseFile_BindsExactlyTheParametersOfItsDuckDbTwin()
    {
        var files = Directory.GetFiles(SqlServerWarehouse, "*.sql").Order().ToList();

        Assert.Contains(files, f => Path.GetFileName(f) == "weekly_trend.sql");
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var twin = Path.Combine(DuckDbWarehouse, name);
            var bound = BoundParameters(File.ReadAllText(file));
            // Files of the dialect alone: the setup script declares its own, the rest take what SqlServerProvider passes.
            HashSet<string> expected = name switch
            {
                "journey_functions.sql" or "data_version.sql" or "schema.sql" or "journey_macros.sql" or "stage_map_create.sql" => [],
                "analyst_describe.sql" => ["sql"],
                _ => DuckDbParameters(File.ReadAllText(twin)),
            };
            Assert.True(expected.SetEquals(bound),
                $"{name} binds {string.Join(", ", bound.Order())}; its DuckDB twin (what the C# passes) takes {string.Join(", ", expected.Order())}");
        }
    }

    [Fact]
    public void EveryFamilyPortedToSqlServer_HasEveryFileItReads_AndEveryFileHasADuckDbTwin()
    {
        foreach (var file in Directory.GetFiles(SqlServerWarehouse, "*.sql").Select(Path.GetFileName))
            Assert.True(file is "journey_functions.sql" or "data_version.sql" or "analyst_describe.sql" || File.Exists(Path.Combine(DuckDbWarehouse, file!)),
                $"sql/warehouse/sqlserver/{file} has no DuckDB twin of the same name");
        Assert.All(MetricCatalog.RunSqlFiles, f => Assert.True(File.Exists(Path.Combine(SqlServerWarehouse, f + ".sql")), $"{f}.sql is read by every dashboard run"));
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex DuckParameter();
}
