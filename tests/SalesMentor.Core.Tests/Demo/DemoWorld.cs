using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

/// <summary>Builds a fresh demo organization for one test; generation is cheap, nothing is shared.</summary>
internal static class DemoWorld
{
    internal static readonly DateOnly AsOf = new(2026, 11, 26);

    internal static DemoOrganization Small(int seed = 1) => DemoGenerator.Generate(new DemoOptions(DemoSize.Small, seed, AsOf));

    /// <summary>The last day a person can have data: the day they left, else AsOf.</summary>
    internal static DateOnly LastDay(DemoOrganization org, DemoPerson person) => person.LeftOn ?? org.AsOf;

    /// <summary>The first day a person can have data: hired, but not before the window.</summary>
    internal static DateOnly FirstDay(DemoOrganization org, DemoPerson person)
        => person.HireDate > org.WindowStart ? person.HireDate : org.WindowStart;

    /// <summary>Won ÷ closed, by count, over the rep's whole data; null when nothing closed.</summary>
    internal static double? WinRate(IEnumerable<DemoOpportunity> opportunities)
    {
        var closed = opportunities.Where(o => o.IsClosed).ToList();
        return closed.Count == 0 ? null : (double)closed.Count(o => o.IsWon) / closed.Count;
    }
}
