using Hangfire;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using JourneyReports.Catalog;
using JourneyReports.Dashboards;
using JourneyReports.Scheduling;
using JourneyReports.Warehouse;
using Serilog.Events;
using Serilog;

namespace JourneyReports.Server;

/// <summary>Start-up steps of the server (and the CLI), kept out of Program.cs so it reads as a table of contents.</summary>
public static class ServerSetup
{
    public const string LogTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>Binds and validates the JourneyReports section (and that the data directory takes files); every problem is reported at once.</summary>
    public static JourneyReportsOptions LoadOptions(IConfiguration configuration, string baseDirectory)
    {
        var options = configuration.GetSection(JourneyReportsOptions.Section).Get<JourneyReportsOptions>() ?? new JourneyReportsOptions();
        if (!Path.IsPathRooted(options.DataDirectory))
            options.DataDirectory = Path.GetFullPath(Path.Combine(baseDirectory, options.DataDirectory));
        if (!Path.IsPathRooted(options.DashboardsDirectory))
            options.DashboardsDirectory = Path.GetFullPath(Path.Combine(baseDirectory, options.DashboardsDirectory));
        foreach (var source in options.Sources.Values.Where(s => s.Mapping.Length > 0 && !Path.IsPathRooted(s.Mapping)))
            source.Mapping = Path.GetFullPath(Path.Combine(baseDirectory, source.Mapping));
        var errors = OptionsValidation.Validate(options).ToList();
        if (ConfigurationProblems.DataDirectoryProblem(options.DataDirectory) is { } dataDirectory)
            errors.Insert(0, dataDirectory);
        if (errors.Count > 0)
            throw new ConfigurationProblemsException(errors);
        return options;
    }

    public static void ConfigureLogging(LoggerConfiguration log, IConfiguration configuration) => log
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
        .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
        // The assemblies named, not found by scanning every dependency of the application (40 ms of a verb's start).
        .ReadFrom.Configuration(configuration, new Serilog.Settings.Configuration.ConfigurationReaderOptions(
            typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly))
        .Enrich.FromLogContext()
        .WriteTo.Console(outputTemplate: LogTemplate);

    /// <summary>
    /// The repository root's appsettings.json: "dotnet run --project src/JourneyReports.Server" runs in the root, but
    /// the content root is the project folder. Environment variables and arguments are added again so they still win.
    /// </summary>
    public static void AddRootConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        var root = Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        if (Path.GetFullPath(root) != Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
            builder.Configuration.AddJsonFile(root, optional: true).AddEnvironmentVariables().AddCommandLine(args);
    }

