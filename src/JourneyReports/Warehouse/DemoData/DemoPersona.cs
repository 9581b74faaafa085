namespace JourneyReports.Warehouse;

/// <summary>A behavioural archetype: where a visitor comes from, how they browse and buy, and how likely they are to leave.</summary>
internal sealed class DemoPersona
{
    public required string Name { get; init; }
    public double Share { get; init; }
    /// <summary>Traffic source of a web or app session: web (direct/organic), app, social, email, search_ads.</summary>
    public required Weighted<string> Traffic { get; init; }
    /// <summary>Where the session happens: web, app, store, call_center.</summary>
    public required Weighted<string> Site { get; init; }
    public required Weighted<string> Device { get; init; }
    public double SecondDevice { get; init; }
    public double SessionsPerMonth { get; init; }
    public (int Min, int Max) PreSignupSessions { get; init; } = (1, 2);
    public double PreSignupGapDays { get; init; } = 3;
    public double Bounce { get; init; }
    public (int Min, int Max) Views { get; init; } = (1, 3);
    public double Search { get; init; }
    public double Chat { get; init; }
    public double Cart { get; init; }
    public double Checkout { get; init; }
    public double Buy { get; init; }
    public (int Min, int Max) Lines { get; init; } = (1, 2);
    /// <summary>Above 1 leans to cheap products, below 1 to dear ones.</summary>
    public double PriceBias { get; init; } = 1;
    public double ChurnPerMonth { get; init; }
    public Weighted<string> TicketChannel { get; init; } = new(("email", 1));
    /// <summary>Shift of the latent satisfaction behind survey scores.</summary>
    public double Satisfaction { get; init; }
    public Weighted<string> Segment { get; init; } = new(("consumer", 1));
    /// <summary>Multiplies the chance of reviews and referrals.</summary>
    public double Advocacy { get; init; } = 1;

