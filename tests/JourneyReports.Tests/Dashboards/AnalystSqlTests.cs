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
    [InlineData("SELECT getenv('HOME') AS h", "function 'getenv' is not allowed")]
    [InlineData("SELECT * FROM duckdb_tables()", "table function 'duckdb_tables' is not allowed")]
    [InlineData("SELECT * FROM pragma_table_info('events')", "table function 'pragma_table_info' is not allowed")]
    [InlineData("SELECT * FROM read_text('/etc/passwd')", "table function 'read_text' is not allowed")]
    [InlineData("SELECT * FROM events WHERE channel IN (SELECT name FROM duckdb_settings())", "table function 'duckdb_settings' is not allowed")]
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

public sealed class AnalystSqlRunTests : IAsyncLifetime
{
    static readonly ReportPeriod Period = ReportPeriod.Days(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 7), TimeZoneInfo.Utc);

    // Four cross joins of 3,000 numbers: 8.1e13 rows, hours of both cores, from tables that are tiny.
    const string Runaway = "WITH RECURSIVE r(i) AS (SELECT 1::BIGINT UNION ALL SELECT i + 1 FROM r WHERE i < 3000) " +
        "SELECT sum(a.i * b.i * c.i * d.i) AS n FROM r a, r b, r c, r d";

    readonly DuckDB.NET.Data.DuckDBConnection connection = new("Data Source=:memory:");

    public Task InitializeAsync() => connection.OpenAsync();

    public async Task DisposeAsync() => await connection.DisposeAsync();

    /// <summary>How long the last <see cref="Run"/> took and when it ended, measured where it ran (a busy thread pool cannot delay it).</summary>
    TimeSpan took;
    long ended;

    Task<AnalystResult> Run(string sql, AnalystSqlOptions limits, CancellationToken ct = default) =>
        // On a thread of its own: a provider that runs "async" calls synchronously must not block the test's brake.
        Task.Run(async () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try { return await AnalystSql.RunAsync(TestEngine.SqlChecker, connection, sql, Period, JourneyFilter.None, limits, ct); }
            finally { took = clock.Elapsed; ended = System.Diagnostics.Stopwatch.GetTimestamp(); }
        });

    /// <summary>
    /// Waits for <paramref name="run"/>, but never for a query left running: past <paramref name="limit"/> the test
    /// interrupts the connection itself (and keeps at it until the query ends), then fails. No core stays busy after.
    /// </summary>
    async Task Within(Task run, TimeSpan limit)
    {
        if (await Task.WhenAny(run, Task.Delay(limit)) != run)
        {
            using var brake = new DuckDB.NET.Data.DuckDBCommand { Connection = connection };
            while (!run.IsCompleted) { brake.Cancel(); await Task.Delay(100); }
            Assert.Fail($"the query was still running after {limit.TotalSeconds:0} s");
        }
    }

    [Fact]
    public async Task Run_CapsRows_AndReportsTruncation()
    {
        var check = TestEngine.SqlChecker.CheckAnalystSql("SELECT 1 AS one");
        Assert.True(check.Passed);
        var result = await AnalystSql.RunAsync(TestEngine.SqlChecker, connection, "SELECT $start AS s FROM (VALUES (1), (2), (3), (4), (5)) v(x);", Period, JourneyFilter.None, new AnalystSqlOptions { MaxRows = 3 });
        Assert.True(result.Truncated);
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(["s"], result.Columns);
    }

    [Fact]
    public async Task ARunawayQuery_StopsWithinItsTimeoutPlusTwoSeconds_WithAClearError_AndLeavesTheConnectionFree()
    {
        var run = Run(Runaway, new AnalystSqlOptions { TimeoutSeconds = 1 });

        await Within(run, TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAsync<TimeoutException>(() => run);
        Assert.Equal("the query ran for more than the 1 s allowed and was stopped", e.Message);
        Assert.InRange(took, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1 + 2));
        Assert.Equal(42, await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT 42")); // nothing is still running on it
    }

    [Fact]
    public async Task ARunawayQuery_StopsWhenItsCallerGivesUp_AsACancellation()
    {
        using var caller = new CancellationTokenSource();
        var run = Run(Runaway, new AnalystSqlOptions { TimeoutSeconds = 600 }, caller.Token);
        // The caller gives up from a thread of its own: a CancelAfter timer needs the thread pool, which a busy test run starves.
        long cancelled = 0;
        var giveUp = new Thread(() => { Thread.Sleep(500); cancelled = System.Diagnostics.Stopwatch.GetTimestamp(); caller.Cancel(); });
        giveUp.Start();

        await Within(run, TimeSpan.FromSeconds(30));
        giveUp.Join();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.InRange(System.Diagnostics.Stopwatch.GetElapsedTime(cancelled, ended), TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(42, await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT 42"));
    }

    [Fact]
    public async Task AnOversizedResult_IsRefused_NamingItsSizeAndTheCap()
    {
        // 20,000 rows of 96 characters of text and a number: about 2 MB against a cap of 1 MB.
        const string wide = "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 20000) " +
            "SELECT i, md5(i::VARCHAR) || md5((i + 1)::VARCHAR) || md5((i + 2)::VARCHAR) AS s FROM r";
        var run = Run(wide, new AnalystSqlOptions { MaxResultMegabytes = 1 });

        await Within(run, TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Matches(@"^the result is larger than the 1 MB allowed: 1\.0 MB in its first 1\d,\d{3} rows, and more to come; " +
            "return fewer rows or shorter values$", e.Message);
    }

    [Fact]
    public async Task AResultUnderTheCap_ComesBackWhole()
    {
        var result = await Run("SELECT md5(i::VARCHAR) AS s FROM (VALUES (1), (2), (3)) v(i)", new AnalystSqlOptions { MaxResultMegabytes = 1 });

        Assert.Equal(3, result.Rows.Count);
        Assert.False(result.Truncated);
    }
}

/// <summary>A limit reached in a dashboard is that dataset's error, drawn in its cell; the run itself goes on.</summary>
public sealed class AnalystSqlLimitsInADashboardTests
{
    [Fact]
    public async Task ARunawayDataset_IsStopped_AndBecomesThatDatasetsError_WhileTheOthersLoad()
    {
        await using var w = await TempWarehouse.OpenAsync();
        var folder = Path.Combine(w.Directory, "boards");
        Directory.CreateDirectory(folder);
        // 8e9 rows: many seconds, yet bounded, for the run's connection is out of this test's reach should the limit fail.
        File.WriteAllText(Path.Combine(folder, "runaway.sql"), "WITH RECURSIVE r(i) AS (SELECT 1::BIGINT UNION ALL SELECT i + 1 FROM r WHERE i < 2000) " +
            "SELECT sum(a.i * b.i * c.i) AS n, 'x' AS label FROM r a, r b, r c");
        File.WriteAllText(Path.Combine(folder, "small.sql"), "SELECT 'x' AS label, 1 AS n");
        var parsed = DashboardDefinition.Parse("""
            { "name": "limits", "title": "Limits", "version": 1,
              "datasets": { "runaway": { "sql": "runaway.sql" }, "small": { "sql": "small.sql" } },
              "visuals": [
                { "id": "a", "type": "table", "dataset": "runaway", "position": { "row": 1, "col": 1, "width": 6, "height": 3 } },
                { "id": "b", "type": "table", "dataset": "small", "position": { "row": 1, "col": 7, "width": 6, "height": 3 } } ],
              "layout": { "rows": 3, "columns": 12 } }
            """, Path.Combine(folder, "limits.json"), TestEngine.SqlChecker);
        Assert.Empty(parsed.Errors);
        var warehouse = new JourneyWarehouse(w.Warehouse.Provider, new JourneyOptions(), new AnalystSqlOptions { TimeoutSeconds = 1 });

        var result = await Task.Run(() => DashboardComposer.RunAsync(parsed.Definition!, warehouse, TimeProvider.System, default));

        Assert.Equal("the query ran for more than the 1 s allowed and was stopped", result.Datasets["runaway"].Error);
        Assert.Null(result.Datasets["small"].Error);
        Assert.Single(result.Datasets["small"].Rows);
    }
}

public sealed class AnalystSqlOptionsTests
{
    [Fact]
    public void TheLimits_AreConfigurationValidatedAtStartUp_EachProblemNamed()
    {
        var options = new JourneyReportsOptions();
        options.Warehouse.AnalystSql = new AnalystSqlOptions { TimeoutSeconds = 0, MaxRows = 0, MaxResultMegabytes = 100_000 };

        var errors = OptionsValidation.Validate(options);

        Assert.Equal([
            "JourneyReports:Warehouse:AnalystSql:TimeoutSeconds must be 1 to 3600 (was 0).",
            "JourneyReports:Warehouse:AnalystSql:MaxRows must be 1 to 10000000 (was 0).",
            "JourneyReports:Warehouse:AnalystSql:MaxResultMegabytes must be 1 to 4096 (was 100000).",
        ], errors);
        Assert.Empty(OptionsValidation.Validate(new JourneyReportsOptions()));
    }
}
