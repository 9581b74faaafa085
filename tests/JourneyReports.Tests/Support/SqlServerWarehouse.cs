using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.SqlClient;

namespace JourneyReports.Tests;

/// <summary>
/// A scratch SQL Server database set up as a DBA sets up DirectQuery (the journey schema, the model, the journey
/// functions), holding the rows of a DuckDB test fixture: the same INSERTs are run into a <see cref="TempWarehouse"/>
/// and its tables copied across with the provider's bulk writer, so both dialects are asserted on one hand-checked
/// fixture. Only usable when <see cref="SqlServerFactAttribute.ConnectionString"/> names a server.
/// </summary>
public sealed partial class SqlServerWarehouse : IAsyncDisposable
{
    static readonly string[] Tables = ["customers", "products", "events", "identities", "orders", "order_lines", "support_tickets", "surveys"];

    readonly string server;
    readonly string database = $"jr_dq_{Guid.NewGuid():n}";
    public JourneyWarehouse Warehouse { get; private set; } = null!;
    public DbConnection Connection { get; private set; } = null!;
    public JourneyMetrics Metrics => new(Warehouse, Connection);

    SqlServerWarehouse(string server) => this.server = server;

    /// <summary>A database holding <paramref name="duckDbFixtureSql"/>'s rows (DuckDB INSERT statements), read with <paramref name="journey"/>'s stage map.</summary>
    public static Task<SqlServerWarehouse> SeededAsync(string duckDbFixtureSql, JourneyOptions? journey = null) =>
        CreateAsync(["sqlserver/journey_schema.sql", "sqlserver/example/journey_tables.sql", "warehouse/sqlserver/journey_functions.sql"],
            (provider, connectionString) => CopyAsync(duckDbFixtureSql, provider, connectionString), journey);

    /// <summary>
    /// A database as the README sets one up on a star schema: the example star schema holding <paramref name="starSql"/>
    /// (T-SQL INSERTs), the journey views over it, the journey functions and the columnstore indexes, each script run
    /// twice (they must be idempotent).
    /// </summary>
    public static Task<SqlServerWarehouse> StarSchemaAsync(string starSql)
    {
        var views = Directory.GetFiles(Path.Combine(RepoPaths.Root, "sql", "sqlserver", "journey_views")).Order().Select(f => "sqlserver/journey_views/" + Path.GetFileName(f));
        string[] again = ["warehouse/sqlserver/journey_functions.sql", "sqlserver/directquery_indexes.sql"];
        return CreateAsync(["sqlserver/example/star_schema.sql", "sqlserver/journey_schema.sql", .. views, .. again, .. again],
            async (_, connectionString) => { await using var c = new SqlConnection(connectionString); await c.ExecuteAsync(starSql); }, null);
    }

    static async Task<SqlServerWarehouse> CreateAsync(IEnumerable<string> scripts, Func<SqlServerProvider, string, Task> load, JourneyOptions? journey)
    {
        var w = new SqlServerWarehouse(SqlServerFactAttribute.ConnectionString
            ?? throw new InvalidOperationException($"{SqlServerFactAttribute.Variable} is not set"));
        await using (var master = new SqlConnection(w.server))
            await master.ExecuteAsync($"CREATE DATABASE [{w.database}]");
        var connectionString = new SqlConnectionStringBuilder(w.server) { InitialCatalog = w.database }.ConnectionString;
        await using (var setup = new SqlConnection(connectionString))
        {
            foreach (var script in scripts)
                foreach (var batch in GoLine().Split(File.ReadAllText(Path.Combine(RepoPaths.Root, "sql", script))).Where(b => b.Trim().Length > 0))
                    await setup.ExecuteAsync(batch);
        }
        var provider = new SqlServerProvider(connectionString);
        await load(provider, connectionString);
        w.Warehouse = new JourneyWarehouse(provider, journey ?? new JourneyOptions());
        w.Connection = await w.Warehouse.OpenAsync(CancellationToken.None);
        return w;
    }

    static async Task CopyAsync(string duckDbFixtureSql, SqlServerProvider provider, string connectionString)
    {
        await using var duck = await TempWarehouse.SeededAsync(duckDbFixtureSql);
        await using var target = new SqlConnection(connectionString);
        await target.OpenAsync();
        foreach (var table in Tables)
        {
            await using var reader = await duck.Connection.ExecuteReaderAsync($"SELECT * FROM {table}");
            using var writer = provider.BulkWriter(target, $"journey.{table}");
            while (await reader.ReadAsync())
            {
                var row = writer.Row();
                for (var i = 0; i < reader.FieldCount; i++)
                    _ = reader.IsDBNull(i) ? row.Add((string?)null) : reader.GetValue(i) switch
                    {
                        long v => row.Add(v),
                        int v => row.Add(v),
                        decimal v => row.Add(v),
                        bool v => row.Add(v),
                        DateTime v => row.Add(v),
                        var v => row.Add(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)),
                    };
                row.End();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Connection is not null) await Connection.DisposeAsync();
        SqlConnection.ClearAllPools();
        await using var master = new SqlConnection(server);
        await master.ExecuteAsync($"ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}]");
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