    public static readonly DemoPersona[] All =
    [
        new()
        {
            Name = "Bargain hunter", Share = 0.26,
            Traffic = new(("social", 0.40), ("email", 0.35), ("search_ads", 0.10), ("web", 0.15)),
            Site = new(("web", 0.75), ("app", 0.25)),
            Device = new(("mobile", 0.75), ("desktop", 0.15), ("tablet", 0.10)), SecondDevice = 0.25,
            SessionsPerMonth = 1.56, PreSignupSessions = (2, 4), PreSignupGapDays = 4,
            Bounce = 0.47, Views = (1, 2), Search = 0.3, Chat = 0.02, Cart = 0.40, Checkout = 0.40, Buy = 0.70,
            Lines = (1, 2), PriceBias = 3.0, ChurnPerMonth = 0.07,
            TicketChannel = new(("social", 0.35), ("email", 0.35), ("live_chat", 0.2), ("call_center", 0.1)),
            Satisfaction = -0.1, Segment = new(("consumer", 0.92), ("small_business", 0.06), ("vip", 0.02)), Advocacy = 1.0,
        },
        new()
        {
            Name = "Loyal regular", Share = 0.22,
            Traffic = new(("email", 0.40), ("app", 0.35), ("web", 0.15), ("search_ads", 0.05), ("social", 0.05)),
            Site = new(("app", 0.60), ("web", 0.35), ("store", 0.05)),
            Device = new(("mobile", 0.60), ("desktop", 0.25), ("tablet", 0.15)), SecondDevice = 0.35,
            SessionsPerMonth = 2.30, PreSignupSessions = (1, 3), PreSignupGapDays = 6,
            Bounce = 0.37, Views = (1, 2), Search = 0.3, Chat = 0.02, Cart = 0.45, Checkout = 0.75, Buy = 0.90,
            Lines = (1, 3), PriceBias = 1.7, ChurnPerMonth = 0.012,
            TicketChannel = new(("email", 0.4), ("live_chat", 0.4), ("call_center", 0.2)),
            Satisfaction = 0.5, Segment = new(("consumer", 0.70), ("small_business", 0.12), ("vip", 0.18)), Advocacy = 1.5,
        },
        new()
        {
            Name = "Research-heavy planner", Share = 0.18,
            Traffic = new(("search_ads", 0.40), ("web", 0.35), ("email", 0.15), ("social", 0.10)),
            Site = new(("web", 0.95), ("app", 0.05)),
            Device = new(("desktop", 0.70), ("tablet", 0.20), ("mobile", 0.10)), SecondDevice = 0.40,
            SessionsPerMonth = 1.38, PreSignupSessions = (3, 6), PreSignupGapDays = 5,
            Bounce = 0.22, Views = (2, 5), Search = 0.6, Chat = 0.25, Cart = 0.30, Checkout = 0.60, Buy = 0.85,
            Lines = (2, 4), PriceBias = 0.9, ChurnPerMonth = 0.03,
            TicketChannel = new(("live_chat", 0.6), ("email", 0.25), ("call_center", 0.15)),
            Satisfaction = 0.1, Segment = new(("consumer", 0.70), ("small_business", 0.25), ("vip", 0.05)), Advocacy = 1.2,
        },
        new()
        {
            Name = "Impulse mobile shopper", Share = 0.20,
            Traffic = new(("social", 0.65), ("search_ads", 0.15), ("email", 0.10), ("web", 0.10)),
            Site = new(("web", 0.55), ("app", 0.45)),
            Device = new(("mobile", 0.90), ("tablet", 0.10)), SecondDevice = 0.10,
            SessionsPerMonth = 1.47, PreSignupSessions = (1, 2), PreSignupGapDays = 1,
            Bounce = 0.42, Views = (1, 2), Search = 0.1, Chat = 0.02, Cart = 0.40, Checkout = 0.70, Buy = 0.85,
            Lines = (1, 2), PriceBias = 1.5, ChurnPerMonth = 0.06,
            TicketChannel = new(("social", 0.4), ("live_chat", 0.4), ("email", 0.2)),
            Satisfaction = 0.0, Segment = new(("consumer", 0.95), ("small_business", 0.03), ("vip", 0.02)), Advocacy = 0.8,
        },
        new()
        {
            Name = "In-store traditionalist", Share = 0.14,
            Traffic = new(("web", 0.60), ("email", 0.30), ("search_ads", 0.10)),
            Site = new(("store", 0.60), ("call_center", 0.20), ("web", 0.20)),
            Device = new(("desktop", 0.60), ("tablet", 0.30), ("mobile", 0.10)), SecondDevice = 0.05,
            SessionsPerMonth = 1.20, PreSignupSessions = (1, 2), PreSignupGapDays = 10,
            Bounce = 0.27, Views = (1, 2), Search = 0.1, Chat = 0.0, Cart = 0.50, Checkout = 0.80, Buy = 0.95,
            Lines = (1, 3), PriceBias = 1.4, ChurnPerMonth = 0.02,
            TicketChannel = new(("call_center", 0.8), ("email", 0.2)),
            Satisfaction = 0.3, Segment = new(("consumer", 0.80), ("small_business", 0.15), ("vip", 0.05)), Advocacy = 0.3,
        },
    ];

    static readonly Weighted<DemoPersona> Mix = new(All.Select(p => (p, p.Share)).ToArray());

    public static DemoPersona Pick(Random r) => Mix.Next(r);

    /// <summary>Visitors who never sign up: short awareness and consideration visits, rarely as far as a cart.</summary>
    public static readonly DemoPersona Anonymous = new()
    {
        Name = "Anonymous",
        Traffic = new(("social", 0.35), ("search_ads", 0.30), ("web", 0.27), ("email", 0.08)),
        Site = new(("web", 1.0)),
        Device = new(("mobile", 0.60), ("desktop", 0.30), ("tablet", 0.10)),
        Bounce = 0.55, Views = (1, 2), Search = 0.25, Chat = 0.01, Cart = 0.08, Checkout = 0.25, Buy = 0,
    };
}
