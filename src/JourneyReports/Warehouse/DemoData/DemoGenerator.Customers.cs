namespace JourneyReports.Warehouse;

public static partial class DemoGenerator
{
    static readonly Weighted<string> Regions = new(
        ("London", 0.20), ("South East", 0.17), ("Midlands", 0.15), ("North West", 0.13), ("South West", 0.10),
        ("Yorkshire", 0.09), ("Scotland", 0.10), ("Wales", 0.06));

    // Share of customers who signed up before the demo year: without them the year would start with an empty shop.
    const double ExistingShare = 0.5;

    /// <summary>
    /// One customer's year: for a new customer, anonymous research visits across devices and channels ending in the
    /// visit that converts; then repeat visits and orders until they churn (after which they rarely come back).
    /// </summary>
    static void SimulateCustomer(DemoRun run, int seed, long index)
    {
        var r = new Random(DemoRandom.Mix(seed, 1, index));
        var p = DemoPersona.Pick(r);
        var v = new DemoVisitor(r, p, index + 1);
        var (w, cal) = (run.Writer, run.Calendar);
        var segment = p.Segment.Next(r);
        var region = Regions.Next(r);
        var primary = p.Device.Next(r);
        v.DeviceFor(primary, w);
        if (r.Chance(p.SecondDevice))
        {
            var second = p.Device.Next(r);
            v.DeviceFor(second != primary ? second : primary == "mobile" ? "desktop" : "mobile", w);
        }

        string? acquisition;
        DateTime t;
        if (r.Chance(ExistingShare))
        {
            v.SignupAt = cal.Start.AddDays(-r.Between(20, 1100));
            var site = p.Site.Next(r);
            acquisition = site is "store" or "call_center" ? site : p.Traffic.Next(r);
            t = cal.Start;
            v.ChurnAt = t.AddDays(r.Exp(30 / p.ChurnPerMonth));
        }
        else
        {
            acquisition = null;
            t = Acquire(run, v, ref acquisition);
            v.ChurnAt = t.AddDays(r.Exp(30 / p.ChurnPerMonth));
        }
        if (v.SignupAt >= cal.End) v.SignupAt = cal.End.AddMinutes(-1);

        // Visits arrive as a Poisson process thinned by the calendar's weights (weekends, peak, campaign).
        var max = cal.MaxSessionWeight;
        while (true)
        {
            var perDay = p.SessionsPerMonth / 30 * (v.Churned(t) ? 0.12 : 1);
            t = t.AddDays(r.Exp(1 / (perDay * max)));
            if (t >= cal.End) break;
            if (r.NextDouble() * max > cal.SessionWeight(t)) continue;
            var start = DemoCalendar.TimeOn(r, DemoCalendar.DayOf(t));
            if (start < v.SignupAt || start >= cal.End) continue;
            var outcome = Session(run, v, start, v.Churned(start) ? DemoIntent.NoBuy : DemoIntent.Browse);
            if (outcome.End > t) t = outcome.End;
        }

        w.Customer(v.CustomerId, p.Name, segment, region, v.SignupAt, acquisition ?? "web");
        foreach (var (_, anon) in v.Devices) w.Identity(anon, v.CustomerId, v.SignupAt);
    }

    /// <summary>
    /// The anonymous visits before signup, spaced days apart, the last of them the one that converts. Returns when the
    /// customer became known. A visitor first reached during the paid-social campaign usually came from a social ad.
    /// </summary>
    static DateTime Acquire(DemoRun run, DemoVisitor v, ref string? acquisition)
    {
        var (r, p, cal) = (v.R, v.Persona, run.Calendar);
        var n = r.Range(p.PreSignupSessions);
        Span<DateTime> times = stackalloc DateTime[n];
        times[0] = DemoCalendar.TimeOn(r, cal.SampleAcquisitionDay(r));
        for (var i = 1; i < n; i++)
            times[i] = DemoCalendar.TimeOn(r, DemoCalendar.DayOf(times[i - 1]).AddDays(1 + (int)r.Exp(p.PreSignupGapDays)));
        // Keep the converting visit inside the year by moving the whole run of visits earlier.
        var latest = cal.End.AddHours(-r.Between(2, 72));
        if (times[n - 1] > latest)
        {
            var shift = times[n - 1] - latest;
            for (var i = 0; i < n; i++) times[i] -= shift;
        }
        var campaignSocial = cal.InCampaign(DemoCalendar.DayOf(times[0])) && r.Chance(0.6) ? "social" : null;
        var signUpOnly = r.Chance(0.15);
        var previousEnd = DateTime.MinValue;
        for (var i = 0; i < n; i++)
        {
            if (times[i] < cal.Start && i < n - 1) continue;
            var start = times[i] < cal.Start ? cal.Start.AddHours(r.Between(8, 20)) : times[i];
            if (start <= previousEnd) start = previousEnd.AddMinutes(r.Between(10, 120));
            var intent = i < n - 1 ? DemoIntent.NoBuy : signUpOnly ? DemoIntent.SignUp : DemoIntent.Convert;
            var outcome = Session(run, v, start, intent, acquisition is null ? campaignSocial : null);
            previousEnd = outcome.End;
            acquisition ??= outcome.Source;
            // A payment that fails in the checkout-fault week is tried again a day or two later.
            for (var retry = 0; outcome.CheckoutFailed && retry < 3; retry++)
            {
                var again = outcome.End.AddDays(r.Between(0.5, 3));
                if (again >= cal.End) break;
                outcome = Session(run, v, again, DemoIntent.Convert);
            }
            if (i == n - 1) return outcome.End;
        }
        return v.SignupAt;
    }
}
