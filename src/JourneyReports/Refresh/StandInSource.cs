using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace JourneyReports.Refresh;

/// <summary>
/// A SQLite file standing in for a company's SQL Server: one table per journey view (sql/standin/sqlite/schema.sql) and,
/// per query of a SQL Server mapping, its SQLite twin (sql/standin/sqlite/queries/&lt;name&gt;.sql: the same text but
/// for the table's name and T-SQL's OPTION (RECOMPILE)). A refresh reads it through the same ADO.NET path as SQL
/// Server, so the tests and the benchmark exercise the real refresh where no SQL Server runs.
/// </summary>
public static class StandInSource
{
    /// <summary>How the stand-in keeps a date-time: text that sorts as time does, in the form the refresh stages SQL Server's.</summary>
    public static string Timestamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>Not pooled: the file is closed when a refresh is done with it, so a test may change or delete it.</summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    /// <summary>Creates the stand-in's tables (empty) in <paramref name="path"/>; returns an open connection to it.</summary>
    public static async Task<SqliteConnection> CreateAsync(string path, CancellationToken ct)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        await connection.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SqlScripts.Load("standin/sqlite/schema.sql"), cancellationToken: ct));
        return connection;
    }

    /// <summary>The same mapping read from the stand-in: SQLite, each query its twin; fields, keys, watermarks and look-back unchanged.</summary>
    public static RefreshMapping Mapping(RefreshMapping sqlServer) => sqlServer with
    {
        Dialect = "sqlite",
        Queries = [.. sqlServer.Queries.Select(q => q with { Sql = Twin(q.Name) })],
    };

    /// <summary>The SQLite twin of the SQL Server mapping's query named <paramref name="query"/>.</summary>
    public static string Twin(string query) => SqlScripts.Load($"standin/sqlite/queries/{query}.sql");

    /// <summary>
    /// Adds generated events <paramref name="first"/>..<paramref name="last"/>, one every <paramref name="step"/> from
    /// <paramref name="start"/> (UTC), each modified when it occurred; in one transaction (SQLite writes fast that way).
    /// </summary>
    public static async Task GenerateEventsAsync(SqliteConnection connection, long first, long last, DateTime start, TimeSpan step, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SqlScripts.Load("standin/sqlite/generate_events.sql"), new
        {
            first, last, start = new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)).ToUnixTimeSeconds(), step = step.TotalSeconds,
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }
}
