using SalesMentor.Core.Impact;
using SalesMentor.Core.People;

namespace SalesMentor.Core.Demo;

/// <summary>Where a demo program stands on the demo's "today".</summary>
public enum DemoProgramState
{
    /// <summary>Ended: every mentorship closed.</summary>
    Completed,

    /// <summary>Under way: mentorships active.</summary>
    Running,
}

/// <summary>One mentor–mentee pair of a demo program, from <see cref="StartedOn"/> to <see cref="EndedOn"/> (null: still running).</summary>
public sealed record DemoPair(PersonId Mentor, PersonId Mentee, DateOnly StartedOn, DateOnly? EndedOn);

/// <summary>A demo mentorship program with its pairs.</summary>
public sealed record DemoProgram(string Name, string Goals, DateOnly StartsOn, DateOnly EndsOn, DemoProgramState State, IReadOnlyList<DemoPair> Pairs);

/// <summary>One logged manager interaction of the demo (no private note: the demo holds nothing confidential).</summary>
public sealed record DemoInteraction(PersonId Manager, PersonId Rep, DateOnly Date, ManagerRole Role, int Minutes, string Topic);

/// <summary>The demo's mentoring programs: a completed one, a running one and a thin pilot (manager interactions are generated on demand).</summary>
public sealed record DemoMentoring(IReadOnlyList<DemoProgram> Programs);

/// <summary>
/// Step 4 of <see cref="DemoPlan"/>: decides programs and mentorships and plants a modest effect on each mentee from the
/// month after their start (the plug-in point the plan was built for). Mentees select themselves as real ones do:
/// reps with lower win rates join more often. Mentors are stars, at most two mentees each per program, never in the
/// mentee's team. The demo sign-ins star@ and mentee@ are a pair of the running program.
/// </summary>
internal static class PlanMentoring
{
    /// <summary>The planted effect: win probability points added to mentees from a month after their start.</summary>
    internal const double WinRateUplift = 0.08;

    /// <summary>The planted effect on deal size and activity volume.</summary>
    internal const double DealSizeUplift = 1.08, ActivityUplift = 1.15;

    private static readonly string[][] Topics =
    [
        ["Pipeline review", "Quarter forecast", "Goals for next quarter", "Funnel check: stale opportunities", "Quota attainment review"],
        ["Call review: discovery call", "Deal strategy: Acme renewal", "Role-play: pricing objection", "Joint call debrief", "Proposal review"],
        ["Product training: analytics add-on", "Negotiation basics", "Qualification framework walkthrough", "CRM hygiene training"],
        ["Career path conversation", "Values: customer first in practice", "Long-term development plan", "Handling a tough quarter"],
    ];

    // Role mixes (supervisor, coach, trainer, mentor) managers lean toward: some supervise mostly, some coach.
    private static readonly double[][] Styles = [[0.55, 0.25, 0.1, 0.1], [0.25, 0.45, 0.15, 0.15], [0.3, 0.3, 0.2, 0.2], [0.4, 0.2, 0.3, 0.1]];

