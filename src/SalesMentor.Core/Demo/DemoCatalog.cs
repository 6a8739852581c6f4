namespace SalesMentor.Core.Demo;

/// <summary>A product of the demo catalog.</summary>
/// <param name="Name">Product name.</param>
/// <param name="ListPrice">Typical deal amount before persona, title and segment factors.</param>
/// <param name="MinPrice">Smallest amount sold.</param>
/// <param name="MaxPrice">Largest amount sold.</param>
/// <param name="CycleDays">Typical days from creation to close for a velocity-1 rep.</param>
internal sealed record DemoProduct(string Name, double ListPrice, double MinPrice, double MaxPrice, int CycleDays);

/// <summary>The fixed lists the demo draws from: regions, products, companies, lead sources.</summary>
internal static class DemoCatalog
{
    /// <summary>Spread of deal amounts around the list price (σ of the log).</summary>
    internal const double AmountSpread = 0.25;

    internal static readonly IReadOnlyList<DemoRegion> Regions =
    [
        new("North America", "NA", "America/New_York"),
        new("EMEA", "EMEA", "Europe/Berlin"),
        new("APAC", "APAC", "Asia/Singapore"),
    ];

    internal static readonly IReadOnlyList<string> Segments = ["Enterprise", "Mid-Market", "Commercial", "SMB"];

    /// <summary>In the order of <see cref="DemoScale.ProductWeights"/>.</summary>
    internal static readonly IReadOnlyList<DemoProduct> Products =
    [
        new("Core Platform", 24_000, 6_000, 90_000, 60),
        new("Analytics Add-on", 9_000, 2_500, 30_000, 35),
        new("Enterprise Suite", 40_000, 15_000, 120_000, 90),
        new("Onboarding Services", 6_000, 1_500, 20_000, 25),
        new("Starter Plan", 3_000, 800, 10_000, 20),
        new("Premium Support", 12_000, 4_000, 40_000, 30),
    ];

    internal static readonly IReadOnlyList<string> LeadSources = ["Inbound", "Outbound", "Partner", "Event", "Referral"];

    internal static readonly IReadOnlyList<double> LeadSourceWeights = [30, 35, 10, 10, 15];

    private static readonly string[] CompanyStems =
    [
        "Northwind", "Blue Harbor", "Cedar", "Quantum", "Silverline", "Redwood", "Brightpath", "Ironbridge",
        "Evergreen", "Summit", "Lakeside", "Horizon", "Aurora", "Granite", "Meridian", "Pinecrest", "Harborview",
        "Clearwater", "Stonefield", "Riverbend", "Oakridge", "Sunrise", "Nordlicht", "Fjordview", "Sakura",
        "Lotus", "Monsoon", "Kestrel", "Orchid", "Baobab", "Atlas", "Vela", "Zephyr", "Coral Bay", "Tundra",
        "Saffron", "Jade River", "Alpenglow", "Mistral", "Kauri", "Andes", "Sahara", "Borealis", "Copperleaf",
    ];

    private static readonly string[] Industries =
    [
        "Logistics", "Foods", "Analytics", "Health", "Systems", "Partners", "Manufacturing", "Energy", "Retail",
        "Capital", "Robotics", "Pharma", "Media", "Telecom", "Textiles", "Construction", "Insurance", "Travel",
    ];

    private static readonly string[][] LegalSuffixes =
    [
        ["Inc.", "LLC", "Corp.", "Inc."],
        ["GmbH", "Ltd", "S.A.", "B.V.", "AB", "S.p.A.", "SAS"],
        ["Pte Ltd", "K.K.", "Pty Ltd", "Co., Ltd.", "Ltd"],
    ];

    /// <summary>A generated company name with a legal suffix typical for the region; never a real company on purpose.</summary>
    internal static string CompanyName(DemoRandom random, int regionIndex)
        => $"{random.Pick(CompanyStems)} {random.Pick(Industries)} {random.Pick(LegalSuffixes[regionIndex])}";

    /// <summary>Expected amount of one deal at deal-size multiplier 1, over the product mix of a scale.</summary>
    internal static double ExpectedListPrice(IReadOnlyList<double> productWeights)
    {
        var total = 0.0;
        var weighted = 0.0;
        for (var i = 0; i < Products.Count; i++)
        {
            total += productWeights[i];
            weighted += productWeights[i] * Products[i].ListPrice;
        }

        // Amounts are log-normal around the list price: their mean is exp(σ²/2) above it.
        return weighted / total * Math.Exp(AmountSpread * AmountSpread / 2);
    }
}
