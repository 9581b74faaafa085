namespace JourneyReports.Warehouse;

public static partial class DemoGenerator
{
    /// <summary>
    /// A support contact: the ticket, its support_contact event and sometimes a survey. Waits grow with load (the
    /// checkout-fault week, the Christmas peak) and long waits mean more effort (CES) and lower satisfaction.
    /// </summary>
    static void OpenTicket(DemoRun run, DemoVisitor v, DateTime at, string category, string? channel = null)
    {
        var (r, w, cal) = (v.R, run.Writer, run.Calendar);
        channel ??= v.Persona.TicketChannel.Next(r);
        var day = DemoCalendar.DayOf(at);
        var load = (cal.InCheckoutFault(day) ? 2.2 : 1) * (cal.InPeak(day) ? 1.5 : 1);
        var wait = channel switch
        {
            "call_center" => 3 + r.Exp(14) * load,
            "live_chat" => 0.5 + r.Exp(2.5) * load,
            "email" => 20 + r.Exp(180) * load,
            _ => 5 + r.Exp(60) * load,
        };
        var waitMinutes = (int)Math.Round(wait);
        var resolved = r.Chance((category == "late delivery" ? 0.85 : 0.92) - Math.Min(0.2, wait / 2000));
        var customerId = v.IdAt(at);
        if (!w.Ticket(customerId, at, channel, category, waitMinutes, resolved)) return;

        var d = channel == "call_center" ? v.DeviceFor("phone", w) : v.BrowsingDevice();
        w.Event(at, customerId, d.AnonymousId, w.NewSessionId(), channel, d.Device, "support_contact");
        if (!resolved && r.Chance(0.2)) v.ChurnBy(at.AddDays(r.Between(1, 20)));

        if (!r.Chance(0.3)) return;
        var effort = 1.5 + 1.1 * Math.Log(1 + wait / 5) + (resolved ? 0 : 1.5) + 0.8 * r.Normal();
        var ces = DemoRandom.Clamp(effort, 1, 7);
        var csat = DemoRandom.Clamp(4.4 - 0.45 * (effort - 2) - (resolved ? 0 : 1) + 0.6 * r.Normal(), 1, 5);
        var s = v.Persona.Satisfaction - 0.3 * (effort - 2) - (resolved ? 0 : 1) + r.Normal();
        int? nps = r.Chance(0.5) ? Nps(s) : null;
        var answered = at.AddMinutes(wait + r.Between(10, 1440));
        w.Survey(v.IdAt(answered), answered, "retention", channel, nps, csat, ces, Comment(r, Sentiment(s), category));
    }

    static readonly string[] Positive =
        ["Quick and easy, thank you", "Great service", "Really helpful staff", "Arrived sooner than expected", "Will order again", "Good value"];
    static readonly string[] Neutral = ["It was fine", "OK overall", "Took a while but sorted", "Average experience"];
    static readonly string[] Negative =
        ["Far too slow", "Nobody could help me", "Very frustrating", "Not what I expected", "Had to chase several times"];
    static readonly string[] LateComments =
        ["Parcel arrived days late", "Delivery date kept slipping", "Late delivery, no updates", "Missed the date I needed it for"];
    static readonly string[] PaymentComments = ["Payment kept failing", "Card declined three times", "Checkout would not take my card"];

    /// <summary>About a quarter of respondents leave a comment; the unhappy ones say what went wrong.</summary>
    static string? Comment(Random r, int sentiment, string about)
    {
        if (!r.Chance(sentiment < 0 ? 0.45 : 0.2)) return null;
        if (sentiment < 0 && about is "late" or "late delivery") return r.Pick(LateComments);
        if (sentiment < 0 && about is "payment failed" or "decision") return r.Pick(PaymentComments);
        return r.Pick(sentiment > 0 ? Positive : sentiment < 0 ? Negative : Neutral);
    }
}
