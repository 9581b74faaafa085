using System.Data.Common;
using JourneyReports.Journeys;

namespace JourneyReports.Warehouse;

/// <summary>
/// What differs from one warehouse engine to another: connecting (and telling a busy warehouse from a broken one),
/// streaming rows into a table, checking analyst SQL and preparing a connection to run it, and the folder of its SQL under sql/warehouse. DuckDB is the first
/// provider; another engine is one more class like <see cref="DuckDbProvider"/> and a folder of SQL.
/// </summary>
public interface IWarehouseProvider
{
    /// <summary>The provider's name in configuration (Warehouse:Provider), and its SQL folder: sql/warehouse/{Name}.</summary>
    string Name { get; }

    /// <summary>Where the warehouse is (a file, a server and database), for messages; never holds a password.</summary>
    string Location { get; }

    /// <summary>Changes whenever the warehouse's data may have changed (an import, a seed): what a cache of results is keyed by.</summary>
    string DataVersion { get; }

    /// <summary>An open connection; <see cref="WarehouseBusyException"/> when another process holds the warehouse.</summary>
    Task<DbConnection> ConnectAsync(CancellationToken ct);

    /// <summary>Streams rows into <paramref name="table"/> on <paramref name="connection"/>, in the table's column order.</summary>
    IBulkWriter BulkWriter(DbConnection connection, string table);

    /// <summary>Parses an analyst query and checks that it is one SELECT reading only the journey model (see <see cref="AnalystSql"/>).</summary>
    AnalystSqlCheck CheckAnalystSql(string sql);

    /// <summary>
    /// A command on <paramref name="connection"/> fit to run analyst SQL: first the connection is locked down (no files,
    /// no network, no extensions, no configuration changes; for DuckDB this holds for the whole open database until its
    /// last connection closes), then the command streams its rows, so the caller can count them as they come and stop,
    /// and <see cref="DbCommand.Cancel"/> stops it while it runs.
    /// </summary>
    Task<DbCommand> AnalystCommandAsync(DbConnection connection, CancellationToken ct);

    /// <summary>
    /// Narrows the journey model's tables, for this connection until the result is disposed, to the rows
    /// <paramref name="restriction"/> allows (report filter name → the one value allowed): analyst SQL run meanwhile (and
    /// the journey macros it calls) reads nothing else, whatever it names. A person's data scope, applied to SQL they did
    /// not write.
    /// </summary>
    Task<IAsyncDisposable> RestrictAsync(DbConnection connection, IReadOnlyDictionary<string, string> restriction, CancellationToken ct);

    /// <summary>A named parameter of this engine's commands.</summary>
    DbParameter Parameter(string name, object? value);

    /// <summary>The name this engine knows an IANA time zone by (the metric SQL's tz parameter).</summary>
    string TimeZoneName(string ianaId);

    /// <summary>The text that runs a checked analyst query (<see cref="AnalystSqlCheck.NormalizedSql"/>) returning at most <paramref name="limit"/> rows.</summary>
    string Limited(string normalizedSql, int limit);
}

/// <summary>One table's rows streamed in: <see cref="Row"/>, one Add per column in order, then <see cref="IBulkRow.End"/>.</summary>
public interface IBulkWriter : IDisposable
{
    IBulkRow Row();
}

public interface IBulkRow
{
    IBulkRow Add(long? value);
    IBulkRow Add(int? value);
    IBulkRow Add(decimal? value);
    IBulkRow Add(bool? value);
    IBulkRow Add(DateTime? value);
    IBulkRow Add(string? value);
    void End();
}
