using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace JourneyReports.Refresh;

/// <summary>
/// The databases a refresh reads, by the mapping's "dialect": each is an ADO.NET provider, so the refresh itself is one
/// code path (connection, command, data reader) whichever it is. SQL Server is what companies have; SQLite is the
/// stand-in that runs anywhere, which the tests and the benchmark read through exactly the same path.
/// </summary>
public static class SourceDialects
{
    public static readonly IReadOnlyList<string> Names = ["sqlserver", "sqlite"];

    public static DbProviderFactory Factory(string dialect) => dialect switch
    {
        "sqlserver" => SqlClientFactory.Instance,
        "sqlite" => SqliteFactory.Instance,
        _ => throw new RefreshException($"Unknown source dialect '{dialect}'; use {string.Join(" or ", Names)}."),
    };

    /// <summary>
    /// Where a connection string points, for logs and messages: the server and database, or the file. Never the rest
    /// of it (a password, a key), and nothing at all when it does not parse.
    /// </summary>
    public static string Location(string dialect, string? connectionString)
    {
        try
        {
            return dialect switch
            {
                "sqlserver" when new SqlConnectionStringBuilder(connectionString) is var b =>
                    $"server {Or(b.DataSource)}, database {Or(b.InitialCatalog)}",
                "sqlite" => $"file {Or(new SqliteConnectionStringBuilder(connectionString).DataSource)}",
                _ => "an unknown place",
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The builder's own message may quote the string it could not parse, so it is not passed on.
            return "(a connection string that does not parse)";
        }
    }

    static string Or(string? value) => string.IsNullOrEmpty(value) ? "(default)" : value;
}
