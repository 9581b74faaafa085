using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;

namespace JourneyReports.Warehouse;

/// <summary>
/// DirectQuery: the journey model read live from the company's SQL Server, through the journey schema's views and the
/// inline table-valued functions of sql/warehouse/sqlserver/journey_functions.sql (a DBA installs both; see
/// docs/directquery.md). JourneyReports only reads here: it never creates, seeds or imports into this database.
/// </summary>
/// <param name="analystTimeoutSeconds">How long the server lets one analyst query run (Warehouse:AnalystSql:TimeoutSeconds).</param>
public sealed partial class SqlServerProvider(string connectionString, int analystTimeoutSeconds = 60, TimeProvider? clock = null) : IWarehouseProvider
{
    readonly TimeProvider clock = clock ?? TimeProvider.System;

    public string Name => "sqlserver";

    /// <summary>Server and database only: the connection string may hold a password.</summary>
    public string Location { get; } = LocationOf(connectionString);

    static string LocationOf(string connectionString)
    {
        var b = new SqlConnectionStringBuilder(connectionString);
        return $"{b.DataSource}/{(b.InitialCatalog is { Length: > 0 } db ? db : "(default database)")}";
    }

    public async Task<DbConnection> ConnectAsync(CancellationToken ct)
    {
        var connection = new SqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (SqlException e)
        {
            await connection.DisposeAsync();
            // The driver's message names the server but never the password; the connection string itself is not repeated.
            throw new InvalidOperationException($"Could not connect to the SQL Server warehouse {Location}: {e.Message}", e);
        }
    }

    public DbParameter Parameter(string name, object? value) => new SqlParameter("@" + name, value ?? DBNull.Value);

    /// <summary>SQL Server knows Windows zone names only (AT TIME ZONE 'GMT Standard Time'), so an IANA id is translated.</summary>
    public string TimeZoneName(string ianaId) =>
        ianaId is "UTC" or "Etc/UTC" ? "UTC"
        : TimeZoneInfo.TryConvertIanaIdToWindowsId(ianaId, out var windows) ? windows
        : throw new ArgumentException($"Time zone '{ianaId}' has no Windows name, which SQL Server's AT TIME ZONE needs; use another IANA id of the same zone.");

    /// <summary>
    /// Narrowing analyst SQL to a data scope is refused: DuckDB shadows the model's tables with per-connection views,
    /// but SQL Server resolves journey.events to the one shared view for every session, and the only sound way to
    /// narrow it per person is row-level security set up by the DBA on the journey views (a security predicate on
    /// SESSION_CONTEXT). Until that exists, a scoped person's analyst SQL fails here rather than read every row.
    /// </summary>
    public Task<IAsyncDisposable> RestrictAsync(DbConnection connection, IReadOnlyDictionary<string, string> restriction, CancellationToken ct) =>
        throw new NotSupportedException("Analyst SQL of a person with a data scope cannot run on the SQL Server warehouse (DirectQuery): " +
            "SQL Server cannot narrow the journey views for one connection the way the DuckDB warehouse does. Remove the SQL dataset " +
            "from definitions scoped people open, or use Warehouse:Provider duckdb (Import mode). See docs/directquery.md.");

    public Task<DbCommand> AnalystCommandAsync(DbConnection connection, CancellationToken ct) =>
        // The login is read-only on the journey schema (docs/directquery.md) and the text was checked to be one SELECT,
        // so nothing needs locking down here. The caller's watchdog stops the query at the configured limit and says
        // why; the command's own timeout, a few seconds later, is the driver's backstop should that cancel be lost.
        Task.FromResult<DbCommand>(new SqlCommand { Connection = (SqlConnection)connection, CommandTimeout = analystTimeoutSeconds + TimeoutMarginSeconds });

    const int TimeoutMarginSeconds = 5;

    /// <summary>SQL Server cannot nest a WITH query in FROM, so the checked statement runs as it is; the reader stops at the row cap.</summary>
    public string Limited(string normalizedSql, int limit) => normalizedSql;

    // A live warehouse changes all the time; its version is asked of the server (journey.data_version, which a DBA may
    // point at a model_version row of their loads) at most once per VersionLifetime, so caching results still helps.
    static readonly TimeSpan VersionLifetime = TimeSpan.FromSeconds(60);
    // A reference, swapped whole, so concurrent readers never see half of one (two may both ask the server; harmless).
    sealed record Version(string Value, DateTimeOffset At);
    Version? version;

    public string DataVersion
    {
        get
        {
            var now = clock.GetUtcNow();
            if (version is { } v && now - v.At < VersionLifetime) return v.Value;
            using var connection = new SqlConnection(connectionString);
            var current = connection.QuerySingle<string>(SqlScripts.Load("warehouse/sqlserver/data_version.sql"));
            version = new Version(current, now);
            return current;
        }
    }
}
