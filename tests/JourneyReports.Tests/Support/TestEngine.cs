using Microsoft.Extensions.DependencyInjection;

namespace JourneyReports.Tests;

/// <summary>The engine's services as the server builds them (<see cref="EngineServices"/>), over a test's own options.</summary>
public static class TestEngine
{
    /// <summary>DuckDB's parser, for checking definitions' analyst SQL: checking opens no warehouse file.</summary>
    public static readonly DuckDbProvider SqlChecker = new(Path.Combine(Path.GetTempPath(), "jr-tests", "never-opened.duckdb"));

    /// <summary>A warehouse over <see cref="SqlChecker"/>'s engine, for tests that generate into a connection of their own (in memory).</summary>
    public static readonly JourneyWarehouse DuckDb = new(SqlChecker, new JourneyOptions());

    /// <summary>Every engine service over <paramref name="options"/>; with <paramref name="clock"/> standing in for the time.</summary>
    public static ServiceProvider Services(JourneyReportsOptions options, TimeProvider? clock = null)
    {
        var services = new ServiceCollection().AddSingleton(options).AddLogging().AddJourneyReportsEngine();
        if (clock is not null) services.AddSingleton(clock);
        return services.BuildServiceProvider();
    }

    public static JourneyWarehouse Warehouse(JourneyReportsOptions options) => Services(options).GetRequiredService<JourneyWarehouse>();
    public static ReportCatalog Catalog(JourneyReportsOptions options) => Services(options).GetRequiredService<ReportCatalog>();
}
