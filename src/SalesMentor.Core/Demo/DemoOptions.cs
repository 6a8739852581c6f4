namespace SalesMentor.Core.Demo;

/// <summary>How large a demo organization to generate.</summary>
public enum DemoSize
{
    /// <summary>
    /// The first-start demo: 150 reps in 12 teams (4 per region), about 7,300 opportunities and
    /// 40,000 activities over the 24 months.
    /// </summary>
    Small,

    /// <summary>
    /// The benchmark organization: a high-velocity inside-sales team of 2,000 reps in 168 teams
    /// (56 per region), about 1,000,000 opportunities and 2,000,000 activities over the 24 months,
    /// mostly smaller, faster deals. Its sales data is only ever streamed, never held in memory.
    /// </summary>
    Large,
}

/// <summary>
/// Everything the demo generator's output depends on: the same options always give the same
/// organization, the same ids and the same sales data, on every machine.
/// </summary>
/// <param name="Size">How many people and how much sales data.</param>
/// <param name="Seed">Seed of every random choice; a different seed gives different people, ids and numbers.</param>
/// <param name="AsOf">
/// The "today" of the demo and the last day with data. The data window is the 24 months ending on this day,
/// inclusive: [<c>AsOf.AddMonths(-24).AddDays(1)</c>, <c>AsOf.AddDays(1)</c>).
/// </param>
/// <param name="Currency">ISO 4217 code of every amount and quota.</param>
/// <param name="EmailDomain">Domain of every email address, including the four demo sign-in addresses.</param>
public sealed record DemoOptions(
    DemoSize Size,
    int Seed,
    DateOnly AsOf,
    string Currency = "USD",
    string EmailDomain = "demo.example");

/// <summary>The numbers that differ between <see cref="DemoSize.Small"/> and <see cref="DemoSize.Large"/>.</summary>
/// <param name="ManagersPerRegion">Teams per region; there are three regions.</param>
/// <param name="Reps">Reps in the whole organization, spread evenly over the teams.</param>
/// <param name="OpportunitiesPerRepMonth">Opportunities a fully ramped rep with velocity 1 creates per month.</param>
/// <param name="ActivitiesPerOpportunity">Mean activities logged on a typical (45-day) opportunity.</param>
/// <param name="ProspectingPerRepMonth">Mean activities per month that are not tied to an opportunity.</param>
/// <param name="AccountsPerRep">Range [min, max) of the number of accounts each rep sells to.</param>
/// <param name="ProductWeights">Relative frequency of each product of <see cref="DemoCatalog.Products"/>.</param>
internal sealed record DemoScale(
    int ManagersPerRegion,
    int Reps,
    double OpportunitiesPerRepMonth,
    double ActivitiesPerOpportunity,
    double ProspectingPerRepMonth,
    (int Min, int Max) AccountsPerRep,
    IReadOnlyList<double> ProductWeights)
{
    internal static DemoScale For(DemoSize size) => size switch
    {
        DemoSize.Small => new(4, 150, 2.7, 4.0, 6.0, (12, 30), [30, 20, 6, 15, 19, 10]),
        DemoSize.Large => new(56, 2000, 27.0, 2.8, 8.0, (60, 150), [20, 15, 2, 10, 45, 8]),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown demo size."),
    };
}
