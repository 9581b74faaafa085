using System.Data.Common;
using Dapper;

namespace JourneyReports.Warehouse;

public sealed partial class DuckDbProvider
{
    public async Task<IAsyncDisposable> RestrictAsync(DbConnection connection, IReadOnlyDictionary<string, string> restriction, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE OR REPLACE TEMP TABLE analyst_restriction (name VARCHAR NOT NULL, value VARCHAR NOT NULL)", cancellationToken: ct));
        foreach (var (name, value) in restriction)
            await connection.ExecuteAsync(new CommandDefinition("INSERT INTO analyst_restriction VALUES ($name, $value)", new { name, value }, cancellationToken: ct));
        // The database's name is the file's, chosen by whoever configured it; quoted as an identifier all the same.
        var database = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT current_database()", cancellationToken: ct));
        var quoted = "\"" + database!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var undo = new Unrestrict(connection);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(SqlScripts.Load("warehouse/duckdb/analyst_restrict.sql").Replace("{warehouse}", quoted, StringComparison.Ordinal),
                cancellationToken: ct));
        }
        catch
        {
            await undo.DisposeAsync();
            throw;
        }
        return undo;
    }

    sealed class Unrestrict(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await connection.ExecuteAsync(SqlScripts.Load("warehouse/duckdb/analyst_unrestrict.sql"));
    }
}
