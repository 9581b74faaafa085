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
        Connection = DemoWarehouse.OpenEmpty();
        Summary = DemoGenerator.GenerateAsync(Connection, new DemoSpec(0.02, 42, LastDay), Progress.Add, CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose() => Connection.Dispose();
}

static class DemoWarehouse
{
    static readonly Lazy<string> Schema = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "JourneyReports.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("JourneyReports.sln not found above " + AppContext.BaseDirectory);
        return File.ReadAllText(Path.Combine(dir.FullName, "sql", "warehouse", "duckdb", "schema.sql"));
    });

    public static DuckDBConnection OpenEmpty()
    {
        var conn = new DuckDBConnection("Data Source=:memory:");
        conn.Open();
        conn.Execute(Schema.Value);
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

public sealed class DemoGeneratorTests(DemoWarehouseFixture fx) : IClassFixture<DemoWarehouseFixture>
{
    readonly DuckDBConnection _db = fx.Connection;

    static async Task<(DemoSummary Summary, string Fingerprint)> GenerateFresh(int seed)
    {
        using var conn = DemoWarehouse.OpenEmpty();
        var summary = await DemoGenerator.GenerateAsync(conn, new DemoSpec(0.01, seed, DemoWarehouseFixture.LastDay), null, CancellationToken.None);
        return (summary with { Elapsed = TimeSpan.Zero }, DemoWarehouse.Fingerprint(conn));
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
        var stageTypes = new JourneyOptions().StageMap.Values.SelectMany(t => t).Order().ToList();
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

    static readonly DemoCalendar Calendar = new(DemoWarehouseFixture.LastDay);

    [Fact]
    public void Generate_CheckoutFaultWeek_HasPaymentFailedTicketSpike()
    {
        var (from, to) = Calendar.CheckoutFault;
        var weekly = _db.Query<(DateTime Week, long Failed)>("""
            SELECT date_trunc('week', opened_at), count(*) FILTER (WHERE category = 'payment failed') FROM support_tickets GROUP BY 1
            """).ToList();
        var faultWeek = weekly.Single(w => DateOnly.FromDateTime(w.Week) == from).Failed;
        var otherWeeks = weekly.Where(w => DateOnly.FromDateTime(w.Week) != from).Average(w => w.Failed);
        Assert.True(faultWeek > 10 * Math.Max(otherWeeks, 0.5), $"fault week {faultWeek}, other weeks {otherWeeks:F1} a week");

        // Checkouts that end without a purchase spike too.
        var abandonment = _db.Query<(bool Fault, double Rate)>("""
            SELECT occurred_at::DATE BETWEEN $from AND $to,
                   1 - count(*) FILTER (WHERE event_type = 'purchase' AND channel IN ('web', 'app')) / count(*) FILTER (WHERE event_type = 'checkout_start')
            FROM events GROUP BY 1
            """, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) }).ToDictionary(r => r.Fault, r => r.Rate);
        Assert.True(abandonment[true] > abandonment[false] + 0.4, $"fault {abandonment[true]:P0} vs normal {abandonment[false]:P0}");
    }

    [Fact]
    public void Generate_CampaignWeeks_HaveASocialAdClickBurst()
    {
        var (from, to) = Calendar.Campaign;
        var perDay = _db.Query<(bool Campaign, double PerDay)>("""
            SELECT occurred_at::DATE BETWEEN $from AND $to, count(*) / count(DISTINCT occurred_at::DATE)
            FROM events WHERE event_type = 'ad_click' AND channel = 'social' GROUP BY 1
            """, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) }).ToDictionary(r => r.Campaign, r => r.PerDay);
        Assert.True(perDay[true] > 2.5 * perDay[false], $"campaign {perDay[true]:F0}/day vs {perDay[false]:F0}/day");
    }

    [Fact]
    public void Generate_HolidayPeak_AndWeekends_AreBusier()
    {
        var (from, to) = Calendar.Peak;
        var ordersPerDay = _db.Query<(bool Peak, double PerDay)>("""
            SELECT ordered_at::DATE BETWEEN $from AND $to, count(*) / count(DISTINCT ordered_at::DATE) FROM orders GROUP BY 1
            """, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) }).ToDictionary(r => r.Peak, r => r.PerDay);
        Assert.True(ordersPerDay[true] > 1.25 * ordersPerDay[false], $"peak {ordersPerDay[true]:F1}/day vs {ordersPerDay[false]:F1}/day");

        var byWeekday = _db.Query<(int Dow, long Events)>("SELECT dayofweek(occurred_at), count(*) FROM events GROUP BY 1").ToDictionary(r => r.Dow, r => r.Events);
        Assert.True(byWeekday[0] > 1.2 * byWeekday[3], "Sundays should be busier than Wednesdays");
    }

    [Fact]
    public void Generate_Personas_DifferInChannelsBasketsAndRepeatRate()
    {
        var p = _db.Query<(string Persona, double Aov, double OrdersPerCustomer, double StoreShare, double MobileShare)>("""
            SELECT c.persona, avg(o.revenue), count(o.order_id) / count(DISTINCT c.customer_id),
                   avg((o.channel IN ('store', 'phone'))::INT),
                   (SELECT avg((e.device = 'mobile')::INT) FROM events e JOIN customers c2 USING (customer_id) WHERE c2.persona = c.persona)
            FROM customers c LEFT JOIN orders o USING (customer_id) GROUP BY 1
            """).ToDictionary(r => r.Persona);
        Assert.Equal(5, p.Count);
        Assert.True(p["Bargain hunter"].Aov < p["Research-heavy planner"].Aov / 2, "bargain hunters buy small baskets, planners big ones");
        Assert.True(p["Loyal regular"].OrdersPerCustomer > 1.5 * p["Bargain hunter"].OrdersPerCustomer, "loyal regulars repeat");
        Assert.True(p["In-store traditionalist"].StoreShare > 0.6, "traditionalists buy in store and by phone");
        Assert.True(p["Impulse mobile shopper"].MobileShare > p["Research-heavy planner"].MobileShare + 0.5, "impulse shoppers are on mobile");
        Assert.InRange(_db.ExecuteScalar<double>("SELECT avg(revenue) FROM orders"), 40, 120);
    }

    [Fact]
    public void Generate_LongSupportWaits_RaiseEffort_AndCallCentreWaitsLongerThanChat()
    {
        var waits = _db.Query<(string Channel, double Wait)>("SELECT channel, avg(wait_minutes) FROM support_tickets GROUP BY 1").ToDictionary(r => r.Channel, r => r.Wait);
        Assert.True(waits["call_center"] > 3 * waits["live_chat"]);
        var ces = _db.Query<(bool Long, double Ces)>("""
            SELECT t.wait_minutes > 15, avg(s.ces) FROM surveys s
            JOIN support_tickets t ON t.customer_id = s.customer_id AND s.touchpoint = t.channel AND s.stage = 'retention'
             AND s.answered_at BETWEEN t.opened_at AND t.opened_at + INTERVAL 2 DAY
            GROUP BY 1
            """).ToDictionary(r => r.Long, r => r.Ces);
        Assert.True(ces[true] > ces[false] + 1, $"long waits CES {ces[true]:F2} vs short {ces[false]:F2}");
    }

    [Fact]
    public void Generate_SurveysCoverTheJourney_WithAPositiveNps()
    {
        var stages = _db.Query<string>("SELECT DISTINCT stage FROM surveys ORDER BY 1").ToList();
        Assert.Equal(["consideration", "decision", "purchase", "retention"], stages);
        var nps = _db.ExecuteScalar<double>("SELECT 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(*) FROM surveys WHERE nps IS NOT NULL");
        Assert.InRange(nps, 5, 50);
        Assert.Equal(0, _db.ExecuteScalar<long>("SELECT count(*) FROM surveys WHERE nps NOT BETWEEN 0 AND 10 OR csat NOT BETWEEN 1 AND 5 OR ces NOT BETWEEN 1 AND 7"));
    }

    [Fact]
    public void Generate_LateDeliveries_RaiseChurn()
    {
        // Of customers who bought in the first half, those who had a late parcel then are likelier not to buy in the last four months.
        var stopped = _db.Query<(bool Late, double Stopped)>("""
            WITH c AS (
                SELECT customer_id, bool_or(delivered_at > promised_at) FILTER (WHERE ordered_at < '2026-06-01') AS late,
                       count(*) FILTER (WHERE ordered_at < '2026-06-01') AS before, count(*) FILTER (WHERE ordered_at >= '2026-07-23') AS after
                FROM orders GROUP BY 1)
            SELECT late, avg((after = 0)::INT) FROM c WHERE before > 0 GROUP BY 1
            """).ToDictionary(r => r.Late, r => r.Stopped);
        Assert.True(stopped[true] > stopped[false] + 0.04, $"late {stopped[true]:P0} vs on time {stopped[false]:P0}");
    }

    [Fact]
    public void Generate_WritesWarehouseInfo_AndReportsProgressInTenths()
    {
        var info = _db.Query<(string Key, string Value)>("SELECT key, value FROM warehouse_info").ToDictionary(r => r.Key, r => r.Value);
        Assert.Equal("42", info["seed"]);
        Assert.Equal("0.02", info["scale"]);
        Assert.Equal("2026-11-22", info["data_until"]);
        Assert.True(DateTime.TryParse(info["generated_at"], null, System.Globalization.DateTimeStyles.RoundtripKind, out _));
        Assert.Equal(10, fx.Progress.Count);
        Assert.Equal("demo data: 40% (800 of 2,000 customers)", fx.Progress[3]);
    }
}
