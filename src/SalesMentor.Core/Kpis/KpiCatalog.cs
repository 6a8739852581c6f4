namespace SalesMentor.Core.Kpis;

/// <summary>What the UI and the docs say about one KPI.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Id">Stable id, lower-case with dashes (e.g. "won-revenue"); used in URLs, exports and docs/kpis.md.</param>
/// <param name="Name">Short display name.</param>
/// <param name="Kind">How the value is stored.</param>
/// <param name="Unit">"currency", "deals", "opportunities", "activities", "ratio" (0–1) or "days".</param>
/// <param name="Direction">Which way is good.</param>
/// <param name="IsRanked">Whether percentile ranks are computed for it (data-quality counts are not ranked).</param>
/// <param name="Tooltip">One sentence for the tooltip next to the number; the same words as docs/kpis.md.</param>
public sealed record KpiDefinition(
    Kpi Kpi, string Id, string Name, KpiKind Kind, string Unit, KpiDirection Direction, bool IsRanked, string Tooltip);

/// <summary>The definitions of every <see cref="Kpi"/>, in enum order.</summary>
public static class KpiCatalog
{
    /// <summary>Number of money KPIs (the first values of <see cref="Kpi"/>).</summary>
    internal const int MoneyCount = (int)Kpi.WonDeals;

    /// <summary>Number of count KPIs.</summary>
    internal const int CountCount = Kpi.WinRateByCount - Kpi.WonDeals;

    /// <summary>Number of ratio KPIs.</summary>
    internal const int RatioCount = Kpi.PipelineCoverage - Kpi.WinRateByCount + 1;

    private const KpiDirection Up = KpiDirection.HigherIsBetter;
    private const KpiDirection Down = KpiDirection.LowerIsBetter;
    private const KpiDirection Neutral = KpiDirection.Neutral;

