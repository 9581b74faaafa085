using System.Data.Common;
using Dapper;
using DuckDB.NET.Data;

namespace JourneyReports.Warehouse;

public sealed partial class DuckDbProvider
{
    public async Task<DbCommand> AnalystCommandAsync(DbConnection connection, CancellationToken ct)
    {
        var duck = (DuckDBConnection)connection;
        if (!(await LockdownAsync(duck, ct)).Locked)
        {
            // Another connection of the same open database may lock it between the look and the SETs; then the SETs
            // fail, and the second look says whether the lock it took is the one wanted.
            try { await duck.ExecuteAsync(new CommandDefinition(SqlScripts.Load("warehouse/duckdb/analyst_lockdown.sql"), cancellationToken: ct)); }
            catch (DuckDBException) { }
        }
        var state = await LockdownAsync(duck, ct);
        if (!state.Locked || state.ExternalAccess || state.Autoinstall || state.Autoload)
            throw new InvalidOperationException("Analyst SQL cannot run on this warehouse connection: it could not be locked down " +
                $"(configuration locked: {state.Locked}, external access: {state.ExternalAccess}, extension install/load: {state.Autoinstall}/{state.Autoload}).");
        // Streaming: rows come as they are read, so the caller can count them and stop; Cancel interrupts the connection.
        return new DuckDBCommand { Connection = duck, UseStreamingMode = true };
    }

    static Task<Lockdown> LockdownAsync(DuckDBConnection connection, CancellationToken ct) =>
        connection.QuerySingleAsync<Lockdown>(new CommandDefinition(SqlScripts.Load("warehouse/duckdb/analyst_lockdown_state.sql"), cancellationToken: ct));

    sealed record Lockdown(bool Locked, bool ExternalAccess, bool Autoinstall, bool Autoload);
}
