namespace SalesMentor.Core.Demo;

/// <summary>
/// Spreads the rep personas over the teams: about 4.7 % stars (7 of 150), 15 % strugglers, 10 % new hires,
/// 8 % leavers, the rest steady; teams differ in size by at most one.
/// Guarantees what the demo sign-ins need: a team with a star and a struggler, and a star in another team.
/// </summary>
internal static class AssignPersonas
{
    internal static List<List<DemoPersona>> Assign(DemoRandom random, int reps, int teamCount)
    {
        var personas = new List<DemoPersona>(reps);
        AddMany(personas, DemoPersona.Star, Math.Max(2, (int)Math.Round(reps * 0.047)));
        AddMany(personas, DemoPersona.Struggler, (int)Math.Round(reps * 0.15));
        AddMany(personas, DemoPersona.NewHire, (int)Math.Round(reps * 0.10));
        AddMany(personas, DemoPersona.Leaver, (int)Math.Round(reps * 0.08));
        AddMany(personas, DemoPersona.Steady, reps - personas.Count);
        random.Shuffle(personas);

        var teams = new List<List<DemoPersona>>(teamCount);
        for (var team = 0; team < teamCount; team++) teams.Add([]);
        for (var i = 0; i < personas.Count; i++) teams[i % teamCount].Add(personas[i]);

        if (!teams.Any(team => HasSignInMix(teams, team))) MakeSignInMix(teams, teams[0]);
        return teams;
    }

    /// <summary>The team has a star and a struggler, and some other team has a star.</summary>
    internal static bool HasSignInMix(IEnumerable<IReadOnlyCollection<DemoPersona>> teams, IReadOnlyCollection<DemoPersona> team)
        => team.Contains(DemoPersona.Star) && team.Contains(DemoPersona.Struggler)
            && teams.Any(other => !ReferenceEquals(other, team) && other.Contains(DemoPersona.Star));

    private static void MakeSignInMix(List<List<DemoPersona>> teams, List<DemoPersona> target)
    {
        if (!target.Contains(DemoPersona.Struggler)) Swap(teams.First(t => t != target && t.Contains(DemoPersona.Struggler)), target, DemoPersona.Struggler);
        if (!target.Contains(DemoPersona.Star)) Swap(teams.First(t => t != target && t.Contains(DemoPersona.Star)), target, DemoPersona.Star);
        if (!teams.Any(t => t != target && t.Contains(DemoPersona.Star)))
        {
            // Every star is in the target team (there are at least two): move one to another team.
            Swap(target, teams.First(t => t != target), DemoPersona.Star);
        }
    }

    /// <summary>Moves one <paramref name="persona"/> from <paramref name="from"/> to <paramref name="to"/> in exchange
    /// for a rep of <paramref name="to"/> that is neither a star nor a struggler, so the counts stay the same.</summary>
    private static void Swap(List<DemoPersona> from, List<DemoPersona> to, DemoPersona persona)
    {
        var given = to.FindIndex(p => p is not DemoPersona.Star and not DemoPersona.Struggler);
        var taken = from.IndexOf(persona);
        (from[taken], to[given]) = (to[given], from[taken]);
    }

    private static void AddMany(List<DemoPersona> personas, DemoPersona persona, int count)
    {
        for (var i = 0; i < count; i++) personas.Add(persona);
    }
}
