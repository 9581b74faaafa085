using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace JourneyReports.Warehouse;

public sealed partial class SqlServerProvider
{
    public IBulkWriter BulkWriter(DbConnection connection, string table) => new BulkCopy((SqlConnection)connection, table);

    /// <summary>
    /// Rows gathered into a DataTable and sent with SqlBulkCopy a batch at a time, by column order as the interface
    /// promises; the last batch goes on Dispose. JourneyReports never writes into a DirectQuery warehouse itself: this
    /// loads test fixtures into a scratch database, and is there for whatever copies a model in later.
    /// </summary>
    sealed class BulkCopy(SqlConnection connection, string table) : IBulkWriter, IBulkRow
    {
        const int BatchRows = 10_000;
        readonly DataTable rows = new();
        readonly List<object> values = [];

        public IBulkRow Row() { values.Clear(); return this; }
        public IBulkRow Add(long? value) => Value(value);
        public IBulkRow Add(int? value) => Value(value);
        public IBulkRow Add(decimal? value) => Value(value);
        public IBulkRow Add(bool? value) => Value(value);
        public IBulkRow Add(DateTime? value) => Value(value);
        public IBulkRow Add(string? value) => Value(value);

        IBulkRow Value(object? value) { values.Add(value ?? DBNull.Value); return this; }

        public void End()
        {
            // Columns are untyped until the first row says how many there are; SqlBulkCopy converts to the table's types.
            while (rows.Columns.Count < values.Count) rows.Columns.Add($"c{rows.Columns.Count}", typeof(object));
            rows.Rows.Add([.. values]);
            if (rows.Rows.Count >= BatchRows) Flush();
        }

        void Flush()
        {
            if (rows.Rows.Count == 0) return;
            using var copy = new SqlBulkCopy(connection) { DestinationTableName = table, BulkCopyTimeout = 0 };
            for (var i = 0; i < rows.Columns.Count; i++) copy.ColumnMappings.Add(i, i);
            copy.WriteToServer(rows);
            rows.Clear();
        }

        public void Dispose() => Flush();
    }
}
