using Dapper;
using DuckDB.NET.Data;

namespace JourneyReports.Tests;

/// <summary>One generated warehouse shared by the read-only tests: generating is the slow part.</summary>
public sealed class DemoWarehouseFixture : IDisposable
{
    public static readonly DateOnly LastDay = new(2026, 11, 22);

    public DuckDBConnection Connection { get; }
    public DemoSummary Summary { get; }
    public List<string> Progress { get; } = [];

    public DemoWarehouseFixture()
    {
        Connection = InMemoryWarehouse.OpenEmpty();
        Summary = DemoGenerator.GenerateAsync(TestEngine.DuckDb, Connection, new DemoSpec(0.02, 42, LastDay), Progress.Add, CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose() => Connection.Dispose();
}

/// <summary>An empty journey warehouse in memory, with the embedded schema applied.</summary>
static class InMemoryWarehouse
{
    public static DuckDBConnection OpenEmpty()
    {
        var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        conn.Execute(SqlScripts.Load("warehouse/duckdb/schema.sql"));
        return conn;
    }

    /// <summary>Counts and sums over every table, enough to tell two generated warehouses apart.</summary>
    public static string Fingerprint(DuckDBConnection conn) => conn.QuerySingle<string>("""
        SELECT concat_ws('|',
            (SELECT count(*) FROM customers), (SELECT count(DISTINCT persona || region || segment) FROM customers),
            (SELECT sum(epoch(signup_at)) FROM customers),
            (SELECT count(*) FROM products), (SELECT sum(list_price) FROM products),
            (SELECT count(*) FROM events), (SELECT sum(epoch(occurred_at)) FROM events), (SELECT sum(product_id) FROM events),
            (SELECT count(DISTINCT anonymous_id) FROM events), (SELECT count(*) FROM identities),
            (SELECT count(*) FROM orders), (SELECT sum(revenue) FROM orders), (SELECT sum(epoch(delivered_at)) FROM orders),
            (SELECT sum(quantity * unit_price) FROM order_lines), (SELECT sum(returned_quantity) FROM order_lines),
            (SELECT count(*) FROM support_tickets), (SELECT sum(wait_minutes) FROM support_tickets),
            (SELECT count(*) FROM surveys), (SELECT sum(coalesce(nps, 0) + coalesce(csat, 0) + coalesce(ces, 0)) FROM surveys))
        """);
}