    internal static (DemoMentoring Mentoring, DemoPlan Plan) Plan(int seed, DemoRoster roster, DemoPlan plan, DemoLogins logins, DateOnly asOf, bool large)
    {
        var random = DemoRandom.Create(seed, DemoStream.Mentoring, 0);
        var month = new DateOnly(asOf.Year, asOf.Month, 1);
        var people = roster.People;
        var stars = people.Where(p => p.Persona == DemoPersona.Star && p.LeftOn is null).ToList();
        var taken = new HashSet<PersonId> { logins.Star.PersonId, logins.Mentee.PersonId };
        var programs = new List<DemoProgram>();

        var completedStart = month.AddMonths(-15);
        var completed = Pairs(random, people, plan, stars, taken, completedStart, waves: 3, count: large ? 60 : 24, length: 6, capacity: 3);
        programs.Add(new DemoProgram($"Mentoring cohort {completedStart.Year}", "Lift win rate and deal size of reps below target through star mentors.",
            completedStart, completedStart.AddMonths(8).AddDays(-1), DemoProgramState.Completed, completed));

        var runningStart = month.AddMonths(-4);
        var running = new List<DemoPair> { new(logins.Star.PersonId, logins.Mentee.PersonId, runningStart, null) };
        running.AddRange(Pairs(random, people, plan, stars, taken, runningStart, waves: 2, count: large ? 40 : 11, length: null, capacity: 2));
        programs.Add(new DemoProgram($"Mentoring cohort {runningStart.Year}–{runningStart.AddMonths(9).Year}", "Second cohort: qualification and pipeline discipline.",
            runningStart, runningStart.AddMonths(9).AddDays(-1), DemoProgramState.Running, running));

        var pilotStart = month.AddMonths(-2);
        var pilot = Pairs(random, people, plan, stars, taken, pilotStart, waves: 1, count: 3, length: null, capacity: 1);
        programs.Add(new DemoProgram("Pilot: new-hire mentoring", "A small trial pairing new hires with stars; too early and too small to judge.",
            pilotStart, pilotStart.AddMonths(6).AddDays(-1), DemoProgramState.Running, pilot));

        var uplifts = programs.SelectMany(p => p.Pairs)
            .Select(pair => (pair.Mentee, new DemoUplift(pair.StartedOn.AddMonths(1), WinRateUplift * random.Between(0.5, 1.5), DealSizeUplift, ActivityUplift)))
            .ToList();
        return (new DemoMentoring(programs), plan.WithUplifts(uplifts));
    }

    /// <summary>Mentees drawn with a weight that falls steeply with their base win rate (self-selection), each with a star from another team.</summary>
    private static List<DemoPair> Pairs(
        DemoRandom random, IReadOnlyList<DemoPerson> people, DemoPlan plan, List<DemoPerson> stars, HashSet<PersonId> taken, DateOnly start, int waves, int count, int? length,
        int capacity)
    {
        var candidates = people.Where(p => p.Persona is DemoPersona.Steady or DemoPersona.Struggler && !taken.Contains(p.Id)
            && p.HireDate <= start.AddMonths(-9) && (p.LeftOn is null || p.LeftOn > start.AddMonths(length ?? 12))).ToList();
        var load = stars.ToDictionary(s => s.Id, _ => 0);
        var pairs = new List<DemoPair>();
        while (pairs.Count < count && candidates.Count > 0)
        {
            var weights = candidates.Select(c => Math.Exp(-12 * plan.PerformanceOf(c.Id).BaseWinRate)).ToList();
            var mentee = candidates[random.PickWeighted(weights)];
            candidates.Remove(mentee);
            var mentors = stars.Where(s => s.Team != mentee.Team && load[s.Id] < capacity && !taken.Contains(s.Id)).ToList();
            if (mentors.Count == 0) break;
            var mentor = random.Pick(mentors);
            load[mentor.Id]++;
            taken.Add(mentee.Id);
            var started = start.AddMonths(pairs.Count % waves);
            pairs.Add(new DemoPair(mentor.Id, mentee.Id, started, length is { } months ? started.AddMonths(months).AddDays(-1) : null));
        }

        return pairs;
    }

    /// <summary>A year of manager interactions, generated on demand: each manager meets each of their reps most weeks, in the manager's own role mix.</summary>
    internal static IEnumerable<DemoInteraction> Interactions(int seed, IReadOnlyList<DemoPerson> people, DateOnly asOf)
    {
        var first = asOf.AddDays(-364);
        var managers = people.Where(p => p.Persona == DemoPersona.Manager).ToList();
        for (var m = 0; m < managers.Count; m++)
        {
            var manager = managers[m];
            var random = DemoRandom.Create(seed, DemoStream.Mentoring, m + 1);
            var style = Styles[m % Styles.Length];
            foreach (var rep in people.Where(p => p.ManagerId == manager.Id && p.IsRep))
            {
                for (var week = first; week <= asOf; week = week.AddDays(7))
                {
                    if (week < rep.HireDate || (rep.LeftOn is { } left && week >= left) || !random.Chance(0.6)) continue;
                    var role = (ManagerRole)random.PickWeighted(style);
                    var day = week.AddDays(random.NextInt(5));
                    if (day > asOf) continue;
                    yield return new DemoInteraction(manager.Id, rep.Id, day, role, 15 * (1 + random.NextInt(4)), random.Pick(Topics[(int)role]));
                }
            }
        }
    }
}
