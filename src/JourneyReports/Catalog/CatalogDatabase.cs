using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace JourneyReports.Catalog;

/// <summary>
/// Where the catalog lives, and in which SQL dialect it is spoken: a SQLite file (the default) or a SQL Server
/// database several instances share. The queries are the same names and parameters in both, under
/// sql/catalog/{dialect}/; only opening a connection and a few facts about errors differ, so this is a choice, not an interface.
/// </summary>
public sealed partial class CatalogDatabase
{
    public const string Sqlite = "sqlite", SqlServer = "sqlserver";

    readonly string connectionString;

    CatalogDatabase(string dialect, string connectionString, string description)
    {
        Dialect = dialect;
        this.connectionString = connectionString;
        Description = description;
    }

    /// <summary>"sqlite" or "sqlserver": the folder under sql/catalog its queries come from.</summary>
    public string Dialect { get; }

    /// <summary>What to say in a log: the file, or the server and database (never the connection string itself).</summary>
    public string Description { get; }

    /// <summary>The SQLite file's path; null on SQL Server.</summary>
    public string? FilePath => Dialect == Sqlite ? new SqliteConnectionStringBuilder(connectionString).DataSource : null;

    public static CatalogDatabase SqliteFile(string path) =>
        // SQLite allows many processes; the busy timeout makes a concurrent writer wait instead of failing.
        new(Sqlite, new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString(), $"SQLite file {path}");

    public static CatalogDatabase SqlServerDatabase(string connectionString)
    {
        var b = new SqlConnectionStringBuilder(connectionString);
        return new(SqlServer, connectionString, $"SQL Server database {b.InitialCatalog} on {b.DataSource}");
    }

    /// <summary>The catalog the options name; <paramref name="resolvePath"/> puts a relative file under the data folder.</summary>
    public static CatalogDatabase From(CatalogOptions options, Func<string, string> resolvePath) => options.Provider switch
    {
        Sqlite => SqliteFile(resolvePath(options.Path)),
        SqlServer => SqlServerDatabase(options.ConnectionString ?? ""),
        var other => throw new InvalidOperationException($"JourneyReports:Catalog:Provider '{other}' is not available."),
    };

    /// <summary>Null for a connection string SQL Server's client accepts; else what is wrong, without repeating it.</summary>
    public static string? ConnectionStringProblem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return "is empty";
        try
        {
            var b = new SqlConnectionStringBuilder(connectionString);
            return string.IsNullOrEmpty(b.DataSource) ? "names no server (Server=...)"
                : string.IsNullOrEmpty(b.InitialCatalog) ? "names no database (Database=...)" : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return "is not a valid SQL Server connection string";
        }
    }

    /// <param name="durable">SQLite only: each commit waits for the disk (the delivery ledger; see ReportCatalog.OpenAsync).</param>
    public async Task<DbConnection> OpenAsync(CancellationToken ct, bool durable = false)
    {
        if (Dialect == SqlServer)
        {
            var server = new SqlConnection(connectionString);
            await server.OpenAsync(ct);
            return server;
        }
        var c = new SqliteConnection(connectionString);
        await c.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL", cancellationToken: ct));
        return c;
    }

    /// <summary>Before the first migration: SQLite's folder, and write-ahead logging (pages read while a run writes).</summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        if (Dialect != Sqlite) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(FilePath!))!);
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: ct));
    }

    /// <summary>A query of this dialect by name, e.g. "ledger_claim" → sql/catalog/sqlserver/ledger_claim.sql.</summary>
    public string Sql(string name) => SqlScripts.Load($"catalog/{Dialect}/{name}.sql");

    /// <summary>This dialect's migration scripts, in date order.</summary>
    public IReadOnlyList<string> Migrations() => SqlScripts.Under($"catalog/{Dialect}/migrations");

    /// <summary>
    /// A script's batches: T-SQL needs some statements (CREATE VIEW, CREATE SCHEMA) alone in a batch, which a script
    /// marks with GO lines as SQL Server's own tools do; a SQLite script is one batch.
    /// </summary>
    public static IReadOnlyList<string> Batches(string script) =>
        [.. BatchSeparator().Split(script).Where(b => !string.IsNullOrWhiteSpace(b))];

    /// <summary>A writer briefly in the way (SQLite busy or locked; SQL Server deadlock victim or lock timeout): worth waiting and trying again.</summary>
    public static bool IsBusy(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6,   // SQLITE_BUSY, SQLITE_LOCKED
        SqlException s => s.Number is 1205 or 1222,         // chosen as deadlock victim, lock request time-out
        _ => false,
    };

    /// <summary>A unique key refused a row: another instance wrote the same one first.</summary>
    public static bool IsDuplicate(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode == 19,         // SQLITE_CONSTRAINT
        SqlException s => s.Number is 2627 or 2601,           // unique constraint, unique index
        _ => false,
    };

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();
}
