using SalesMentor.Core.Matching;

namespace SalesMentor.Bench;

/// <summary>
/// The match-* instances, generated deterministically from a seed. Scores are integers 0–1000, either uniform or
/// "low-rank": the product of three latent factors per person (a mentee's needs, a mentor's strengths), so every
/// mentee ranks mentors alike, a few mentors are popular and near-ties abound — the hard case.
/// </summary>
internal static class MatchBenchData
{
    private const int Factors = 3;

    internal static readonly string[] Variants = ["uniform", "low-rank"];

    /// <summary>The problem of <paramref name="scenario"/> (match-s, match-m or match-l; match-fair and match-stable use match-m).</summary>
    internal static MatchProblem Generate(string scenario, string variant, ulong seed)
    {
        var lowRank = variant == "low-rank";
        var random = new Random(unchecked((int)seed ^ (lowRank ? 0x5bd1e995 : 0)));
        return scenario switch
        {
            "match-s" => Dense(random, 1_000, 300, lowRank),
            "match-l" => Sparse(random, 100_000, 20_000, 50, lowRank),
            _ => Sparse(random, 20_000, 4_000, 50, lowRank),
        };
    }

    /// <summary>Every pair listed, capacities 2–5, 2% of the pairs forbidden.</summary>
    private static MatchProblem Dense(Random random, int mentees, int mentors, bool lowRank)
    {
        var capacities = new int[mentors];
        for (var j = 0; j < mentors; j++) capacities[j] = random.Next(2, 6);
        var (menteeFactors, mentorFactors) = LatentFactors(random, mentees, mentors);
        var arcs = new MatchArc[mentees * mentors];
        var forbidden = new List<MatchPair>();
        for (var i = 0; i < mentees; i++)
        {
            for (var j = 0; j < mentors; j++)
            {
                arcs[(i * mentors) + j] = new MatchArc(i, j, Score(random, lowRank, menteeFactors, mentorFactors, i, j));
                if (random.NextDouble() < 0.02) forbidden.Add(new MatchPair(i, j));
            }
        }

        return new MatchProblem(mentees, capacities, arcs) { Forbidden = forbidden.ToArray() };
    }

    /// <summary>Each mentee lists <paramref name="candidates"/> distinct random mentors; every capacity 5, so seats = mentees.</summary>
    private static MatchProblem Sparse(Random random, int mentees, int mentors, int candidates, bool lowRank)
    {
        var capacities = new int[mentors];
        Array.Fill(capacities, mentees / mentors);
        var (menteeFactors, mentorFactors) = LatentFactors(random, mentees, mentors);
        var arcs = new MatchArc[mentees * candidates];
        var chosen = new int[mentors];
        var at = 0;
        for (var i = 0; i < mentees; i++)
        {
            for (var c = 0; c < candidates; c++)
            {
                int j;
                do j = random.Next(mentors);
                while (chosen[j] == i + 1);
                chosen[j] = i + 1;
                arcs[at++] = new MatchArc(i, j, Score(random, lowRank, menteeFactors, mentorFactors, i, j));
            }
        }

        return new MatchProblem(mentees, capacities, arcs);
    }

    private static (double[] Mentees, double[] Mentors) LatentFactors(Random random, int mentees, int mentors)
    {
        var menteeFactors = new double[mentees * Factors];
        var mentorFactors = new double[mentors * Factors];
        for (var f = 0; f < menteeFactors.Length; f++) menteeFactors[f] = random.NextDouble();
        for (var f = 0; f < mentorFactors.Length; f++) mentorFactors[f] = random.NextDouble();
        return (menteeFactors, mentorFactors);
    }

    private static int Score(Random random, bool lowRank, double[] menteeFactors, double[] mentorFactors, int i, int j)
    {
        if (!lowRank) return random.Next(1_001);
        var dot = 0.0;
        for (var f = 0; f < Factors; f++) dot += menteeFactors[(i * Factors) + f] * mentorFactors[(j * Factors) + f];
        return (int)Math.Round(1_000 * dot / Factors);
    }
}
