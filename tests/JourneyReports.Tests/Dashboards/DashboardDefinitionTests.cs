using JourneyReports;

namespace JourneyReports.Tests;

public sealed class DashboardDefinitionTests
{
    static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "JourneyReports.sln"))) dir = dir.Parent;
        return dir.FullName;
    }

    const string Valid = """
        {
          "name": "test-board",
          "title": "Test",
          "version": 1,
          "parameters": { "period": "last-28-days", "comparison": "none", "timeZone": "Europe/London", "filters": { "persona": "Loyal regular" } },
          "datasets": {
            "funnel": { "metric": "funnel" },
            "trend": { "metric": "trend" }
          },
          "visuals": [
            { "id": "f", "type": "funnel", "dataset": "funnel", "fields": { "label": "stage", "value": "customers" },
              "position": { "row": 1, "col": 1, "width": 6, "height": 2 } },
            { "id": "t", "type": "line", "dataset": "trend", "fields": { "x": "weekStart", "y": "revenue" },
              "position": { "row": 1, "col": 7, "width": 6, "height": 2 } }
          ],
          "layout": { "rows": 4, "columns": 12 }
        }
        """;

    static IReadOnlyList<DefinitionError> Errors(string json) => DashboardDefinition.Parse(json, "board.json", TestEngine.SqlChecker).Errors;

    static void HasError(string json, int line, string problem)
    {
        var errors = Errors(json);
        Assert.Contains(errors, e => e.File == "board.json" && e.Line == line && e.Problem.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void AValidDefinition_HasNoErrors()
    {
        var parsed = DashboardDefinition.Parse(Valid, "board.json", TestEngine.SqlChecker);
        Assert.Empty(parsed.Errors);
        Assert.Equal("Loyal regular", parsed.Definition!.Parameters.Filters.ToFilter().Persona);
    }

    [Fact]
    public void BuiltInLibrary_LoadsAllEight_WithoutErrors()
    {
        var library = DashboardLibrary.Load(Path.Combine(RepoRoot(), "dashboards"), TestEngine.SqlChecker);
        Assert.Empty(library.Errors.SelectMany(e => e.Value).Select(e => e.ToString()));
        Assert.Equal(8, library.Definitions.Count);
    }

    [Fact]
    public void MalformedJson_IsOneError_WithItsLineAndColumn()
    {
        var error = Assert.Single(Errors(Valid.Replace("\"title\": \"Test\",", "\"title\": \"Test\"").Replace("\"version\": 1", "\"version\": \"one\"")));
        Assert.Equal(4, error.Line);
        Assert.StartsWith("JSON syntax error at column 3:", error.Problem);
    }

    [Fact]
    public void StructuralMistakes_AreAllReportedAtOnce_EachAtItsLine()
    {
        var errors = Errors(Valid.Replace("\"version\": 1", "\"version\": \"one\"").Replace("\"timeZone\":", "\"timeZon\":").Replace("\"col\": 7", "\"col\": 7.5"));
        Assert.Equal(
            [(4, "version must be a whole number, not a string"),
             (5, "parameters has no property 'timeZon'; did you mean 'timeZone'?"),
             (14, "visuals[1].position.col must be a whole number, not 7.5")],
            errors.Select(e => (e.Line, e.Problem)));
    }

    [Fact]
    public void UnknownProperty_SuggestsTheKnownOneItIsATypoOf() =>
        HasError(Valid.Replace("\"filters\":", "\"filter\":"), 5, "parameters has no property 'filter'; did you mean 'filters'?");

    [Fact]
    public void WrongKind_NamesTheKindExpectedAndGiven() =>
        HasError("""
            {
              "name": "b", "title": "B", "version": 1, "datasets": {},
              "visuals": {},
              "layout": { "rows": 1, "columns": 1 }
            }
            """, 3, "visuals must be an array, not an object");

    [Fact]
    public void PeriodNeitherANameNorFromTo() => HasError(Valid.Replace("\"last-28-days\"", "28"), 5, "parameters.period must be a relative range name or { \"from\"");

    [Fact]
    public void AnExplicitPeriod_IsRead_WhateverTheCaseOfItsNames()
    {
        var parsed = DashboardDefinition.Parse(Valid.Replace("\"last-28-days\"", "{ \"From\": \"2026-11-01\", \"to\": \"2026-11-30\" }"), "board.json", TestEngine.SqlChecker);
        Assert.Empty(parsed.Errors);
        Assert.Equal(("2026-11-01", "2026-11-30"), (parsed.Definition!.Parameters.Period.From, parsed.Definition.Parameters.Period.To));
    }

    [Fact]
    public void NullWhereAValueIsNeeded() => HasError(Valid.Replace("\"id\": \"t\"", "\"id\": null"), 13, "visuals[1].id must be a string, not null");

    [Fact]
    public void PropertyGivenTwice() => HasError(Valid.Replace("\"comparison\": \"none\"", "\"comparison\": \"none\", \"Comparison\": \"none\""), 5, "parameters.Comparison is given twice");

    [Fact]
    public void MissingRequiredProperty_IsReportedOnce()
    {
        var error = Assert.Single(Errors(Valid.Replace("\"version\": 1,", "")));
        Assert.Equal((1, "version is missing"), (error.Line, error.Problem));
    }

    [Fact]
    public void DatasetNameThatCannotBeAUrlOrSheetName() =>
        HasError(Valid.Replace("\"trend\": { \"metric\"", "\"week/trend\": { \"metric\"").Replace("\"dataset\": \"trend\"", "\"dataset\": \"week/trend\""), 8,
            "dataset name 'week/trend' must start with a letter and hold only letters, digits, '-' and '_'");

    [Fact]
    public void VisualIdThatCannotBeAUrl() => HasError(Valid.Replace("\"id\": \"t\"", "\"id\": \"t t\""), 13, "visual id 't t' must start with a letter");

    [Fact]
    public void LayoutTooTallToDraw() =>   // 150 px header + 80 rows × 103 px + 36 px footer = 8,426 px at 1600 px wide
        HasError(Valid.Replace("\"rows\": 4, \"columns\": 12", "\"rows\": 80, \"columns\": 12"), 16, "layout of 80 rows and 12 columns makes a page");

    [Fact]
    public void UnknownMetric() => HasError(Valid.Replace("\"metric\": \"trend\"", "\"metric\": \"trends\""), 8, "unknown metric 'trends'");

    [Fact]
    public void UnknownField() => HasError(Valid.Replace("\"y\": \"revenue\"", "\"y\": \"profit\""), 13, "dataset 'trend' has no field 'profit'");

    [Fact]
    public void WrongFieldType() => HasError(Valid.Replace("\"y\": \"revenue\"", "\"y\": \"weekStart\""), 13, "y of a line must be number, but 'weekStart' is date");

    [Fact]
    public void MissingField() => HasError(Valid.Replace("\"label\": \"stage\", ", ""), 11, "a funnel needs field 'label'");

    [Fact]
    public void Overlap() => HasError(Valid.Replace("\"col\": 7", "\"col\": 5"), 14, "visual 't' overlaps visual 'f'");

    [Fact]
    public void OutsideGrid() => HasError(Valid.Replace("\"col\": 7", "\"col\": 8"), 14, "outside the 4×12 grid");

    [Fact]
    public void ZeroSize() => HasError(Valid.Replace("\"width\": 6, \"height\": 2 } },", "\"width\": 0, \"height\": 2 } },"), 12, "width and height must be at least 1");

    [Fact]
    public void UnknownFilter() => HasError(Valid.Replace("\"persona\":", "\"colour\":"), 5, "parameters.filters has no property 'colour'; it takes persona, segment");

    [Fact]
    public void UnknownParameter() => HasError(Valid.Replace("\"comparison\": \"none\"", "\"compare\": \"none\""), 5, "'compare'");

    [Fact]
    public void BadRelativeRange() => HasError(Valid.Replace("last-28-days", "last-fortnight"), 5, "unknown relative period 'last-fortnight'");

    [Fact]
    public void BadTimeZone() => HasError(Valid.Replace("Europe/London", "Europe/Atlantis"), 5, "unknown time zone 'Europe/Atlantis'");

    [Fact]
    public void UnknownVisualType() => HasError(Valid.Replace("\"type\": \"line\"", "\"type\": \"pie\""), 13, "unknown type 'pie'");

    [Fact]
    public void BadMetricOption() => HasError(Valid.Replace("{ \"metric\": \"funnel\" }", "{ \"metric\": \"funnel\", \"options\": { \"top\": 3 } }"), 7, "metric 'funnel' has no option 'top'");

    [Fact]
    public void AllErrorsAreReturned()
    {
        var errors = Errors(Valid.Replace("last-28-days", "last-fortnight").Replace("\"metric\": \"trend\"", "\"metric\": \"trends\"").Replace("\"col\": 7", "\"col\": 5"));
        // One error per broken line, each where it is, none lost behind the first; the line with the unknown metric
        // hides no further error (the trend visual's fields cannot be checked against an unknown metric).
        (int Line, string Starts)[] expected =
        [
            (5, "unknown relative period 'last-fortnight'; use one of: last-complete-week,"),
            (8, "dataset 'trend': unknown metric 'trends'; use one of: kpis, funnel, trend,"),
            (14, "visual 't' overlaps visual 'f'"),
        ];
        Assert.Equal(expected.Select(x => x.Line), errors.Select(e => e.Line));
        Assert.All(expected.Zip(errors), pair => Assert.StartsWith(pair.First.Starts, pair.Second.Problem));
    }

    [Fact]
    public void AnalystSqlDataset_IsCheckedRelativeToTheDefinition()
    {
        var folder = Directory.CreateTempSubdirectory();
        File.WriteAllText(Path.Combine(folder.FullName, "bad.sql"), "DROP TABLE events");
        File.WriteAllText(Path.Combine(folder.FullName, "good.sql"), "SELECT event_type, count(*) AS n FROM events WHERE occurred_at >= $start GROUP BY 1");
        var json = Valid.Replace("{ \"metric\": \"trend\" }", "{ \"sql\": \"good.sql\" }").Replace("\"x\": \"weekStart\", \"y\": \"revenue\"", "\"x\": \"event_type\", \"y\": \"n\"")
            .Replace("\"type\": \"line\"", "\"type\": \"bar\"");
        var path = Path.Combine(folder.FullName, "board.json");
        Assert.Empty(DashboardLibrary.Save(path, json, TestEngine.SqlChecker));
        var errors = DashboardDefinition.Parse(json.Replace("good.sql", "bad.sql"), path, TestEngine.SqlChecker).Errors;
        Assert.Contains(errors, e => e.Line == 8 && e.Problem.Contains("bad.sql") && e.Problem.Contains("only a single SELECT"));
        folder.Delete(true);
    }
}
