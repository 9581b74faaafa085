using JourneyReports;

namespace JourneyReports.Tests;

public sealed class AnalystSqlTests
{
    [Fact]
    public void AQueryOverEvents_Passes_WithItsColumns()
    {
        var check = TestEngine.SqlChecker.CheckAnalystSql("""
            WITH daily AS (
                SELECT CAST(occurred_at AS DATE) AS day, count(DISTINCT anonymous_id) AS visitors
                FROM events WHERE occurred_at >= $start AND occurred_at < $end GROUP BY 1
            )
            SELECT day, visitors FROM daily ORDER BY day; -- trailing comment
            """);
        Assert.True(check.Passed, string.Join("; ", check.Problems));
        Assert.Equal([new AnalystColumn("day", FieldKind.Date), new AnalystColumn("visitors", FieldKind.Number)], check.Columns);
    }

    [Fact]
    public void TheJourneyMacros_Pass()
    {
        var check = TestEngine.SqlChecker.CheckAnalystSql("SELECT channel, count(*) AS n FROM journey_events($start, $end, $persona, $segment, $region, $channel, $device, $department) GROUP BY 1");
        Assert.True(check.Passed, string.Join("; ", check.Problems));
    }

    [Theory]
    [InlineData("DROP TABLE events", "only a single SELECT")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "table function 'read_csv' is not allowed")]
    [InlineData("SELECT * FROM pg_catalog.pg_tables", "table 'pg_catalog.pg_tables' is not part of the journey model")]
    [InlineData("SELECT * FROM duckdb_settings()", "table function 'duckdb_settings' is not allowed")]
    [InlineData("SELECT * FROM '/etc/passwd'", "table '/etc/passwd' is not part of the journey model")]
    [InlineData("SELECT * FROM secrets", "table 'secrets' is not part of the journey model")]
    [InlineData("SELECT * FROM '/etc/passwd' WHERE EXISTS (WITH \"/etc/passwd\" AS (SELECT 1) SELECT 1)", "table '/etc/passwd' is not part of the journey model")]
    [InlineData("WITH \"x.csv\" AS (SELECT 1) SELECT * FROM \"x.csv\"", "a WITH name must be a plain identifier")]
    [InlineData("SELECT 1; SELECT 2", "exactly one SELECT statement is allowed, found 2")]
    [InlineData("SELEC * FROM events", "the SQL does not parse")]
    [InlineData("SELECT nope FROM events", "does not run against the journey model")]
    [InlineData("SELECT * FROM events WHERE visitor_id = $who", "parameter '$who' is unknown")]
    public void Rejected(string sql, string problem)
    {
        var check = TestEngine.SqlChecker.CheckAnalystSql(sql);
        Assert.False(check.Passed);
        Assert.Contains(problem, string.Join("; ", check.Problems));
    }
}

public sealed class AnalystSqlRunTests
{
    [Fact]
    public async Task Run_CapsRows_AndReportsTruncation()
    {
        await using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var period = ReportPeriod.Days(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 7), TimeZoneInfo.Utc);
        var check = TestEngine.SqlChecker.CheckAnalystSql("SELECT 1 AS one");
        Assert.True(check.Passed);
        var result = await AnalystSql.RunAsync(TestEngine.SqlChecker, connection, "SELECT $start AS s FROM (VALUES (1), (2), (3), (4), (5)) v(x);", period, JourneyFilter.None, rowCap: 3);
        Assert.True(result.Truncated);
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(["s"], result.Columns);
    }
}
