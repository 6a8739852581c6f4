using SalesMentor.Core.Kpis;

namespace SalesMentor.App.Kpis;

/// <summary>What <see cref="KpiLoader"/> read: the engine's input, the people behind its indexes, and what was left out.</summary>
internal sealed class KpiData
{
    public required IReadOnlyList<KpiPerson> People { get; init; }
    public required KpiInput Input { get; init; }
    public required KpiLoadProblems[] Problems { get; init; }

    /// <summary>The last day with data, not after today; today when there is no data.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The days the periods must cover, half-open: [<see cref="FirstDay"/>, <see cref="EndDay"/>).</summary>
    public required DateOnly FirstDay { get; init; }
    public required DateOnly EndDay { get; init; }

    /// <summary>Opportunities and activities that belong to nobody (their CRM owner matched no person).</summary>
    public int UnownedOpportunities { get; init; }
    public int UnownedActivities { get; init; }
}
