using SalesMentor.Core.People;

namespace SalesMentor.Core.Demo;

/// <summary>Step 2 of <see cref="DemoPlan"/>: each rep's base performance from persona, title and team segment.</summary>
internal static class PlanPerformance
{
    internal static DemoPlan Plan(int seed, DemoRoster roster)
    {
        var segments = roster.Teams.ToDictionary(t => t.Name, t => t.Segment, StringComparer.Ordinal);
        var plans = new List<KeyValuePair<PersonId, DemoPerformance>>();
        for (var ordinal = 0; ordinal < roster.People.Count; ordinal++)
        {
            var person = roster.People[ordinal];
            if (!person.IsRep) continue;
            var random = DemoRandom.Create(seed, DemoStream.Performance, ordinal);
            var role = RoleFactor(person.Title, segments[person.Team!]);
            plans.Add(new(person.Id, ForPersona(person.Persona, role, random)));
        }

        return new DemoPlan(plans);
    }

    /// <summary>Deal-size factor of a title in a segment: what a steady rep in that seat sells, relative to list price.</summary>
    internal static double RoleFactor(string title, string segment)
    {
        var titleFactor = title switch
        {
            DemoTitles.SeniorAccountExecutive => 1.2,
            DemoTitles.SalesDevelopmentRep => 0.6,
            _ => 1.0,
        };
        var segmentFactor = segment switch
        {
            "Enterprise" => 1.3,
            "Mid-Market" => 1.1,
            "Commercial" => 0.9,
            _ => 0.75,
        };
        return titleFactor * segmentFactor;
    }

    /// <summary>The reference a quota is set against: a steady rep in the same seat.</summary>
    internal static DemoPerformance SteadyReference(double roleFactor)
        => new(0.24, roleFactor, 1.0, 1.0, 0, new ValueList<DemoUplift>([]));

    private static DemoPerformance ForPersona(DemoPersona persona, double role, DemoRandom random)
    {
        // Ranges (uniform): win rate by count, deal size, velocity, activity rate, ramp months.
        var (win, size, velocity, activity) = persona switch
        {
            DemoPersona.Star => ((0.37, 0.45), (1.25, 1.5), (1.2, 1.4), (1.05, 1.2)),
            DemoPersona.Struggler => ((0.08, 0.14), (0.7, 0.88), (0.72, 0.88), (0.6, 0.8)),
            DemoPersona.NewHire => ((0.18, 0.26), (0.85, 1.0), (0.9, 1.05), (1.1, 1.3)),
            DemoPersona.Leaver => ((0.14, 0.24), (0.8, 1.0), (0.8, 1.0), (0.75, 0.95)),
            _ => ((0.20, 0.28), (0.9, 1.1), (0.9, 1.1), (0.9, 1.1)),
        };
        return new DemoPerformance(
            BaseWinRate: random.Between(win.Item1, win.Item2),
            DealSizeMultiplier: role * random.Between(size.Item1, size.Item2),
            DealVelocity: random.Between(velocity.Item1, velocity.Item2),
            ActivityRate: random.Between(activity.Item1, activity.Item2),
            RampMonths: 3 + random.NextInt(3),
            Uplifts: new ValueList<DemoUplift>([]));
    }
}
