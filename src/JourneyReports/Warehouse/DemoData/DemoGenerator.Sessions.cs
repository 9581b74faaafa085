namespace JourneyReports.Warehouse;

public static partial class DemoGenerator
{
    /// <summary>How a visit ended: when, through which traffic source it began, and whether the visitor bought.</summary>
    readonly record struct SessionOutcome(DateTime End, string Source, bool Purchased, bool CheckoutFailed);

    // Repeat customers browse far more often than they buy; this keeps orders near 1.5 per customer a year.
    const double RepeatCartFactor = 0.5;

    /// <summary>
    /// One visit: an awareness event from the traffic source, consideration, sometimes a cart and checkout, sometimes
    /// an order. <paramref name="source"/> forces the traffic source of a web or app visit (e.g. the paid-social campaign).
    /// </summary>
    static SessionOutcome Session(DemoRun run, DemoVisitor v, DateTime t, DemoIntent intent, string? source = null)
    {
        var (r, p, w) = (v.R, v.Persona, run.Writer);
        var site = p.Site.Next(r);
        (string Device, string Anon) d = site switch
        {
            "store" => v.DeviceFor("in_person", w),
            "call_center" => v.DeviceFor("phone", w),
            _ => v.BrowsingDevice(),
        };
        if (site == "app" && d.Device == "desktop") site = "web";
        if (site == "app") v.UsesApp = true;
        var offline = site is "store" or "call_center";
        if (offline)
        {
            // Into opening hours, never earlier than planned: a visit must not overtake the visitor's earlier ones.
            var opening = DemoCalendar.TimeOn(r, DemoCalendar.DayOf(t), openingHours: true);
            t = opening >= t ? opening : opening.AddDays(1);
        }
        var day = DemoCalendar.DayOf(t);
        var sid = w.NewSessionId();

        if (offline) source = site;
        else source ??= run.Calendar.InCampaign(day) && r.Chance(0.35) ? "social" : p.Traffic.Next(r);
        if (source == "app" && site != "app") source = "web";
        var awareness = source switch { "social" or "search_ads" => "ad_click", "email" => "email_click", _ => "landing_view" };
        w.Event(t, v.IdAt(t), d.Anon, sid, source, d.Device, awareness);
        if (intent is not (DemoIntent.Convert or DemoIntent.SignUp) && r.Chance(p.Bounce))
            return new(t, source, false, false);

        if (intent == DemoIntent.Browse && !offline && r.Chance(0.2))
            w.Event(t = Step(r, t), v.IdAt(t), d.Anon, sid, site, d.Device, "account_login");
        if (!offline && r.Chance(p.Search))
            for (int i = 0, n = r.Next(1, p.Search > 0.5 ? 4 : 2); i < n; i++)
                w.Event(t = Step(r, t), v.IdAt(t), d.Anon, sid, site, d.Device, "search");

        Span<int> viewed = stackalloc int[12];
        var views = Math.Min(r.Range(p.Views), viewed.Length);
        for (var i = 0; i < views; i++)
        {
            viewed[i] = run.Catalog.Pick(r, p.PriceBias);
            w.Event(t = Step(r, t), v.IdAt(t), d.Anon, sid, site, d.Device, "product_view", run.Catalog.Ids[viewed[i]]);
        }
        if (site == "call_center" || r.Chance(p.Chat))
        {
            var chatChannel = site == "call_center" ? "call_center" : "live_chat";
            w.Event(t = Step(r, t), v.IdAt(t), d.Anon, sid, chatChannel, d.Device, "chat_question");
            if (chatChannel == "live_chat" && r.Chance(0.05)) OpenTicket(run, v, t, "product question", "live_chat");
        }
        if (intent == DemoIntent.SignUp)
        {
            v.SignupAt = t = Step(r, t);
            w.Event(t, v.IdAt(t), d.Anon, sid, site, d.Device, "account_login");
            return new(t, source, false, false);
        }

        var (cart, checkout, buy) = intent switch
        {
            DemoIntent.Convert => (1.0, 1.0, 1.0),
            DemoIntent.Browse => (p.Cart * RepeatCartFactor * (run.Calendar.InPeak(day) ? 1.3 : 1), p.Checkout, p.Buy),
            _ => (p.Cart * 0.6, p.Checkout * 0.5, 0.0),
        };
        if (offline)
        {
            if (!r.Chance(cart * checkout * buy)) return new(t, source, false, false);
        }
        else
        {
            if (!r.Chance(cart)) return SurveyAndEnd(run, v, t, site, source, false, views);
            var inCart = Math.Max(1, Math.Min(views, r.Range(p.Lines)));
            for (var i = 0; i < inCart; i++)
                w.Event(t = Step(r, t), v.IdAt(t), d.Anon, sid, site, d.Device, "add_to_cart", run.Catalog.Ids[viewed[i]]);
            if (!r.Chance(checkout)) return SurveyAndEnd(run, v, t, site, source, false, views);
            t = Step(r, t);
            if (intent == DemoIntent.Convert && v.SignupAt == DateTime.MaxValue) v.SignupAt = t; // the account is created at checkout
            w.Event(t, v.IdAt(t), d.Anon, sid, site, d.Device, "checkout_start");
            if (!r.Chance(buy))
            {
                // Now and then an abandoned checkout really was a declined card.
                if (intent == DemoIntent.Browse && r.Chance(0.02)) OpenTicket(run, v, t.AddMinutes(r.Between(2, 90)), "payment failed");
                return SurveyAndEnd(run, v, t, site, source, false, views);
            }
            // The checkout fault makes most card payments fail that week; many customers complain.
            var failed = run.Calendar.InCheckoutFault(day) && r.Chance(0.7);
            if (failed)
            {
                if (r.Chance(0.45)) OpenTicket(run, v, t.AddMinutes(r.Between(2, 90)), "payment failed");
                return SurveyAndEnd(run, v, t, site, source, true, views);
            }
        }
        t = Step(r, t);
        if (!w.InRange(t)) return new(t, source, false, false);
        if (intent == DemoIntent.Convert && v.SignupAt == DateTime.MaxValue) v.SignupAt = t; // a loyalty card at the till
        PlaceOrder(run, v, t, site, d, sid, viewed[..views]);
        return SurveyAndEnd(run, v, t, site, source, false, views, purchased: true);
    }

    static DateTime Step(Random r, DateTime t) => t.AddSeconds(r.Between(20, 240));

    /// <summary>A few web and app visitors answer a pop-up survey about finding and choosing products.</summary>
    static SessionOutcome SurveyAndEnd(DemoRun run, DemoVisitor v, DateTime t, string site, string source, bool failed, int views, bool purchased = false)
    {
        var r = v.R;
        if (site is "web" or "app" && r.Chance(failed ? 0.05 : 0.012))
        {
            var stage = failed || purchased ? "decision" : "consideration";
            var ces = DemoRandom.Clamp(2.3 + (failed ? 3 : 0) + (views > 5 ? 0.6 : 0) + r.Normal(), 1, 7);
            var csat = DemoRandom.Clamp(4.1 - (failed ? 1.8 : 0) + 0.8 * r.Normal(), 1, 5);
            var at = t.AddSeconds(r.Between(5, 120));
            run.Writer.Survey(v.IdAt(at), at, stage, site, null, csat, ces, Comment(r, failed ? -1 : csat >= 4 ? 1 : 0, stage));
        }
        return new(t, source, purchased, failed);
    }
}
