namespace SalesMentor.Core.Kpis;

/// <summary>
/// Every KPI the engine computes per person and period. The first six are money (<see cref="KpiKind.Money"/>),
/// then counts, then ratios; <see cref="KpiCatalog"/> describes each. docs/kpis.md has the full definitions.
/// </summary>
public enum Kpi
{
    /// <summary>Sum of the amounts of deals won with a close date in the period.</summary>
    WonRevenue,

    /// <summary>Sum of the amounts of deals lost with a close date in the period.</summary>
    LostAmount,

    /// <summary>Won revenue ÷ won deals with an amount, rounded to 1/10,000; null when none.</summary>
    AverageDealSize,

    /// <summary>Sum of the amounts of opportunities created in the period, any status.</summary>
    PipelineCreated,

    /// <summary>Sum of the amounts of opportunities open at the period's end.</summary>
    OpenPipeline,

    /// <summary>Quotas prorated by days of overlap with the period; null when no quota overlaps.</summary>
    Quota,

    /// <summary>Deals won with a close date in the period.</summary>
    WonDeals,

    /// <summary>Deals lost with a close date in the period.</summary>
    LostDeals,

    /// <summary>Won + lost deals with a close date in the period.</summary>
    ClosedDeals,

    /// <summary>Won deals in the period without an amount.</summary>
    WonWithoutAmount,

    /// <summary>Lost deals in the period without an amount.</summary>
    LostWithoutAmount,

    /// <summary>Opportunities created in the period, any status.</summary>
    OpportunitiesCreated,

    /// <summary>Opportunities open at the period's end.</summary>
    OpenOpportunities,

    /// <summary>Won deals in the period whose sales cycle was measured.</summary>
    SalesCycleDeals,

    /// <summary>Won deals in the period left out of the sales cycle: no created date.</summary>
    SalesCycleMissingCreatedDate,

    /// <summary>Won deals in the period left out of the sales cycle: closed before created.</summary>
    SalesCycleNegative,

    /// <summary>Completed calls dated in the period.</summary>
    Calls,

    /// <summary>Completed emails dated in the period.</summary>
    Emails,

    /// <summary>Completed meetings dated in the period.</summary>
    Meetings,

    /// <summary>Completed tasks dated in the period.</summary>
    Tasks,

    /// <summary>Completed activities of other types dated in the period.</summary>
    OtherActivities,

    /// <summary>All completed activities dated in the period.</summary>
    Activities,

    /// <summary>Won ÷ (won + lost) by count; null when nothing closed.</summary>
    WinRateByCount,

    /// <summary>Won amount ÷ (won + lost amount); null when that sum is 0.</summary>
    WinRateByValue,

    /// <summary>Median days created → close of the deals won in the period; null when none.</summary>
    SalesCycleMedianDays,

    /// <summary>Mean days created → close of the deals won in the period; null when none.</summary>
    SalesCycleMeanDays,

    /// <summary>Won revenue ÷ quota; null when the quota is 0 or absent.</summary>
    QuotaAttainment,

    /// <summary>Open pipeline at the period's end ÷ (quota − won revenue); null when nothing remains.</summary>
    PipelineCoverage,
}

/// <summary>How a KPI's value is stored and read.</summary>
public enum KpiKind
{
    /// <summary>Fixed-point money (see <see cref="KpiMoney"/>), exact; read with <see cref="KpiTable.Money"/>.</summary>
    Money,

    /// <summary>A whole number ≥ 0; read with <see cref="KpiTable.Count"/>.</summary>
    Count,

    /// <summary>A ratio or a number of days as a double; read with <see cref="KpiTable.Ratio"/>.</summary>
    Ratio,
}

/// <summary>Which way is good, for trend arrows and skill signals.</summary>
public enum KpiDirection
{
    /// <summary>More is better (won revenue, win rate).</summary>
    HigherIsBetter,

    /// <summary>Less is better (sales cycle, lost deals).</summary>
    LowerIsBetter,

    /// <summary>Neither: context (quota) or a data-quality count.</summary>
    Neutral,
}
