using Dapper;

namespace JourneyReports.Tests;

/// <summary>The stories the dashboards are meant to find in the demo data.</summary>
public sealed partial class DemoGeneratorTests
{
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
    public void Generate_StoresEventsInTimeOrder_SoAPeriodReadsOnlyItsRowGroups()
    {
        var outOfOrder = _db.QuerySingle<long>("""
            SELECT count(*) FILTER (WHERE occurred_at < previous)
            FROM (SELECT occurred_at, lag(occurred_at) OVER (ORDER BY rowid) AS previous FROM events)
            """);
        Assert.Equal(0, outOfOrder);
    }

    [Fact]
    public void Generate_WritesWarehouseInfo_AndReportsProgressInTenths()
    {
        var info = _db.Query<(string Key, string Value)>("SELECT key, value FROM warehouse_info").ToDictionary(r => r.Key, r => r.Value);
        Assert.Equal("42", info["seed"]);
        Assert.Equal("0.02", info["scale"]);
        Assert.Equal("2026-11-22", info["data_until"]);
        Assert.True(DateTime.TryParse(info["generated_at"], null, System.Globalization.DateTimeStyles.RoundtripKind, out _));
        Assert.Equal(11, fx.Progress.Count);   // ten tenths, then the move of the events into time order
        Assert.Equal("demo data: 40% (800 of 2,000 customers)", fx.Progress[3]);
        Assert.Equal("demo data: storing events in time order", fx.Progress[10]);
    }
}
