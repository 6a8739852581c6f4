using SalesMentor.Core.Matching;

namespace SalesMentor.Core.Tests.Matching;

/// <summary>Random problems for the tests, deterministic from a seed.</summary>
internal static class MatchingInstances
{
    /// <summary>
    /// A tiny problem with at most <paramref name="people"/> people: random capacities (0 included), missing pairs,
    /// ties, forbidden pairs, a minimum score, feasible locks and, sometimes, explicit rankings.
    /// </summary>
    internal static MatchProblem Tiny(Random random, int people = 8)
    {
        var n = random.Next(0, people);
        var m = random.Next(0, people + 1 - n);
        var capacities = Enumerable.Range(0, m).Select(_ => random.Next(0, 4)).ToArray();
        var scoreRange = random.Next(3) switch { 0 => 1, 1 => 4, _ => 1001 };
        var density = random.NextDouble();
        var arcs = new List<MatchArc>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (random.NextDouble() < density) arcs.Add(new MatchArc(i, j, random.Next(scoreRange)));
            }
        }

        Shuffle(random, arcs);
        var forbidden = new List<MatchPair>();
        if (random.Next(3) == 0)
        {
            for (var f = random.Next(1, 4); f > 0 && n > 0 && m > 0; f--) forbidden.Add(new MatchPair(random.Next(n), random.Next(m)));
        }

        var locked = new List<MatchPair>();
        if (random.Next(3) == 0 && arcs.Count > 0)
        {
            var lockLoad = new int[m];
            foreach (var arc in arcs.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
            {
                if (locked.Any(l => l.Mentee == arc.Mentee) || lockLoad[arc.Mentor] >= capacities[arc.Mentor]) continue;
                lockLoad[arc.Mentor]++;
                locked.Add(new MatchPair(arc.Mentee, arc.Mentor));
            }
        }

        var ranked = random.Next(4) == 0;
        return new MatchProblem(n, capacities, arcs.ToArray())
        {
            Forbidden = forbidden.ToArray(),
            Locked = locked.ToArray(),
            MinimumScore = random.Next(4) == 0 ? random.Next(scoreRange) : 0,
            MenteeRanks = ranked ? arcs.Select(_ => random.Next(0, 4)).ToArray() : default,
            MentorRanks = ranked && random.Next(2) == 0 ? arcs.Select(_ => random.Next(0, 4)).ToArray() : default,
        };
    }

    /// <summary>
    /// A sparse problem: each mentee lists <paramref name="candidates"/> distinct random mentors, scores uniform in
    /// [0, <paramref name="maxScore"/>] or, when <paramref name="lowRank"/>, from two latent factors (many near-ties).
    /// </summary>
    internal static MatchProblem Sparse(int seed, int mentees, int mentors, int candidates, Func<Random, int> capacity, int maxScore = 1000, bool lowRank = false)
    {
        var random = new Random(seed);
        var capacities = Enumerable.Range(0, mentors).Select(_ => capacity(random)).ToArray();
        var menteeFactor = Enumerable.Range(0, mentees).Select(_ => (random.NextDouble(), random.NextDouble())).ToArray();
        var mentorFactor = Enumerable.Range(0, mentors).Select(_ => (random.NextDouble(), random.NextDouble())).ToArray();
        var arcs = new List<MatchArc>(mentees * candidates);
        var chosen = new HashSet<int>();
        for (var i = 0; i < mentees; i++)
        {
            chosen.Clear();
            while (chosen.Count < Math.Min(candidates, mentors)) chosen.Add(random.Next(mentors));
            foreach (var j in chosen)
            {
                var score = lowRank
                    ? (int)(maxScore * ((menteeFactor[i].Item1 * mentorFactor[j].Item1) + (menteeFactor[i].Item2 * mentorFactor[j].Item2)) / 2)
                    : random.Next(maxScore + 1);
                arcs.Add(new MatchArc(i, j, score));
            }
        }

        return new MatchProblem(mentees, capacities, arcs.ToArray());
    }

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var k = random.Next(i + 1);
            (items[i], items[k]) = (items[k], items[i]);
        }
    }
}
