using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Mentoring;

/// <summary>
/// The arithmetic of a KPI goal's progress: the current value (the mean of the months of a window that have a value, like
/// the baseline), how far it has come from the baseline towards the target, and whether the mentee has surpassed their
/// mentor — <i>"help mentees develop skills even to the point of surpassing their own"</i>.
/// </summary>
public static class GoalProgress
{
    /// <summary>
    /// The mean of the values, leaving out months without one, rounded to 4 decimals (as the baseline is); null when no
    /// month has a value.
    /// </summary>
    public static decimal? Mean(IEnumerable<decimal?> monthly)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        var values = monthly.OfType<decimal>().ToList();
        return values.Count == 0 ? null : Math.Round(values.Average(), 4);
    }

    /// <summary>
    /// The share of the way from the baseline to the target the current value has come (0 at the baseline, 1 at the target,
    /// below 0 when it went the other way, above 1 past the target), rounded to 4 decimals; null without a baseline or a
    /// current value, or when the target is the baseline.
    /// </summary>
    public static decimal? Share(decimal? baseline, decimal? current, decimal target)
    {
        if (baseline is not { } b || current is not { } c || target == b) return null;
        return Math.Round((c - b) / (target - b), 4);
    }

    /// <summary>
    /// Whether higher values are better for this goal: the KPI's own direction, or — for a KPI without one (neutral) —
    /// the direction from the baseline to the target; null when neither says (neutral and no baseline, or target = baseline).
    /// </summary>
    public static bool? HigherIsBetter(KpiDirection direction, decimal? baseline, decimal target) => direction switch
    {
        KpiDirection.HigherIsBetter => true,
        KpiDirection.LowerIsBetter => false,
        _ => baseline is { } b && b != target ? target > b : null,
    };

    /// <summary>
    /// The mentee surpasses the mentor on a goal when both have a current value over the same months and the mentee's is
    /// strictly better in the goal's direction (<see cref="HigherIsBetter"/>). A tie, a missing value, or a goal without a
    /// direction is not surpassing.
    /// </summary>
    public static bool Surpasses(KpiDirection direction, decimal? baseline, decimal target, decimal? mentee, decimal? mentor)
    {
        if (mentee is not { } a || mentor is not { } b || HigherIsBetter(direction, baseline, target) is not { } higher) return false;
        return higher ? a > b : a < b;
    }
}
