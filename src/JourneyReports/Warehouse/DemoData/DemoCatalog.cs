namespace JourneyReports.Warehouse;

/// <summary>The product range: departments of categories with plausible price bands, held sorted by price so personas can lean cheap or dear.</summary>
internal sealed class DemoCatalog
{
    sealed record Category(string Department, string Name, double MinPrice, double MaxPrice, double Weight, string[] Nouns);

    static readonly Category[] Categories =
    [
        new("Home & Kitchen", "Cookware", 12, 120, 1.2, ["Frying pan", "Casserole dish", "Saucepan set", "Wok", "Roasting tin"]),
        new("Home & Kitchen", "Small appliances", 20, 220, 1.0, ["Kettle", "Toaster", "Blender", "Coffee machine", "Air fryer"]),
        new("Home & Kitchen", "Tableware", 5, 60, 0.9, ["Dinner set", "Mug set", "Glass tumblers", "Serving bowl"]),
        new("Home & Kitchen", "Bedding", 15, 150, 0.8, ["Duvet cover", "Pillow pair", "Throw", "Fitted sheet"]),
        new("Electronics", "Headphones", 15, 280, 0.9, ["Wireless earbuds", "Over-ear headphones", "Sports earphones"]),
        new("Electronics", "Smart home", 20, 200, 0.7, ["Smart speaker", "Video doorbell", "Smart plug pack", "Thermostat"]),
        new("Electronics", "Phone accessories", 5, 50, 1.1, ["Phone case", "Charging cable", "Power bank", "Screen protector"]),
        new("Electronics", "Tablets & e-readers", 80, 450, 0.3, ["Tablet", "E-reader", "Kids' tablet"]),
        new("Fashion", "Womenswear", 12, 90, 1.2, ["Knit jumper", "Midi dress", "Denim jacket", "Linen shirt"]),
        new("Fashion", "Menswear", 12, 90, 1.0, ["Oxford shirt", "Chinos", "Quilted jacket", "Crew-neck tee"]),
        new("Fashion", "Shoes", 25, 140, 0.8, ["Trainers", "Chelsea boots", "Loafers", "Sandals"]),
        new("Fashion", "Accessories", 5, 60, 0.8, ["Scarf", "Leather belt", "Wallet", "Beanie"]),
        new("Beauty", "Skincare", 6, 60, 1.0, ["Moisturiser", "Cleanser", "Serum", "SPF 50 lotion"]),
        new("Beauty", "Fragrance", 20, 110, 0.6, ["Eau de parfum", "Eau de toilette", "Body mist"]),
        new("Beauty", "Haircare", 4, 40, 0.8, ["Shampoo", "Conditioner", "Hair dryer", "Styling cream"]),
        new("Garden & DIY", "Power tools", 30, 250, 0.6, ["Cordless drill", "Jigsaw", "Sander", "Hedge trimmer"]),
        new("Garden & DIY", "Garden furniture", 40, 400, 0.4, ["Bistro set", "Sun lounger", "Parasol", "Bench"]),
        new("Garden & DIY", "Plants & seeds", 3, 30, 0.8, ["Seed collection", "Potted herb", "Bulb pack", "Compost"]),
        new("Toys & Books", "Books", 5, 30, 1.0, ["Cookbook", "Crime novel", "Children's picture book", "Travel guide"]),
        new("Toys & Books", "Board games", 10, 50, 0.6, ["Strategy game", "Family quiz", "Jigsaw puzzle"]),
        new("Toys & Books", "Toys", 8, 80, 0.8, ["Building set", "Plush toy", "Remote-control car", "Craft kit"]),
    ];

    static readonly string[] Brands = ["Harbour", "Northfield", "Kestrel", "Marlow", "Brightwell", "Oakden", "Linton", "Velo", "Amberly", "Cotswold", "Pennine", "Solent"];
    static readonly string[] Variants = ["Black", "White", "Grey", "Navy", "Sage", "Large", "Small", "Deluxe", "Classic", "Mini"];

    public long[] Ids { get; }
    public decimal[] Prices { get; }
    public string[] Departments { get; }

    DemoCatalog(long[] ids, decimal[] prices, string[] departments) => (Ids, Prices, Departments) = (ids, prices, departments);

    public int Count => Ids.Length;

    /// <summary>An index into the price-sorted catalog.</summary>
    public int Pick(Random r, double priceBias) => Math.Min((int)(Math.Pow(r.NextDouble(), priceBias) * Count), Count - 1);

    public static DemoCatalog Create(int count, int seed, DemoWriter writer)
    {
        var r = new Random(DemoRandom.Mix(seed, 0, 0));
        var categories = new Weighted<Category>(Categories.Select(c => (c, c.Weight)).ToArray());
        var products = new (long Id, decimal Price, string Department)[count];
        for (var i = 0; i < count; i++)
        {
            var c = categories.Next(r);
            // Log-uniform within the band, ending in .99 or .49 like a real price list.
            var raw = Math.Exp(r.Between(Math.Log(c.MinPrice), Math.Log(c.MaxPrice)));
            var price = (decimal)Math.Max(1, Math.Floor(raw)) - (r.Chance(0.7) ? 0.01m : 0.51m);
            if (price < 1) price = 0.99m;
            var name = $"{r.Pick(Brands)} {r.Pick(c.Nouns)}" + (r.Chance(0.6) ? $", {r.Pick(Variants)}" : "");
            writer.Product(i + 1, name, c.Name, c.Department, price);
            products[i] = (i + 1, price, c.Department);
        }
        Array.Sort(products, (a, b) => a.Price != b.Price ? a.Price.CompareTo(b.Price) : a.Id.CompareTo(b.Id));
        return new DemoCatalog(products.Select(p => p.Id).ToArray(), products.Select(p => p.Price).ToArray(), products.Select(p => p.Department).ToArray());
    }
}