    // Options are read when first resolved (after Build), so a test host's configuration overrides are seen.
    public static IServiceCollection AddJourneyReports(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadOptions(sp.GetRequiredService<IConfiguration>(), Directory.GetCurrentDirectory()));
        services.AddJourneyReportsEngine();
        services.AddSingleton(sp => new DashboardResultCache(sp.GetRequiredService<JourneyReportsOptions>().Dashboards.CacheEntries));
        services.AddSingleton<DashboardRuns>();
        services.AddDashboardsAndDefinitions();
        services.AddSingleton<SubscriptionSchedule>();
        services.AddSingleton<RefreshSchedule>();
        return services;
    }

    /// <summary>
    /// ReportCatalog migrations, then demo data on first start, then a first run so the home page has a dashboard to show.
    /// A warehouse held by another process (a CLI verb) does not stop the server: it says so and serves what it has.
    /// </summary>
    public static async Task PrepareDataAsync(WebApplication app, JourneyReportsOptions options, InstanceOptions instance)
    {
        var log = app.Logger;
        var catalog = app.Services.GetRequiredService<ReportCatalog>();
        await catalog.MigrateAsync(CancellationToken.None);
        log.LogInformation("Data directory {DataDirectory}; catalog: {Catalog}; role {Role}", options.DataDirectory, catalog.Database.Description, instance.Role);
        if (options.Warehouse.SeedDemoDataIfEmpty)
        {
            try
            {
                var spec = new DemoSpec(options.Warehouse.DemoScale, options.Warehouse.DemoSeed, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
                var seeded = await DemoWarehouse.SeedIfEmptyAsync(app.Services.GetRequiredService<JourneyWarehouse>(), spec,
                    line => log.LogInformation("{Progress}", line), CancellationToken.None);
                if (seeded is not null)
                    log.LogInformation("Demo warehouse generated at scale {Scale}: {Customers} customers, {Events} events, {Orders} orders in {Seconds:0.0} s",
                        spec.Scale, seeded.Customers, seeded.Events, seeded.Orders, seeded.Elapsed.TotalSeconds);
            }
            catch (WarehouseBusyException e)
            {
                log.LogWarning("{Problem}", e.Message);
            }
        }
        // Only an instance that runs jobs resumes runs and follows the schedules: a web instance starting beside a
        // worker must not mark the worker's runs interrupted. A named one refreshes its own warehouse copy, whatever its role.
        if (instance.Queues().Length > 0)
            app.Services.GetRequiredService<RefreshSchedule>().Sync();
        if (!instance.RunsJobs) return;
        var schedule = app.Services.GetRequiredService<SubscriptionSchedule>();
        await schedule.ResumeInterruptedAsync(CancellationToken.None);
        await schedule.SeedFromSettingsAsync(CancellationToken.None);
        await schedule.SyncAsync(CancellationToken.None);
        // Only the demo's executive report is run at once: the home page shows it. Other subscriptions wait for their time,
        // so a new monthly one does not email its recipients the moment the server starts.
        // Any run counts: an interrupted first run is resumed above for its own fire, not run a second time for another.
        // Instances starting together on one catalog both find no run yet: the fact recorded once decides which queues it.
        if (await catalog.LatestRunAsync(FirstRunReport, CancellationToken.None) is null
            && (await catalog.SubscriptionsAsync(CancellationToken.None)).FirstOrDefault(s => s.Report == FirstRunReport && s.Enabled) is { } first
            && await catalog.RecordFactOnceAsync($"first-run:{first.Id}", first.Name, DateTimeOffset.UtcNow, CancellationToken.None))
        {
            schedule.RunNow(first);
            log.LogInformation("No run of {Report} yet: subscription {Subscription} runs once now", FirstRunReport, first.Name);
        }
    }

    /// <summary><see cref="PrepareDataAsync"/>, or false (said in the log) when the catalog or the job storage cannot be used.</summary>
    public static async Task<bool> TryPrepareDataAsync(WebApplication app, JourneyReportsOptions options, InstanceOptions instance)
    {
        try
        {
            _ = app.Services.GetRequiredService<JobStorage>();   // Hangfire on SQL Server connects and installs its schema here
            await PrepareDataAsync(app, options, instance);
            return true;
        }
        catch (System.Data.Common.DbException e)
        {
            app.Logger.LogCritical("The server does not start: the catalog ({Catalog}) or Hangfire's job storage ({JobStorage}) cannot be used: {Problem}",
                app.Services.GetRequiredService<ReportCatalog>().Database.Description, options.Catalog.JobStorage, e.Message);
            return false;
        }
    }

    /// <summary>The report a fresh start runs at once (when a subscription names it), so the home page has a dashboard to show.</summary>
    public const string FirstRunReport = "executive-weekly";

    /// <summary>
    /// Hangfire's job storage: a SQLite file beside the catalog by default (several instances of one machine may share
    /// it), or a SQL Server schema of its own (several machines), so a restart neither loses a schedule nor repeats a
    /// finished run. Registered as this host's own service: Hangfire's global JobStorage.Current is one per process,
    /// and two hosts in one process (the tests') must not queue jobs into each other's storage.
    /// </summary>
    public static IServiceCollection AddJobStorage(this IServiceCollection services) => services.AddSingleton<JobStorage>(sp =>
    {
        var options = sp.GetRequiredService<JourneyReportsOptions>();
        var catalog = options.Catalog;
        if (catalog.JobStorage == CatalogDatabase.SqlServer)
        {
            var connectionString = catalog.JobStorageConnectionString ?? catalog.ConnectionString!;
            // Hangfire creates and upgrades its own schema (PrepareSchemaIfNecessary): its login owns that schema.
            return new SqlServerStorage(() => new Microsoft.Data.SqlClient.SqlConnection(connectionString),
                new SqlServerStorageOptions { SchemaName = catalog.JobStorageSchema, PrepareSchemaIfNecessary = true });
        }
        var path = options.ResolvePath(catalog.JobStoragePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SQLiteStorage(path, new SQLiteStorageOptions());
    });
}
