namespace JourneyReports.Tests;

/// <summary>
/// A demo warehouse generated once for a test class (generating is the slow part) and only read by its tests, each
/// of which may give the engine a data folder of its own (<see cref="Options"/>) over the same warehouse file.
/// </summary>
public abstract class DemoYear(DemoSpec spec) : IAsyncLifetime
{
    public static readonly DateOnly LastDay = new(2026, 11, 22);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "jr-tests", Guid.NewGuid().ToString("n"));
    public string WarehousePath => Path.Combine(Directory, "warehouse.duckdb");
    public JourneyWarehouse Warehouse { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Warehouse = new JourneyWarehouse(new DuckDbProvider(WarehousePath), new JourneyOptions());
        await DemoWarehouse.SeedAsync(Warehouse, spec, replace: false, null, default);
    }

    /// <summary>Options whose catalog, artifacts and outbox live in <paramref name="dataDirectory"/>, over this warehouse and the built-in dashboards.</summary>
    public JourneyReportsOptions Options(string dataDirectory) => new()
    {
        DataDirectory = dataDirectory,
        DashboardsDirectory = Path.Combine(RepoPaths.Root, "dashboards"),
        Warehouse = new WarehouseOptions { Path = WarehousePath },
    };

    /// <summary>The journey metrics on a connection of their own; dispose the connection after.</summary>
    public async Task<(JourneyMetrics Metrics, System.Data.Common.DbConnection Connection)> MetricsAsync()
    {
        var connection = await Warehouse.OpenAsync(default);
        return (new JourneyMetrics(Warehouse, connection), connection);
    }

    public Task DisposeAsync()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>One small demo year: scale 0.01 (1,000 customers), seed 11, to Sunday 22 Nov 2026.</summary>
public sealed class SmallDemoYear() : DemoYear(new DemoSpec(0.01, 11, LastDay));

/// <summary>The demo year the report-run tests were written against: scale 0.01, seed 7.</summary>
public sealed class ReportsDemoYear() : DemoYear(new DemoSpec(0.01, 7, LastDay));

/// <summary>A bigger demo year for tests of what the journey looks like: scale 0.02, seed 42.</summary>
public sealed class DemoYear42() : DemoYear(new DemoSpec(0.02, 42, LastDay));
