using JourneyReports.Import;

namespace JourneyReports.Tests;

/// <summary>
/// The DirectQuery provider's rules that need no server: its definitions are validated against the T-SQL dialect's
/// folder, analyst SQL is refused by ScriptDom before anything is sent, and what it cannot do is said at start-up.
/// </summary>
public sealed class SqlServerProviderTests
{
    // Never connected to: every check here fails or passes before a connection would be opened.
    static readonly SqlServerProvider SqlServer = new("Server=warehouse.example.com;Database=sales;User ID=journeyreports_reader;Password=s3cret!");

    static IReadOnlyList<DefinitionError> Errors(string file, IWarehouseProvider dialect) =>
        DashboardDefinition.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "dashboards", file)), file, dialect).Errors;

    static string Board(params string[] metrics) => $$"""
        {
          "name": "mixed-board", "title": "Mixed", "version": 1,
          "parameters": { "period": "last-complete-week", "comparison": "none", "timeZone": "Europe/London", "filters": {} },
          "datasets": { {{string.Join(", ", metrics.Select(m => $"\"{m}\": {{ \"metric\": \"{m}\" }}"))}} },
          "visuals": [], "layout": { "rows": 4, "columns": 12 }
        }
        """;

    [Fact]
    public void ExecutiveWeekly_IsValidOnSqlServer_EveryFamilyItUsesIsPorted()
    {
        Assert.Empty(Errors("executive-weekly.json", SqlServer).Select(e => e.ToString()));
    }

    [Fact]
    public void EveryBuiltInDashboard_IsValidOnSqlServer()
    {
        var library = DashboardLibrary.Load(Path.Combine(RepoPaths.Root, "dashboards"), SqlServer);

        Assert.Empty(library.Errors.SelectMany(e => e.Value).Select(e => e.ToString()));
        Assert.Equal(8, library.Definitions.Count);
    }

    [Fact]
    public void ADefinitionUsingUnportedFamilies_HasAnErrorNamingEachFamilyAndItsMissingFiles()
    {
        // Every family is ported to sqlserver, so a dialect with no SQL at all stands in for one still being ported.
        var errors = DashboardDefinition.Parse(Board("funnel", "journey-map"), "mixed.json", new Dialect("no-such-dialect")).Errors.Select(e => e.Problem);

        Assert.Equal([
            "dataset 'funnel': metric 'funnel' is not yet available on the no-such-dialect warehouse (sql/warehouse/no-such-dialect/ lacks funnel.sql); see docs/directquery.md",
            "dataset 'journey-map': metric 'journey-map' is not yet available on the no-such-dialect warehouse " +
                "(sql/warehouse/no-such-dialect/ lacks funnel_detail.sql, touchpoints.sql, experience_by.sql, pain_points.sql); see docs/directquery.md",
        ], errors);
    }

    [Fact]
    public void EveryFamily_IsPortedToSqlServer()
    {
        Assert.All(MetricCatalog.Names, f => Assert.Empty(MetricCatalog.MissingSql(f, "sqlserver")));
    }

    [Fact]
    public void TheSameDefinition_OnDuckDb_HasNoSuchError()
    {
        Assert.Empty(DashboardDefinition.Parse(Board("funnel", "journey-map"), "mixed.json", TestEngine.SqlChecker).Errors);
    }

    [Fact]
    public void EveryFamily_NamesTheSqlFilesItReads_AndDuckDbHasThemAll()
    {
        Assert.Equal(MetricCatalog.Names.Order(), MetricCatalog.SqlFiles.Keys.Order());
        Assert.All(MetricCatalog.Names, f => Assert.Empty(MetricCatalog.MissingSql(f, "duckdb")));
    }

    [Fact]
    public void Location_NamesServerAndDatabaseOnly_NeverTheLoginOrPassword()
    {
        Assert.Equal("warehouse.example.com/sales", SqlServer.Location);
    }

    [Fact]
    public void TimeZones_ReachSqlServerByTheirWindowsNames()
    {
        Assert.Equal("GMT Standard Time", SqlServer.TimeZoneName("Europe/London"));
        Assert.Equal("UTC", SqlServer.TimeZoneName("UTC"));
        Assert.Equal("Europe/London", TestEngine.SqlChecker.TimeZoneName("Europe/London"));
    }

    [Theory]
    [InlineData("DROP TABLE journey.events", "only a single SELECT (or WITH ... SELECT) statement is allowed")]
    [InlineData("SELECT 1 AS a; SELECT 2 AS b", "exactly one SELECT statement is allowed, found 2")]
    [InlineData("SELECT * INTO journey.copy FROM journey.events", "SELECT ... INTO is not allowed: analyst SQL only reads")]
    [InlineData("SELECT * FROM dbo.Payroll", "table 'dbo.Payroll' is not part of the journey model")]
    [InlineData("SELECT * FROM otherdb.journey.events", "table 'otherdb.journey.events' is not part of the journey model")]
    [InlineData("SELECT * FROM OPENROWSET('SQLNCLI', 'Server=x;', 'SELECT 1')", "is not allowed in FROM")]
    [InlineData("SELECT SUSER_NAME() AS who", "function 'SUSER_NAME' is not allowed")]
    [InlineData("SELECT @@VERSION AS v", "'@@VERSION' is not allowed")]
    [InlineData("SELECT * FROM journey.events WHERE channel = @secret", "parameter '@secret' is unknown")]
    [InlineData("SELECT * FROM dbo.journey_funnel(1)", "table function 'dbo.journey_funnel' is not allowed")]
    [InlineData("SELECT FROM WHERE", "the SQL does not parse")]
    [InlineData("SELEC 1", "only a single SELECT")]   // T-SQL reads it as EXEC SELEC 1, a procedure call
    public void AnalystSql_IsRefusedByTheParser_BeforeAnythingReachesTheServer(string sql, string problem)
    {
        var check = SqlServer.CheckAnalystSql(sql);

        Assert.Contains(check.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnalystCommands_TimeOutOnTheServerJustAfterTheConfiguredLimit_AndRunTheCheckedStatementAsItIs()
    {
        var provider = (SqlServerProvider)WarehouseProviders.Create(new WarehouseOptions
        {
            Provider = "sqlserver", ConnectionString = "Server=db;Database=w", AnalystSql = new AnalystSqlOptions { TimeoutSeconds = 30 },
        }, p => p);
        await using var connection = new Microsoft.Data.SqlClient.SqlConnection("Server=db;Database=w");   // never opened

        await using var command = await provider.AnalystCommandAsync(connection, default);

        Assert.Equal(35, command.CommandTimeout);   // the caller's watchdog stops it at 30 s and says why; this is the backstop
        Assert.Equal("WITH x AS (SELECT 1 AS a) SELECT a FROM x", provider.Limited("WITH x AS (SELECT 1 AS a) SELECT a FROM x", 100));
    }

    [Fact]
    public async Task AScopedPersonsAnalystSql_IsRefusedOnSqlServer_SayingWhy()
    {
        await using var connection = new Microsoft.Data.SqlClient.SqlConnection("Server=db;Database=w");

        var e = await Assert.ThrowsAsync<NotSupportedException>(() => SqlServer.RestrictAsync(connection, new Dictionary<string, string> { ["region"] = "Wales" }, default));

        Assert.StartsWith("Analyst SQL of a person with a data scope cannot run on the SQL Server warehouse (DirectQuery)", e.Message);
    }

    [Fact]
    public void DemoDataCsvImportsAndImportSources_AreStartupErrors_WithSqlServer()
    {
        var options = new WarehouseOptions { Provider = "sqlserver" };

        Assert.Equal([
            "JourneyReports:Warehouse:ConnectionString is empty; Provider 'sqlserver' needs the connection string of the database holding the journey schema " +
                "(set JourneyReports__Warehouse__ConnectionString in the service's environment).",
            "JourneyReports:Warehouse:SeedDemoDataIfEmpty must be false with Provider 'sqlserver': demo data is never written into your SQL Server warehouse.",
            "JourneyReports:Sources (Import mode) refresh into the embedded DuckDB warehouse, but Provider 'sqlserver' reads SQL Server directly " +
                "(DirectQuery); remove the Sources or use Provider 'duckdb'.",
        ], WarehouseProviders.Problems(options, importSources: 1));
        Assert.Empty(WarehouseProviders.Problems(new WarehouseOptions { Provider = "sqlserver", ConnectionString = "Server=db;Database=w", SeedDemoDataIfEmpty = false }, 0));
    }

    [Fact]
    public void StartupValidation_NamesWhatSqlServerCannotDo()
    {
        var options = new JourneyReportsOptions { Warehouse = new WarehouseOptions { Provider = "sqlserver", ConnectionString = "Server=db;Database=w" } };

        Assert.Contains("JourneyReports:Warehouse:SeedDemoDataIfEmpty must be false with Provider 'sqlserver': demo data is never written into your SQL Server warehouse.",
            OptionsValidation.Validate(options));
    }

    [Fact]
    public void AMalformedConnectionString_IsAStartupError_ThatDoesNotRepeatIt()
    {
        var problem = Assert.Single(WarehouseProviders.Problems(
            new WarehouseOptions { Provider = "sqlserver", ConnectionString = "Server=db;Pasword=hunter2", SeedDemoDataIfEmpty = false }, 0));

        Assert.DoesNotContain("hunter2", problem);
        Assert.Contains("is not a valid SQL Server connection string", problem);
    }

    [Fact]
    public async Task ACsvImport_IntoTheSqlServerWarehouse_IsRefused_NamingWhy()
    {
        var warehouse = new JourneyWarehouse(SqlServer, new JourneyOptions());

        var e = await Assert.ThrowsAsync<NotSupportedException>(() => CsvImport.RunAsync(warehouse, "mapping.json", null, "rejects.csv", CancellationToken.None));

        Assert.Equal("A CSV import writes into the embedded DuckDB warehouse, but Warehouse:Provider is 'sqlserver' (warehouse.example.com/sales), " +
            "which JourneyReports only reads (DirectQuery). Use Provider 'duckdb' for that.", e.Message);
    }

    /// <summary>SQL Server's provider under another dialect's name: what the validator asks of a dialect is its name.</summary>
    sealed class Dialect(string name) : IWarehouseProvider
    {
        public string Name => name;
        public string Location => SqlServer.Location;
        public string DataVersion => "";
        public Task<System.Data.Common.DbConnection> ConnectAsync(CancellationToken ct) => throw new NotSupportedException();
        public IBulkWriter BulkWriter(System.Data.Common.DbConnection connection, string table) => throw new NotSupportedException();
        public AnalystSqlCheck CheckAnalystSql(string sql) => SqlServer.CheckAnalystSql(sql);
        public Task<System.Data.Common.DbCommand> AnalystCommandAsync(System.Data.Common.DbConnection connection, CancellationToken ct) => throw new NotSupportedException();
        public Task<IAsyncDisposable> RestrictAsync(System.Data.Common.DbConnection connection, IReadOnlyDictionary<string, string> restriction, CancellationToken ct) =>
            throw new NotSupportedException();
        public System.Data.Common.DbParameter Parameter(string name, object? value) => SqlServer.Parameter(name, value);
        public string TimeZoneName(string ianaId) => SqlServer.TimeZoneName(ianaId);
        public string Limited(string normalizedSql, int limit) => normalizedSql;
    }
}
