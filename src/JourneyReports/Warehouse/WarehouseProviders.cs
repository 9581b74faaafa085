namespace JourneyReports.Warehouse;

/// <summary>The warehouse providers there are, by their configuration name (Warehouse:Provider).</summary>
public static class WarehouseProviders
{
    public static readonly IReadOnlyList<string> Names = ["duckdb", "sqlserver"];

    /// <summary>The configured provider; <paramref name="resolvePath"/> turns a relative file name into a path under the data folder.</summary>
    public static IWarehouseProvider Create(WarehouseOptions options, Func<string, string> resolvePath) => options.Provider switch
    {
        "duckdb" => new DuckDbProvider(resolvePath(options.Path)),
        "sqlserver" => new SqlServerProvider(options.ConnectionString is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException(NoConnectionString), options.AnalystSql.TimeoutSeconds),
        var other => throw new InvalidOperationException(Problem(other)),
    };

    /// <summary>Null for a known provider, else what to write instead.</summary>
    public static string? Problem(string? name) => Names.Contains(name) ? null
        : $"JourneyReports:Warehouse:Provider '{name}' is not available; use {string.Join(" or ", Names.Select(n => $"'{n}'"))}";

    const string NoConnectionString = "JourneyReports:Warehouse:ConnectionString is empty; Provider 'sqlserver' needs the connection string " +
        "of the database holding the journey schema (set JourneyReports__Warehouse__ConnectionString in the service's environment)";

    /// <summary>
    /// What the configured provider cannot do with the rest of the configuration, one line each. SQL Server is only ever
    /// read (DirectQuery): demo data, CSV imports and Import-mode refreshes write into the embedded DuckDB warehouse.
    /// </summary>
    public static IEnumerable<string> Problems(WarehouseOptions options, int importSources)
    {
        if (options.Provider != "sqlserver") yield break;
        if (options.ConnectionString is not { Length: > 0 }) yield return NoConnectionString + ".";
        else if (ConnectionStringProblem(options.ConnectionString) is { } problem) yield return problem;
        if (options.SeedDemoDataIfEmpty)
            yield return "JourneyReports:Warehouse:SeedDemoDataIfEmpty must be false with Provider 'sqlserver': demo data is never written into your SQL Server warehouse.";
        if (importSources > 0)
            yield return "JourneyReports:Sources (Import mode) refresh into the embedded DuckDB warehouse, but Provider 'sqlserver' reads SQL Server directly " +
                "(DirectQuery); remove the Sources or use Provider 'duckdb'.";
    }

    // The driver's own message about a malformed string could quote it; this one names the problem only.
    static string? ConnectionStringProblem(string connectionString)
    {
        try { _ = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString); return null; }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return "JourneyReports:Warehouse:ConnectionString is not a valid SQL Server connection string (its text is not repeated here).";
        }
    }

    /// <summary>Refuses work that writes into the warehouse on a provider that is only read.</summary>
    public static void EnsureWritable(IWarehouseProvider provider, string what)
    {
        if (provider is not DuckDbProvider)
            throw new NotSupportedException($"{what} writes into the embedded DuckDB warehouse, but Warehouse:Provider is '{provider.Name}' " +
                $"({provider.Location}), which JourneyReports only reads (DirectQuery). Use Provider 'duckdb' for that.");
    }
}