    /// <summary>Every KPI's definition, indexed by <c>(int)kpi</c>.</summary>
    public static IReadOnlyList<KpiDefinition> All { get; } =
    [
        Money(Kpi.WonRevenue, "won-revenue", "Won revenue", Up, true,
            "Sum of the amounts of the deals won with a close date in the period, in the corporate currency; won deals without an amount are left out of the sum."),
        Money(Kpi.LostAmount, "lost-amount", "Lost amount", Down, false,
            "Sum of the amounts of the deals lost with a close date in the period; lost deals without an amount are left out of the sum."),
        Money(Kpi.AverageDealSize, "average-deal-size", "Average deal size", Up, true,
            "Won revenue divided by the number of won deals that have an amount, rounded to the nearest 0.0001; empty when no deal with an amount was won."),
        Money(Kpi.PipelineCreated, "pipeline-created", "Pipeline created", Up, true,
            "Sum of the amounts of the opportunities created in the period, whether they are now open, won or lost."),
        Money(Kpi.OpenPipeline, "open-pipeline", "Open pipeline", Up, true,
            "Sum of the amounts of the opportunities open at the end of the period: created before the period ended and not closed before it ended."),
        Money(Kpi.Quota, "quota", "Quota", Neutral, false,
            "The quota for the period: each quota's amount times the share of its days that fall in the period; empty when no quota covers any day of the period."),
        Count(Kpi.WonDeals, "won-deals", "Won deals", "deals", Up, true,
            "Number of deals won with a close date in the period."),
        Count(Kpi.LostDeals, "lost-deals", "Lost deals", "deals", Down, true,
            "Number of deals lost with a close date in the period."),
        Count(Kpi.ClosedDeals, "closed-deals", "Closed deals", "deals", Up, true,
            "Number of deals won or lost with a close date in the period."),
        Count(Kpi.WonWithoutAmount, "won-without-amount", "Won deals without amount", "deals", Neutral, false,
            "Won deals in the period that have no amount: they count in won deals and win rate by count but in no sum."),
        Count(Kpi.LostWithoutAmount, "lost-without-amount", "Lost deals without amount", "deals", Neutral, false,
            "Lost deals in the period that have no amount: they count in lost deals and win rate by count but in no sum."),
        Count(Kpi.OpportunitiesCreated, "opportunities-created", "Opportunities created", "opportunities", Up, true,
            "Number of opportunities created in the period, whether they are now open, won or lost."),
        Count(Kpi.OpenOpportunities, "open-opportunities", "Open opportunities", "opportunities", Up, true,
            "Number of opportunities open at the end of the period: created before the period ended and not closed before it ended."),
        Count(Kpi.SalesCycleDeals, "sales-cycle-deals", "Deals in sales cycle", "deals", Neutral, false,
            "Number of won deals in the period whose sales cycle could be measured: created date known and not after the close date."),
        Count(Kpi.SalesCycleMissingCreatedDate, "sales-cycle-missing-created-date", "Won deals without created date", "deals", Neutral, false,
            "Won deals in the period left out of the sales cycle because their created date is unknown."),
        Count(Kpi.SalesCycleNegative, "sales-cycle-negative", "Won deals closed before created", "deals", Neutral, false,
            "Won deals in the period left out of the sales cycle because their close date is before their created date, a data problem to fix in the CRM."),
        Count(Kpi.Calls, "calls", "Calls", "activities", Up, true, "Number of completed calls dated in the period."),
        Count(Kpi.Emails, "emails", "Emails", "activities", Up, true, "Number of completed emails dated in the period."),
        Count(Kpi.Meetings, "meetings", "Meetings", "activities", Up, true, "Number of completed meetings dated in the period."),
        Count(Kpi.Tasks, "tasks", "Tasks", "activities", Up, true, "Number of completed tasks dated in the period."),
        Count(Kpi.OtherActivities, "other-activities", "Other activities", "activities", Up, true,
            "Number of completed activities of other types dated in the period."),
        Count(Kpi.Activities, "activities", "Activities", "activities", Up, true,
            "Number of completed activities of every type dated in the period; open and overdue ones do not count."),
        Ratio(Kpi.WinRateByCount, "win-rate-by-count", "Win rate (count)", "ratio", Up,
            "Won deals divided by won plus lost deals closed in the period; empty when nothing closed, never 0 for lack of data."),
        Ratio(Kpi.WinRateByValue, "win-rate-by-value", "Win rate (value)", "ratio", Up,
            "Won amount divided by won plus lost amount of the deals closed in the period that have an amount; empty when that sum is 0."),
        Ratio(Kpi.SalesCycleMedianDays, "sales-cycle-median-days", "Sales cycle (median)", "days", Down,
            "Median number of days from created to close of the deals won in the period (the mean of the two middle values for an even number of deals); empty when none."),
        Ratio(Kpi.SalesCycleMeanDays, "sales-cycle-mean-days", "Sales cycle (mean)", "days", Down,
            "Mean number of days from created to close of the deals won in the period; empty when none."),
        Ratio(Kpi.QuotaAttainment, "quota-attainment", "Quota attainment", "ratio", Up,
            "Won revenue divided by the quota for the period; empty when there is no quota or it is 0."),
        Ratio(Kpi.PipelineCoverage, "pipeline-coverage", "Pipeline coverage", "ratio", Up,
            "Open pipeline at the end of the period divided by the quota still to win (quota minus won revenue); empty when nothing of the quota remains."),
    ];

    /// <summary>The definition of <paramref name="kpi"/>.</summary>
    public static KpiDefinition Of(Kpi kpi) => All[(int)kpi];

    /// <summary>The KPI with the stable <paramref name="id"/>, or null.</summary>
    public static Kpi? FromId(string id) => All.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal))?.Kpi;

    /// <summary>How <paramref name="kpi"/> is stored.</summary>
    public static KpiKind KindOf(Kpi kpi)
        => kpi < Kpi.WonDeals ? KpiKind.Money : kpi < Kpi.WinRateByCount ? KpiKind.Count : KpiKind.Ratio;

    private static KpiDefinition Money(Kpi kpi, string id, string name, KpiDirection direction, bool ranked, string tooltip)
        => new(kpi, id, name, KpiKind.Money, "currency", direction, ranked, tooltip);

    private static KpiDefinition Count(Kpi kpi, string id, string name, string unit, KpiDirection direction, bool ranked, string tooltip)
        => new(kpi, id, name, KpiKind.Count, unit, direction, ranked, tooltip);

    private static KpiDefinition Ratio(Kpi kpi, string id, string name, string unit, KpiDirection direction, string tooltip)
        => new(kpi, id, name, KpiKind.Ratio, unit, direction, true, tooltip);
}
