namespace JourneyReports.Tests;

/// <summary>
/// An analyst dataset's "sql" names a file inside the folder of its definition, and nothing else is ever read: not an
/// absolute path, not ../, not a symbolic link leading out. Each is refused before the file is opened, so its text can
/// never appear in an error.
/// </summary>
public sealed class AnalystSqlFileTests : IDisposable
{
    // root/outside.sql is valid SQL: read, it would pass and its text would reach the dashboard.
    readonly string root = Directory.CreateTempSubdirectory("jr-sqlfile-").FullName;
    string Boards => Path.Combine(root, "boards");
    const string Secret = "SELECT 'secret-outside' AS leaked";

    public AnalystSqlFileTests()
    {
        Directory.CreateDirectory(Path.Combine(Boards, "queries"));
        File.WriteAllText(Path.Combine(root, "outside.sql"), Secret);
        File.WriteAllText(Path.Combine(root, "notes.txt"), Secret);
        File.WriteAllText(Path.Combine(Boards, "queries", "good.sql"), "SELECT 'stage' AS label, 1 AS n");
        File.WriteAllText(Path.Combine(Boards, "notes.txt"), "SELECT 'stage' AS label, 1 AS n");
        Directory.CreateSymbolicLink(Path.Combine(Boards, "linked"), root);
        File.CreateSymbolicLink(Path.Combine(Boards, "queries", "escape.sql"), Path.Combine(root, "outside.sql"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    static string Board(string sql) => $$"""
        { "name": "files", "title": "Files", "version": 1,
          "datasets": { "odd": { "sql": "{{sql}}" } },
          "visuals": [ { "id": "t", "type": "table", "dataset": "odd", "position": { "row": 1, "col": 1, "width": 6, "height": 3 } } ],
          "layout": { "rows": 3, "columns": 12 } }
        """;

    IReadOnlyList<DefinitionError> Errors(string sql) =>
        DashboardDefinition.Parse(Board(sql), Path.Combine(Boards, "files.json"), TestEngine.SqlChecker).Errors;

    [Fact]
    public void AFileInsideTheFolder_IsRead()
    {
        Assert.Empty(Errors("queries/good.sql"));
        Assert.Empty(Errors("./queries/../queries/good.sql"));
    }

    [Theory]
    [InlineData("/etc/passwd", "must be a path relative to the definition's folder")]
    [InlineData("../outside.sql", "is outside the definition's folder")]
    [InlineData("queries/../../outside.sql", "is outside the definition's folder")]
    [InlineData("linked/outside.sql", "passes through a symbolic link ('linked')")]
    [InlineData("queries/escape.sql", "passes through a symbolic link ('queries/escape.sql')")]
    [InlineData("notes.txt", "must be a .sql file")]
    public void AFileOutsideTheFolder_IsRefused_WithoutItsText(string sql, string problem)
    {
        var error = Assert.Single(Errors(sql));

        Assert.Equal(2, error.Line);
        Assert.Contains($"dataset 'odd': SQL file '{sql}' {problem}", error.Problem);
        Assert.DoesNotContain("secret-outside", error.Problem);
        Assert.DoesNotContain("root:", error.Problem);
    }

    [Fact]
    public void AnAbsolutePathIntoTheFolder_IsRefusedToo_SoThatADefinitionMovedElsewhereCannotReachBack()
    {
        var error = Assert.Single(Errors(Path.Combine(Boards, "queries", "good.sql")));

        Assert.Contains("must be a path relative to the definition's folder", error.Problem);
    }

    [Fact]
    public void AFileOverAMegabyte_IsRefusedUnread_ForCheckingFoldsItsConstants()
    {
        File.WriteAllText(Path.Combine(Boards, "queries", "huge.sql"), "SELECT '" + new string('x', 1_100_000) + "' AS x");

        var error = Assert.Single(Errors("queries/huge.sql"));

        Assert.Contains("SQL file 'queries/huge.sql' is 1.0 MB; an analyst query may be at most 1 MB", error.Problem);
    }

    [Fact]
    public async Task AtRunTime_APathOutsideTheFolder_IsADatasetError_AndTheFileIsNotRead()
    {
        // A definition is validated when loaded; the run checks the path again (files change in between).
        await using var w = await TempWarehouse.OpenAsync();
        var definition = DashboardDefinition.Parse(Board("queries/good.sql"), Path.Combine(Boards, "files.json"), TestEngine.SqlChecker).Definition!;
        foreach (var sql in new[] { "/etc/passwd", "../outside.sql", "linked/outside.sql", "queries/escape.sql" })
        {
            definition.Datasets["odd"] = new DatasetDefinition { Sql = sql };

            var result = await DashboardComposer.RunAsync(definition, w.Warehouse, TimeProvider.System, default);

            var odd = result.Datasets["odd"];
            Assert.Empty(odd.Rows);
            Assert.Contains($"SQL file '{sql}'", odd.Error);
            Assert.DoesNotContain("secret-outside", odd.Error);
            Assert.DoesNotContain("root:", odd.Error);
        }
    }
}
