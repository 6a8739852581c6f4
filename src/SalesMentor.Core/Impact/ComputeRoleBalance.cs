using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Impact;

/// <summary>The four roles of a sales manager.</summary>
public enum ManagerRole
{
    /// <summary>Authority: expectations, goals, funnel review.</summary>
    Supervisor,

    /// <summary>Improving task performance: call review, deal strategy.</summary>
    Coach,

    /// <summary>Teaching a skill.</summary>
    Trainer,

    /// <summary>Values, career, the long view.</summary>
    Mentor,
}

/// <summary>One logged interaction of a manager with a rep (no note: notes never feed a number).</summary>
/// <param name="Manager">Manager index.</param>
/// <param name="Rep">Rep index.</param>
/// <param name="Role">The role the manager played.</param>
/// <param name="Date">Local date of the interaction.</param>
/// <param name="Minutes">Length in minutes (≥ 0).</param>
public sealed record RoleInteraction(int Manager, int Rep, ManagerRole Role, DateOnly Date, int Minutes);

/// <summary>Minutes and shares per role for one manager (or the organization) in one period.</summary>
/// <param name="Manager">Manager index, or null for the whole organization.</param>
/// <param name="Period">The period, half-open.</param>
/// <param name="Minutes">Minutes per role, indexed by <see cref="ManagerRole"/>.</param>
/// <param name="Shares">Share of the total per role (0–1), indexed by <see cref="ManagerRole"/>; all 0 when no minutes.</param>
/// <param name="GapToTarget">Share minus target share per role (positive: more than the target); all 0 when no minutes.</param>
public sealed record RoleMix(int? Manager, Period Period, IReadOnlyList<int> Minutes, IReadOnlyList<double> Shares, IReadOnlyList<double> GapToTarget)
{
    /// <summary>Total minutes over the four roles.</summary>
    public int TotalMinutes => Minutes.Sum();
}

/// <summary>
/// Role balance: per manager and for the organization, the share of time per role in each period against a target mix,
/// and the reps who had no coaching for N weeks. Pure functions over an interaction list.
/// </summary>
public static class ComputeRoleBalance
{
    /// <summary>The mix per manager and period, then per period for the organization (manager null); interactions outside every period are ignored.</summary>
    /// <param name="interactions">The interactions.</param>
    /// <param name="periods">Periods, in order, non-overlapping.</param>
    /// <param name="target">Target share per role, indexed by <see cref="ManagerRole"/>; must sum to 1 (± 0.001).</param>
    /// <exception cref="ArgumentException">The target does not have four non-negative shares summing to 1, or minutes are negative.</exception>
    public static IReadOnlyList<RoleMix> Run(IEnumerable<RoleInteraction> interactions, IReadOnlyList<Period> periods, IReadOnlyList<double> target)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(target);
        const int roles = 4;
        if (target.Count != roles || target.Any(t => !(t >= 0)) || Math.Abs(target.Sum() - 1) > 0.001)
            throw new ArgumentException("The target mix has four non-negative shares that sum to 1.", nameof(target));
        var byManager = new SortedDictionary<int, int[]>();
        var org = new int[periods.Count * roles];
        foreach (var interaction in interactions)
        {
            if (interaction.Minutes < 0) throw new ArgumentException("Minutes are never negative.", nameof(interactions));
            var p = IndexOf(periods, interaction.Date);
            if (p < 0) continue;
            if (!byManager.TryGetValue(interaction.Manager, out var minutes)) byManager[interaction.Manager] = minutes = new int[periods.Count * roles];
            minutes[(p * roles) + (int)interaction.Role] += interaction.Minutes;
            org[(p * roles) + (int)interaction.Role] += interaction.Minutes;
        }

        var mixes = new List<RoleMix>();
        foreach (var (manager, minutes) in byManager) Add(manager, minutes);
        Add(null, org);
        return mixes;

        void Add(int? manager, int[] minutes)
        {
            for (var p = 0; p < periods.Count; p++)
            {
                var row = minutes.AsSpan(p * roles, roles).ToArray();
                var total = row.Sum();
                var shares = row.Select(m => total > 0 ? (double)m / total : 0).ToArray();
                var gaps = shares.Select((s, r) => total > 0 ? s - target[r] : 0).ToArray();
                mixes.Add(new RoleMix(manager, periods[p], row, shares, gaps));
            }
        }
    }

    /// <summary>
    /// Reps of <paramref name="reps"/> with no interaction in <paramref name="role"/> during the <paramref name="weeks"/> weeks before
    /// <paramref name="asOf"/>, i.e. none dated in [asOf − 7·weeks days, asOf); in the order given.
    /// </summary>
    public static IReadOnlyList<int> FindRepsWithout(IEnumerable<RoleInteraction> interactions, IEnumerable<int> reps, DateOnly asOf, int weeks, ManagerRole role = ManagerRole.Coach)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var from = asOf.AddDays(-7 * weeks);
        var seen = interactions.Where(i => i.Role == role && i.Date >= from && i.Date < asOf && i.Minutes > 0).Select(i => i.Rep).ToHashSet();
        return reps.Where(r => !seen.Contains(r)).ToList();
    }

    private static int IndexOf(IReadOnlyList<Period> periods, DateOnly date)
    {
        for (var p = 0; p < periods.Count; p++)
        {
            if (periods[p].Contains(date)) return p;
        }

        return -1;
    }
}
