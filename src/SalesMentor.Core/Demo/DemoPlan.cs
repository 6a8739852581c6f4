using System.Collections.Frozen;
using SalesMentor.Core.People;

namespace SalesMentor.Core.Demo;

/// <summary>
/// The performance plan of a demo organization: for every rep, the <see cref="DemoPerformance"/> that
/// opportunity and activity generation read. Everything about a rep's numbers is decided here, before
/// a single deal exists; the generators only turn the plan into records, lazily and per rep.
/// <para>
/// <see cref="DemoGenerator.Generate"/> runs these steps in order:
/// <list type="number">
/// <item>build the organization: regions, teams, people, personas, and the four demo sign-ins;</item>
/// <item>plan performance: persona, title and segment give each rep a base profile with no uplifts;</item>
/// <item>plan quotas from that base profile: what the company expected of each rep without any mentorship;</item>
/// <item><b>the mentorship plan</b> (<see cref="PlanMentoring"/>): decides programs and mentorships and returns
/// a new plan with <see cref="WithUplift"/> applied to each mentee from the month after their start,
/// in <see cref="DemoGenerator.Generate"/>;</item>
/// <item>generate opportunities and activities from the final plan, on demand.</item>
/// </list>
/// Each opportunity consumes a fixed number of random draws, and uplifts change neither the number
/// of opportunities nor the draws, so a planted uplift flips outcomes and grows amounts but leaves
/// the rest of a rep's data, and everybody else's, exactly as it was: the effect is the only difference.
/// </para>
/// </summary>
public sealed class DemoPlan
{
    private readonly FrozenDictionary<PersonId, DemoPerformance> _performance;

    internal DemoPlan(IEnumerable<KeyValuePair<PersonId, DemoPerformance>> performance)
        => _performance = performance.ToFrozenDictionary();

    /// <summary>The reps that have a plan.</summary>
    public IReadOnlyCollection<PersonId> Reps => _performance.Keys;

    /// <summary>The plan of a rep; throws <see cref="KeyNotFoundException"/> for anyone else.</summary>
    public DemoPerformance PerformanceOf(PersonId rep) => _performance[rep];

    /// <summary>Whether <paramref name="person"/> is a rep with a plan.</summary>
    public bool Contains(PersonId person) => _performance.ContainsKey(person);

    /// <summary>A new plan in which <paramref name="rep"/> also has <paramref name="uplift"/>; this plan is unchanged.</summary>
    public DemoPlan WithUplift(PersonId rep, DemoUplift uplift) => WithUplifts([(rep, uplift)]);

    /// <summary>A new plan with every (rep, uplift) added, built once; this plan is unchanged.</summary>
    public DemoPlan WithUplifts(IEnumerable<(PersonId Rep, DemoUplift Uplift)> uplifts)
    {
        ArgumentNullException.ThrowIfNull(uplifts);
        var added = uplifts.ToLookup(u => u.Rep, u => u.Uplift ?? throw new ArgumentException("An uplift is null.", nameof(uplifts)));
        foreach (var rep in added) PerformanceOf(rep.Key);
        return new DemoPlan(_performance.Select(p => added.Contains(p.Key)
            ? new KeyValuePair<PersonId, DemoPerformance>(p.Key, p.Value with { Uplifts = new ValueList<DemoUplift>(p.Value.Uplifts.Concat(added[p.Key]).OrderBy(u => u.From)) })
            : p));
    }
}
