namespace JourneyReports.Warehouse;

/// <summary>Everything one generation run shares: where rows go, the calendar and the catalog.</summary>
internal sealed record DemoRun(DemoWriter Writer, DemoCalendar Calendar, DemoCatalog Catalog);

/// <summary>What a session is allowed to lead to.</summary>
internal enum DemoIntent
{
    /// <summary>A known, active customer: may buy.</summary>
    Browse,
    /// <summary>Anonymous, churned or still researching: may fill a cart, never buys.</summary>
    NoBuy,
    /// <summary>The visit in which an anonymous visitor checks out and so becomes a customer.</summary>
    Convert,
    /// <summary>The visit in which an anonymous visitor opens an account without buying.</summary>
    SignUp,
}

/// <summary>One person's state while their year is simulated: their own random stream, devices and milestones.</summary>
internal sealed class DemoVisitor(Random random, DemoPersona persona, long customerId)
{
    public Random R { get; } = random;
    public DemoPersona Persona { get; } = persona;
    /// <summary>0 for visitors who never sign up.</summary>
    public long CustomerId { get; } = customerId;
    public DateTime SignupAt { get; set; } = DateTime.MaxValue;
    public DateTime ChurnAt { get; set; } = DateTime.MaxValue;
    public List<(string Device, string AnonymousId)> Devices { get; } = [];
    public bool UsesApp { get; set; }

    /// <summary>Events carry the customer id only once the visitor is known.</summary>
    public long? IdAt(DateTime t) => CustomerId > 0 && t >= SignupAt ? CustomerId : null;

    public bool Churned(DateTime t) => t >= ChurnAt;

    /// <summary>Each device (and the store or phone, once used) is its own anonymous id until stitched.</summary>
    public (string Device, string AnonymousId) DeviceFor(string device, DemoWriter writer)
    {
        foreach (var d in Devices)
            if (d.Device == device) return d;
        var added = (device, writer.NewAnonymousId());
        Devices.Add(added);
        return added;
    }

    /// <summary>Mostly the first device; a second one now and then (researching on the laptop, buying on the phone).</summary>
    public (string Device, string AnonymousId) BrowsingDevice()
    {
        (string, string)? first = null;
        foreach (var d in Devices)
        {
            if (d.Device is not ("desktop" or "mobile" or "tablet")) continue;
            if (first is null) first = d;
            else if (R.Chance(0.3)) return d;
            else break;
        }
        return first ?? throw new InvalidOperationException("A visitor always has a browsing device.");
    }

    public void ChurnBy(DateTime t)
    {
        if (t < ChurnAt) ChurnAt = t;
    }
}
