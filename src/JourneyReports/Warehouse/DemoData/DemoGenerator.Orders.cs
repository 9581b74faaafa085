namespace JourneyReports.Warehouse;

public static partial class DemoGenerator
{
    /// <summary>
    /// An order and what follows it: the purchase event, delivery (sometimes late), tracking visits, returns, tickets,
    /// surveys, reviews. Late deliveries and damage feed through to lower scores and to churn.
    /// </summary>
    static void PlaceOrder(DemoRun run, DemoVisitor v, DateTime at, string site, (string Device, string Anon) d, string sid, ReadOnlySpan<int> viewed)
    {
        var (r, p, w, cal) = (v.R, v.Persona, run.Writer, run.Calendar);
        var customerId = v.CustomerId;
        var store = site == "store";
        var day = DemoCalendar.DayOf(at);

        var lineCount = Math.Clamp(r.Range(p.Lines), 1, 4);
        Span<int> products = stackalloc int[4];
        Span<int> quantities = stackalloc int[4];
        Span<decimal> prices = stackalloc decimal[4];
        decimal revenue = 0;
        var fashion = false;
        for (var i = 0; i < lineCount; i++)
        {
            products[i] = i < viewed.Length ? viewed[i] : run.Catalog.Pick(r, p.PriceBias);
            quantities[i] = r.NextDouble() switch { < 0.78 => 1, < 0.95 => 2, _ => 3 };
            var price = run.Catalog.Prices[products[i]];
            // Sale lines are commoner in the Christmas run-up.
            if (r.Chance(cal.InPeak(day) ? 0.35 : 0.12)) price = Math.Round(price * 0.8m, 2);
            prices[i] = price;
            revenue += quantities[i] * price;
            fashion |= run.Catalog.Departments[products[i]] == "Fashion";
        }

        DateTime? promised = store ? at : at.AddDays(r.Next(2, 5));
        var late = !store && r.Chance(cal.InPeak(day) ? 0.2 : 0.11);
        var delivered = store ? at
            : late ? promised.Value.AddHours(r.Between(24, 144))
            : promised.Value.AddHours(-r.Between(0, 30));
        var damaged = !store && r.Chance(0.03);
        var returnAt = delivered.AddDays(r.Between(2, 14));
        var returned = returnAt < cal.End && r.Chance(0.03 + (late ? 0.06 : 0) + (damaged ? 0.5 : 0) + (fashion ? 0.04 : 0));

        var orderId = w.Order(customerId, at, site == "call_center" ? "phone" : site, returned, revenue, promised, delivered);
        var returnedLine = r.Next(lineCount);
        var returnAll = r.Chance(0.6);
        for (var i = 0; i < lineCount; i++)
            w.Line(orderId, i + 1, run.Catalog.Ids[products[i]], quantities[i], prices[i], returned && (returnAll || i == returnedLine) ? quantities[i] : 0);
        w.Event(at, customerId, d.Anon, sid, site, d.Device, "purchase");

        if (!store) TrackingVisits(run, v, at, delivered, late);
        if (late && r.Chance(0.55)) OpenTicket(run, v, promised.Value.AddHours(r.Between(3, 48)), "late delivery");
        if (damaged && r.Chance(0.7)) OpenTicket(run, v, delivered.AddHours(r.Between(1, 30)), "item damaged");
        if (returned && r.Chance(0.4)) OpenTicket(run, v, returnAt, "refund request");
        if (r.Chance(0.01)) OpenTicket(run, v, at.AddDays(r.Between(1, 20)), "account access");

        // A late parcel is the commonest reason a customer quietly stops buying.
        if (late && r.Chance(0.35)) v.ChurnBy(delivered.AddDays(r.Between(1, 30)));
        if ((damaged || returned) && r.Chance(0.1)) v.ChurnBy(delivered.AddDays(r.Between(1, 30)));

        var happy = !late && !damaged && !returned;
        if (r.Chance(0.2))
        {
            var s = p.Satisfaction + r.Normal();
            if (!store && r.Chance(0.6))
            {
                s -= (late ? 1.6 : 0) + (damaged ? 1.2 : 0) + (returned ? 0.6 : 0);
                var when = delivered.AddHours(r.Between(12, 96));
                w.Survey(customerId, when, "retention", "delivery", Nps(s), Csat(s), null, Comment(r, Sentiment(s), late ? "late" : "delivery"));
            }
            else
                w.Survey(customerId, at.AddMinutes(r.Between(5, 120)), "purchase", site == "call_center" ? "phone" : site, Nps(s), Csat(s), null, Comment(r, Sentiment(s), "purchase"));
        }
        if (r.Chance((happy ? 0.07 : 0.04) * p.Advocacy))
            AfterVisit(run, v, delivered.AddDays(r.Between(2, 12)), "review_submitted", run.Catalog.Ids[products[0]]);
        if (happy && r.Chance(0.03 * p.Advocacy))
            AfterVisit(run, v, delivered.AddDays(r.Between(1, 20)), "referral_share", null);
    }

    static int Nps(double s) => DemoRandom.Clamp(8.1 + 1.5 * s, 0, 10);
    static int Csat(double s) => DemoRandom.Clamp(4.0 + 0.85 * s, 1, 5);
    static int Sentiment(double s) => s > 0.4 ? 1 : s < -0.8 ? -1 : 0;

    /// <summary>"Where's my order?" visits, often opened from the dispatch email; more of them when the parcel is late.</summary>
    static void TrackingVisits(DemoRun run, DemoVisitor v, DateTime orderedAt, DateTime deliveredAt, bool late)
    {
        var r = v.R;
        var visits = late ? r.Next(2, 4) : r.Next(0, 3);
        var span = Math.Max(0.3, (deliveredAt - orderedAt).TotalDays);
        for (var i = 0; i < visits; i++)
        {
            var t = orderedAt.AddDays(r.Between(0.2, span));
            if (!run.Writer.InRange(t)) continue;
            var d = v.BrowsingDevice();
            var site = v.UsesApp && d.Device != "desktop" ? "app" : "web";
            var sid = run.Writer.NewSessionId();
            if (r.Chance(0.5)) run.Writer.Event(t, v.CustomerId, d.AnonymousId, sid, "email", d.Device, "email_click");
            run.Writer.Event(Step(r, t), v.CustomerId, d.AnonymousId, sid, site, d.Device, "order_tracking");
        }
    }

    /// <summary>A short advocacy visit: a review or a referral link shared.</summary>
    static void AfterVisit(DemoRun run, DemoVisitor v, DateTime t, string type, long? productId)
    {
        if (!run.Writer.InRange(t)) return;
        var d = v.BrowsingDevice();
        var site = v.UsesApp && d.Device != "desktop" ? "app" : "web";
        var sid = run.Writer.NewSessionId();
        run.Writer.Event(t, v.CustomerId, d.AnonymousId, sid, "email", d.Device, "email_click");
        run.Writer.Event(Step(v.R, t), v.CustomerId, d.AnonymousId, sid, site, d.Device, type, productId);
    }
}
