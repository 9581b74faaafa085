using JourneyReports.Refresh;

namespace JourneyReports.Tests;

/// <summary>A source's settings and its mapping are checked before anything runs, every problem named, never a secret.</summary>
public sealed class RefreshConfigurationTests
{
    static readonly string Committed = Path.Combine(RepoPaths.Root, "mappings", "sqlserver-adventureworks.json");

    [Fact]
    public void TheCommittedMapping_Loads_WithEveryJourneyTable()
    {
        var mapping = RefreshMapping.Load(Committed);

        Assert.Equal("sqlserver", mapping.Dialect);
        Assert.Equal(ImportModel.Tables.Keys.Order(), mapping.Queries.SelectMany(q => q.Targets).Select(t => t.Table).Order());
        Assert.Equal(TimeSpan.FromHours(48), mapping.LookBack(mapping.Queries[0]));
    }

    [Fact]
    public void ASource_NamesEveryProblem_AndNeverItsConnectionString()
    {
        var source = new SourceOptions { Mapping = "", ConnectionString = "", Cron = "every day", TimeZone = "Europe/Londres", TimeoutMinutes = 0 };

        var problems = source.Problems("aw").ToList();

        Assert.Equal([
            "JourneyReports:Sources:aw:ConnectionString is empty; set it in the environment (JourneyReports__Sources__aw__ConnectionString), not in appsettings.json.",
            "JourneyReports:Sources:aw:Mapping is empty; name the refresh mapping file (e.g. mappings/sqlserver-adventureworks.json).",
            "JourneyReports:Sources:aw:Cron 'every day' is not a valid cron expression (five fields, e.g. '0 5 * * *' for 05:00 every day).",
            "JourneyReports:Sources:aw:TimeZone: unknown time zone 'Europe/Londres'; use an IANA id such as 'Europe/London' or 'America/New_York'.",
            "JourneyReports:Sources:aw:TimeoutMinutes must be 1 to 1440 (was 0).",
        ], problems);
    }

    [Theory]
    [InlineData("Server=sql01.example.com,1433;Database=AdventureWorksDW;User ID=reader;Password=s3cret", "server sql01.example.com,1433, database AdventureWorksDW")]
    [InlineData("Server=sql01;Password=s3cret;Nonsense Key=1", "(a connection string that does not parse)")]
    public void ASqlServerSourceIsNamed_ByServerAndDatabaseOnly(string connectionString, string location)
    {
        Assert.Equal(location, SourceDialects.Location("sqlserver", connectionString));
    }

    [Theory]
    [InlineData("""{ "dialect": "oracle", "queries": [] }""", "\"dialect\" is 'oracle'; use 'sqlserver' or 'sqlite'.")]
    [InlineData("""{ "dialect": "sqlserver", "queries": [{ "name": "e", "sql": "SELECT 1 AS event_id", "watermark": "modified_at", "targets": [] }] }""",
        "query 'e' has watermark 'modified_at' but its SQL never uses @since")]
    [InlineData("""{ "dialect": "sqlserver", "queries": [{ "name": "e", "sql": "SELECT 1 WHERE @since IS NULL", "targets": [] }] }""",
        "query 'e' uses @since but names no \"watermark\" column")]
    [InlineData("""{ "dialect": "sqlserver", "queries": [{ "name": "p", "sql": "SELECT 1", "targets": [{ "table": "products", "key": ["product_id"], "fields": { "product_id": { "column": "id" } } }] }] }""",
        "query 'p', table 'products' does not map required field 'name'.")]
    [InlineData("""{ "dialect": "sqlserver", "lookBackHours": -1, "queries": [{ "name": "p", "sql": "SELECT 1", "targets": [] }] }""",
        "the mapping has lookBackHours -1: give 0 to 8784 hours.")]
    [InlineData("""{ "dialect": "sqlserver", "queries": [{ "name": "p", "sql": "SELECT 1", "targets": [] }], "lookups": {} }""",
        "is not a valid mapping")]
    public void AMappingThatDoesNotFit_IsRefused_NamingTheProblem(string json, string problem)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jr-mapping-{Guid.NewGuid():n}.json");
        File.WriteAllText(path, json);
        try
        {
            var e = Assert.Throws<RefreshException>(() => RefreshMapping.Load(path));
            Assert.Contains(problem, e.Message);
        }
        finally { File.Delete(path); }
    }
}
