using Dapper;
using DuckDB.NET.Data;

namespace JourneyReports.Tests;

public sealed partial class DemoGeneratorTests(DemoWarehouseFixture fx) : IClassFixture<DemoWarehouseFixture>
{
    readonly DuckDBConnection _db = fx.Connection;

    static async Task<(DemoSummary Summary, string Fingerprint)> GenerateFresh(int seed)
    {
        using var conn = InMemoryWarehouse.OpenEmpty();
        var summary = await DemoGenerator.GenerateAsync(TestEngine.DuckDb, conn, new DemoSpec(0.01, seed, DemoWarehouseFixture.LastDay), null, CancellationToken.None);
        return (summary with { Elapsed = TimeSpan.Zero }, InMemoryWarehouse.Fingerprint(conn));
    }

    [Fact]
    public async Task Generate_ProducesSameCountsAndSums_ForSameSeed()
    {
        var first = await GenerateFresh(7);
        var second = await GenerateFresh(7);
        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public async Task Generate_ProducesDifferentData_ForDifferentSeed()
    {
        var first = await GenerateFresh(7);
        var second = await GenerateFresh(8);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.NotEqual(first.Summary.Revenue, second.Summary.Revenue);
    }

    [Fact]
    public void Generate_SummaryMatchesTables_AndScalesWithScale()
    {
        var s = fx.Summary;
        Assert.Equal(2_000, s.Customers);
        Assert.Equal(s.Customers, _db.ExecuteScalar<long>("SELECT count(*) FROM customers"));
        Assert.Equal(s.Events, _db.ExecuteScalar<long>("SELECT count(*) FROM events"));
        Assert.Equal(s.Orders, _db.ExecuteScalar<long>("SELECT count(*) FROM orders"));
        Assert.Equal(s.Revenue, _db.ExecuteScalar<decimal>("SELECT sum(revenue) FROM orders"));
        Assert.Equal(s.Tickets, _db.ExecuteScalar<long>("SELECT count(*) FROM support_tickets"));
        Assert.Equal(s.Surveys, _db.ExecuteScalar<long>("SELECT count(*) FROM surveys"));
        Assert.Equal(50, _db.ExecuteScalar<long>("SELECT count(*) FROM products"));
        // Scale 1 is ~5M events and ~150k orders for 100k customers; 0.02 is a fiftieth of that.
        Assert.InRange(s.Events, 80_000, 140_000);
        Assert.InRange(s.Orders, 2_400, 3_600);
    }

    [Fact]
    public void Generate_EveryOrder_HasAPurchaseEvent_AndRevenueIsTheSumOfItsLines()
    {
        Assert.Equal(0, _db.ExecuteScalar<long>("""
            SELECT count(*) FROM orders o WHERE NOT EXISTS (
                SELECT 1 FROM events e WHERE e.event_type = 'purchase' AND e.customer_id = o.customer_id AND e.occurred_at = o.ordered_at
                  AND e.channel = CASE o.channel WHEN 'phone' THEN 'call_center' ELSE o.channel END)
            """));
        Assert.Equal(fx.Summary.Orders, _db.ExecuteScalar<long>("SELECT count(*) FROM events WHERE event_type = 'purchase'"));
        Assert.Equal(0, _db.ExecuteScalar<long>("""
            SELECT count(*) FROM orders o JOIN (SELECT order_id, sum(quantity * unit_price) s, count(*) n FROM order_lines GROUP BY 1) l USING (order_id)
            WHERE l.s <> o.revenue OR l.n NOT BETWEEN 1 AND 4
            """));
    }

    [Fact]
    public void Generate_UsesOnlyConfiguredEventTypes_ChannelsAndDevices_InsideTheYear()
    {
        var stageTypes = new JourneyOptions().EventStages().Select(e => e.EventType).Order().ToList();
        Assert.Equal(stageTypes, _db.Query<string>("SELECT DISTINCT event_type FROM events ORDER BY 1").ToList());
        Assert.Equal(["app", "call_center", "email", "live_chat", "search_ads", "social", "store", "web"],
            _db.Query<string>("SELECT DISTINCT channel FROM events ORDER BY 1").ToList());
        Assert.Equal(["desktop", "in_person", "mobile", "phone", "tablet"], _db.Query<string>("SELECT DISTINCT device FROM events ORDER BY 1").ToList());
        var (first, last) = _db.QuerySingle<(DateTime, DateTime)>("SELECT min(occurred_at), max(occurred_at) FROM events");
        Assert.True(first >= new DateTime(2025, 11, 23), $"first event {first:o}");
        Assert.True(last < new DateTime(2026, 11, 23), $"last event {last:o}");
        Assert.Equal(0, _db.ExecuteScalar<long>("SELECT count(*) FROM orders WHERE ordered_at >= '2026-11-23' OR delivered_at >= '2026-11-23'"));
    }

    [Fact]
    public void Generate_StitchesAnonymousHistory_AndHasManyAnonymousOnlyVisitors()
    {
        // Before signup a customer's devices are anonymous; from signup on every event of theirs carries the id.
        Assert.Equal(0, _db.ExecuteScalar<long>("""
            SELECT count(*) FROM events e JOIN identities i USING (anonymous_id)
            WHERE (e.customer_id IS NULL AND e.occurred_at >= i.stitched_at) OR (e.customer_id IS NOT NULL AND e.customer_id <> i.customer_id)
            """));
        Assert.True(_db.ExecuteScalar<long>("SELECT count(*) FROM events e JOIN identities i USING (anonymous_id) WHERE e.customer_id IS NULL") > 1_000);
        Assert.Equal(0, _db.ExecuteScalar<long>("SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM identities i WHERE i.customer_id = c.customer_id AND i.stitched_at = c.signup_at)"));
        var anonymousOnly = _db.ExecuteScalar<long>("SELECT count(DISTINCT anonymous_id) FROM events WHERE anonymous_id NOT IN (SELECT anonymous_id FROM identities)");
        Assert.InRange(anonymousOnly, 1.5 * fx.Summary.Customers, 2.0 * fx.Summary.Customers);
        var multiDevice = _db.ExecuteScalar<long>("SELECT count(*) FROM (SELECT customer_id FROM identities GROUP BY 1 HAVING count(*) > 1)");
        Assert.True(multiDevice > fx.Summary.Customers / 5, $"{multiDevice} customers with several anonymous ids");
    }

    [Fact]
    public void Generate_LateDeliveries_HaveLowerCsatThanOnTime()
    {
        var rows = _db.Query<(bool Late, double Csat, double Nps)>("""
            SELECT o.delivered_at > o.promised_at, avg(s.csat), avg(s.nps)
            FROM surveys s JOIN orders o ON o.customer_id = s.customer_id AND s.touchpoint = 'delivery'
             AND s.answered_at BETWEEN o.delivered_at AND o.delivered_at + INTERVAL 4 DAY
            GROUP BY 1
            """).ToDictionary(r => r.Late);
        Assert.True(rows[true].Csat < rows[false].Csat - 0.6, $"late {rows[true].Csat:F2} vs on time {rows[false].Csat:F2}");
        Assert.True(rows[true].Nps < rows[false].Nps - 1, $"late {rows[true].Nps:F2} vs on time {rows[false].Nps:F2}");
    }

    [Fact]
    public void Generate_LateParcels_AreLateByTheLocalDay_InAnyZone()
    {
        // A promise is a day (docs/journey-model.md): late parcels come a day or more after promised_at and on-time
        // ones at or before it, so the reports' local-day definition and the timestamps agree on every demo order.
        var differing = _db.ExecuteScalar<long>("""
            SELECT count(*) FROM orders, (VALUES ('Europe/London'), ('UTC'), ('America/Sao_Paulo'), ('Asia/Tokyo')) z(tz)
            WHERE (delivered_at > promised_at)
               <> (timezone(tz, timezone('UTC', delivered_at))::DATE > timezone(tz, timezone('UTC', promised_at))::DATE)
            """);
        Assert.Equal(0, differing);
        Assert.True(_db.ExecuteScalar<long>("SELECT count(*) FROM orders WHERE delivered_at > promised_at") > 100);
    }
}
