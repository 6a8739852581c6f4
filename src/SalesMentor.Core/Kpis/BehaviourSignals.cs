namespace SalesMentor.Core.Kpis;

/// <summary>
/// One opportunity of the person whose behaviour signals are computed. Dates are local dates; the amount is fixed
/// point in the corporate currency (<see cref="KpiMoney"/>), null when unknown or not convertible.
/// </summary>
/// <param name="CreatedOn">Day it was created; null when unknown (then it is in no signal).</param>
/// <param name="CloseDate">The day it closed (closed deals); ignored while open.</param>
/// <param name="IsClosed">Closed won or lost, as the CRM says now.</param>
/// <param name="Amount">Value in 1/10,000 corporate-currency units; null when unknown.</param>
public readonly record struct SignalOpportunity(DateOnly? CreatedOn, DateOnly? CloseDate, bool IsClosed, long? Amount);

/// <summary>One activity the person logged.</summary>
/// <param name="Date">Local day it happened or is due.</param>
/// <param name="Completed">Done; only completed activities count.</param>
/// <param name="Opportunity">Index of the related opportunity in the same computation's opportunities, or −1.</param>
public readonly record struct SignalActivity(DateOnly Date, bool Completed, int Opportunity = -1);

/// <summary>
/// The behaviour signals of one person in one calendar month. The windows end at <see cref="Cut"/> (exclusive): the
/// month's end, or the day after the as-of day for the month that holds it.
/// </summary>
/// <param name="Month">The calendar month, labelled like 2026-03.</param>
/// <param name="Cut">The day after the last day counted.</param>
/// <param name="OpenOpportunities">Opportunities open at <see cref="Cut"/>: created before it and not closed before it.</param>
/// <param name="RecentActivities">Completed activities in the 30 days before <see cref="Cut"/>.</param>
/// <param name="TouchedOpportunities">Of the open ones, those with a completed activity in the 14 days before <see cref="Cut"/>.</param>
/// <param name="PipelineCreated">Σ amount of the opportunities created in the month (fixed point).</param>
/// <param name="OpportunitiesCreated">How many opportunities were created in the month.</param>
public sealed record BehaviourSignalMonth(
    Period Month, DateOnly Cut, int OpenOpportunities, int RecentActivities, int TouchedOpportunities, long PipelineCreated, int OpportunitiesCreated)
{
    /// <summary>Completed activities in the last 30 days ÷ open opportunities; null (empty) without open opportunities.</summary>
    public decimal? ActivitiesPerOpenOpportunity => OpenOpportunities == 0 ? null : (decimal)RecentActivities / OpenOpportunities;

    /// <summary>Share (0–1) of open opportunities touched in the last 14 days; null (empty) without open opportunities.</summary>
    public decimal? TouchedShare => OpenOpportunities == 0 ? null : (decimal)TouchedOpportunities / OpenOpportunities;
}

/// <summary>
/// The CRM signals of the behaviours catalog, per calendar month, for one person: activities per open opportunity,
/// pipeline created per month, and the share of open opportunities touched in the last 14 days. Pure; the definitions
/// are in docs/kpis.md (behaviour signals) and follow the KPI engine's (open at a day, completed activities only).
/// </summary>
public static class ComputeBehaviourSignals
{
    /// <summary>Days of activity counted for activities per open opportunity.</summary>
    public const int ActivityWindowDays = 30;

    /// <summary>Days within which an open opportunity counts as touched.</summary>
    public const int TouchWindowDays = 14;

    /// <summary>
    /// The signals of <paramref name="months"/> calendar months from the month holding <paramref name="firstMonth"/>,
    /// stopping after the month holding <paramref name="asOf"/> (no months without any day of data).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is negative, or an activity refers to no opportunity.</exception>
    public static IReadOnlyList<BehaviourSignalMonth> Monthly(
        ReadOnlySpan<SignalOpportunity> opportunities, ReadOnlySpan<SignalActivity> activities, DateOnly firstMonth, int months, DateOnly asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        foreach (var a in activities)
        {
            if (a.Opportunity < -1 || a.Opportunity >= opportunities.Length) throw new ArgumentOutOfRangeException(nameof(activities), a.Opportunity, "An activity refers to an opportunity that is not in the list.");
        }

        var result = new List<BehaviourSignalMonth>(months);
        var touched = new bool[opportunities.Length];
        var month = FiscalCalendar.MonthOf(firstMonth);
        for (var i = 0; i < months && month.Start <= asOf; i++, month = FiscalCalendar.MonthOf(month.End))
        {
            var cut = month.End <= asOf ? month.End : asOf.AddDays(1);
            result.Add(One(opportunities, activities, month, cut, touched));
        }

        return result;
    }

    private static BehaviourSignalMonth One(ReadOnlySpan<SignalOpportunity> opportunities, ReadOnlySpan<SignalActivity> activities, Period month, DateOnly cut, bool[] touched)
    {
        var (activityFrom, touchFrom) = (cut.AddDays(-ActivityWindowDays), cut.AddDays(-TouchWindowDays));
        Array.Clear(touched);
        var recent = 0;
        foreach (var a in activities)
        {
            if (!a.Completed || a.Date >= cut || a.Date < activityFrom) continue;
            recent++;
            if (a.Opportunity >= 0 && a.Date >= touchFrom) touched[a.Opportunity] = true;
        }

        var (open, touchedOpen, created, pipeline) = (0, 0, 0, 0L);
        for (var o = 0; o < opportunities.Length; o++)
        {
            var opportunity = opportunities[o];
            if (opportunity.CreatedOn is not { } createdOn || (opportunity.IsClosed && opportunity.CloseDate is null)) continue;
            if (month.Contains(createdOn))
            {
                created++;
                pipeline += opportunity.Amount ?? 0;
            }

            if (!IsOpenAt(opportunity, createdOn, cut)) continue;
            open++;
            if (touched[o]) touchedOpen++;
        }

        return new BehaviourSignalMonth(month, cut, open, recent, touchedOpen, pipeline, created);
    }

    // As the KPI engine's open pipeline: created before the day, and not closed, or closed on or after it. (A closed
    // deal without a close date cannot be placed in time: like the engine, it is in no signal at all.)
    private static bool IsOpenAt(SignalOpportunity o, DateOnly createdOn, DateOnly cut) =>
        createdOn < cut && (!o.IsClosed || o.CloseDate >= cut);
}
