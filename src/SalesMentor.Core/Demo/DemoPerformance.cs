namespace SalesMentor.Core.Demo;

/// <summary>
/// A change to a rep's performance from a day on, e.g. the effect planted on a mentee once their
/// mentorship starts. Uplifts add up: every uplift with <see cref="From"/> ≤ the day applies.
/// </summary>
/// <param name="From">First day it applies (inclusive): it changes opportunities created on or after this day (their
/// outcome, amount and activities) and prospecting from the month segment starting on or after it.</param>
/// <param name="WinRateDelta">Added to the win probability (by count), e.g. 0.05 = 5 percentage points.</param>
/// <param name="DealSizeFactor">Multiplies deal amounts; 1 = no change.</param>
/// <param name="ActivityFactor">Multiplies activity volume; 1 = no change.</param>
public sealed record DemoUplift(DateOnly From, double WinRateDelta, double DealSizeFactor, double ActivityFactor);

/// <summary>
/// How one rep performs: the data profile that opportunity and activity generation read.
/// Amounts and rates are before monthly noise; see <see cref="DemoPlan"/> for how it is decided.
/// </summary>
/// <param name="BaseWinRate">Probability (0–1) that an opportunity created when fully ramped is won.</param>
/// <param name="DealSizeMultiplier">Multiplies catalog prices; includes persona, title and team segment.</param>
/// <param name="DealVelocity">Multiplies opportunities created per month and divides sales-cycle length (stars &gt; 1).</param>
/// <param name="ActivityRate">Multiplies activities per opportunity and prospecting activities per month.</param>
/// <param name="RampMonths">Months after the hire date until fully productive; in between, volume rises from 25 %,
/// win rate from 50 % and deal size from 80 % of the full value, linearly.</param>
/// <param name="Uplifts">Changes from given days on, oldest first; empty unless a later planning step adds some.</param>
public sealed record DemoPerformance(
    double BaseWinRate,
    double DealSizeMultiplier,
    double DealVelocity,
    double ActivityRate,
    int RampMonths,
    IReadOnlyList<DemoUplift> Uplifts)
{
    private const double DaysPerMonth = 30.44;

    /// <summary>Share of full productivity (0–1) on <paramref name="day"/> for someone hired on <paramref name="hireDate"/>.</summary>
    internal double Ramp(DateOnly hireDate, DateOnly day)
    {
        if (RampMonths <= 0) return 1;
        var months = (day.DayNumber - hireDate.DayNumber) / DaysPerMonth;
        return Math.Clamp(months / RampMonths, 0, 1);
    }

    /// <summary>Win probability on a day, given the ramp and a monthly form delta; clamped to [0.02, 0.85].</summary>
    internal double WinRateOn(DateOnly day, double ramp, double formDelta)
    {
        var rate = (BaseWinRate * (0.5 + (0.5 * ramp))) + formDelta;
        foreach (var uplift in Uplifts)
        {
            if (uplift.From <= day) rate += uplift.WinRateDelta;
        }

        return Math.Clamp(rate, 0.02, 0.85);
    }

    /// <summary>Deal-size multiplier on a day, given the ramp.</summary>
    internal double DealSizeOn(DateOnly day, double ramp)
    {
        var size = DealSizeMultiplier * (0.8 + (0.2 * ramp));
        foreach (var uplift in Uplifts)
        {
            if (uplift.From <= day) size *= uplift.DealSizeFactor;
        }

        return size;
    }

    /// <summary>Activity multiplier on a day.</summary>
    internal double ActivityOn(DateOnly day)
    {
        var rate = ActivityRate;
        foreach (var uplift in Uplifts)
        {
            if (uplift.From <= day) rate *= uplift.ActivityFactor;
        }

        return rate;
    }

    /// <summary>Volume multiplier (opportunities created) for a ramp share: 25 % on day one, 100 % when ramped.</summary>
    internal static double VolumeAt(double ramp) => 0.25 + (0.75 * ramp);
}
