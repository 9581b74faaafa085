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

    [Fact]
    public void ATypicalReportQuery_Passes_WithTheFunctionsAnAnalystUses()
    {
        var check = TestEngine.SqlChecker.CheckAnalystSql("""
            WITH o AS (
                SELECT date_trunc('week', ordered_at) AS week, customer_id, revenue, status, channel
                FROM orders WHERE ordered_at >= $start AND ordered_at < $end
            ), weekly AS (
                SELECT week, count(*) AS orders, count(DISTINCT customer_id) AS buyers, sum(revenue) AS revenue,
                       round(avg(revenue), 2) AS aov, median(revenue) AS median_order, quantile_cont(revenue, 0.9) AS p90,
                       coalesce(sum(revenue) FILTER (WHERE status = 'returned'), 0) AS returned,
                       string_agg(DISTINCT channel, ', ' ORDER BY channel) AS channels, list(DISTINCT status) AS statuses
                FROM o GROUP BY ALL
            )
            SELECT week, strftime(week, '%Y-%m-%d') AS label, extract(year FROM week) AS year, upper(left(dayname(week), 3)) AS day,
                   week + INTERVAL 6 DAY AS week_end, orders, buyers, revenue, aov, median_order, p90, returned, channels,
                   CASE WHEN orders > 10 THEN 'busy' ELSE 'quiet' END AS load, CAST(orders AS DOUBLE) / nullif(buyers, 0) AS per_buyer,
                   row_number() OVER (ORDER BY week) AS n, lag(revenue) OVER (ORDER BY week) AS previous,
                   revenue / sum(revenue) OVER () AS share, greatest(orders, 1) AS at_least_one, regexp_replace(channels, ',', ';', 'g') AS c,
                   len(list_filter(statuses, s -> s LIKE 're%')) AS re, channels ILIKE '%web%' AS on_web, date_diff('day', week, now()) AS age,
                   coalesce(try_cast(buyers AS INTEGER), 0) AS b, abs(ln(greatest(revenue, 1))) AS l, datepart('week', week) AS iso_week
            FROM weekly ORDER BY week
            """);
        Assert.True(check.Passed, string.Join("; ", check.Problems));
    }

    [Theory]
    [InlineData("SELECT channel FROM events UNION SELECT channel FROM orders EXCEPT SELECT 'x'")]
    [InlineData("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 7) SELECT i, i::DECIMAL(6, 2) / 7 AS share FROM n")]
    [InlineData("SELECT * FROM (VALUES ('a', 1), ('b', 2)) v(label, n)")]
    [InlineData("SELECT DISTINCT ON (customer_id) customer_id, ordered_at FROM orders ORDER BY customer_id, ordered_at DESC LIMIT 10 OFFSET 5")]
    [InlineData("SELECT * EXCLUDE (anonymous_id) FROM events QUALIFY row_number() OVER (PARTITION BY session_id ORDER BY occurred_at) = 1")]
    [InlineData("SELECT COLUMNS('^(channel|device)$') FROM events USING SAMPLE 10%")]
    [InlineData("SELECT channel.upper() AS c, {'n': 1}.n AS n, [1, 2][1] AS first, unnest([1, 2]) AS u, list_transform([1, 2], x -> x * 2) AS twice FROM events")]
    [InlineData("SELECT region, segment, count(*) AS n FROM customers GROUP BY GROUPING SETS ((region), (segment), ())")]
    [InlineData("SELECT sum(revenue) OVER (ORDER BY ordered_at ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS rolling FROM orders")]
    [InlineData("SELECT * FROM (UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v)")]
    [InlineData("SELECT e.channel, c.persona FROM events e JOIN customers c USING (customer_id) WHERE e.customer_id IS NOT DISTINCT FROM c.customer_id AND c.persona IN ('x', 'y') AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id)")]
    [InlineData("SELECT current_date AS today, current_timestamp AS now, occurred_at::DATE AS day, occurred_at AT TIME ZONE 'Europe/London' AS local FROM events")]
    public void CommonShapesOfQuery_Pass(string sql)
    {
        var check = TestEngine.SqlChecker.CheckAnalystSql(sql);
        Assert.True(check.Passed, string.Join("; ", check.Problems));
    }

    [Fact]
    public void TheModelsScoreMacros_Pass()
    {
        var check = TestEngine.SqlChecker.CheckAnalystSql("SELECT stage, nps_score(nps) AS nps, csat_share(csat) AS csat FROM surveys GROUP BY stage");
        Assert.True(check.Passed, string.Join("; ", check.Problems));
    }

    [Theory]
    // Settings and the query text reveal server paths; the catalog functions list what exists beyond the model.
    [InlineData("SELECT current_setting('temp_directory') AS t", "function 'current_setting' is not allowed")]
    [InlineData("SELECT current_query() AS q", "function 'current_query' is not allowed")]
    [InlineData("SELECT pg_catalog.current_setting('home_directory') AS h", "function 'pg_catalog.current_setting' is not allowed")]
    [InlineData("SELECT system.main.abs(1) AS a", "function 'system.main.abs' is not allowed")]
    [InlineData("SELECT getvariable('x') AS v", "function 'getvariable' is not allowed")]
    [InlineData("SELECT version() AS v", "function 'version' is not allowed")]
    [InlineData("SELECT current_user AS u", "'current_user' is not allowed")]
    [InlineData("SELECT current_catalog AS c", "'current_catalog' is not allowed")]
    [InlineData("SELECT * FROM (SHOW ALL TABLES)", "SHOW, DESCRIBE and SUMMARIZE are not allowed")]
    [InlineData("SELECT * FROM (DESCRIBE events)", "SHOW, DESCRIBE and SUMMARIZE are not allowed")]
    [InlineData("SELECT * FROM (SUMMARIZE customers)", "SHOW, DESCRIBE and SUMMARIZE are not allowed")]
    // A function of an extension that is not loaded made DuckDB download it during validation.
    [InlineData("SELECT text(1.5, '0.0') AS t", "function 'text' is not allowed")]
    [InlineData("SELECT host('1.2.3.4') AS h", "function 'host' is not allowed")]
    // Side effects, waiting, and calls that make big values out of small text: checking binds the query, and binding
    // folds constants, so len(range(3000000000)) took 22 GB while a definition was merely being loaded.
    [InlineData("SELECT nextval('s') AS n", "function 'nextval' is not allowed")]
    [InlineData("SELECT sleep_ms(100000) AS s", "function 'sleep_ms' is not allowed")]
    [InlineData("SELECT length(repeat('x', 1000)) AS n", "function 'repeat' is not allowed")]
    [InlineData("SELECT len(range(1000)) AS n", "function 'range' is not allowed")]
    // Wherever the call hides: in a lambda, a window, a subquery, a CTE.
    [InlineData("SELECT list_transform([1], x -> current_setting('threads')) AS l", "function 'current_setting' is not allowed")]
    [InlineData("SELECT count(*) OVER (PARTITION BY current_query()) AS n FROM events", "function 'current_query' is not allowed")]
    [InlineData("WITH s AS (SELECT current_setting('temp_directory') AS t) SELECT * FROM s", "function 'current_setting' is not allowed")]
    public void SettingsIntrospectionAndExtensions_AreRejected(string sql, string problem)
    {
        var check = TestEngine.SqlChecker.CheckAnalystSql(sql);
        Assert.False(check.Passed);
        Assert.Contains(problem, string.Join("; ", check.Problems));
    }

    [Fact]
    public void EveryAllowedFunction_IsOneDuckDbKnows()
    {
        // The allow-list is written by hand: a typo in it would reject a good query, or let through a name DuckDB would
        // resolve in an extension.
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var known = Dapper.SqlMapper.Query<string>(connection, "SELECT DISTINCT function_name FROM duckdb_functions()").ToHashSet();
        var unknown = DuckDbProvider.AnalystFunctions.Where(f => !known.Contains(f)).ToList();
        Assert.True(unknown.Count == 0, "not DuckDB functions: " + string.Join(", ", unknown));
    }

    [Fact]
    public void TheCheckingDatabase_HasNoExternalAccess_NoExtensionDownloads_AndALockedConfiguration()
    {
        using var connection = DuckDbProvider.OpenCheckDatabase();
        var settings = Dapper.SqlMapper.QuerySingle<(bool External, bool Install, bool Load, bool Locked)>(connection,
            "SELECT current_setting('enable_external_access'), current_setting('autoinstall_known_extensions'), " +
            "current_setting('autoload_known_extensions'), current_setting('lock_configuration')");
        Assert.Equal((false, false, false, true), settings);
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
