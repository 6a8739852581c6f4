namespace SalesMentor.Core.Matching;

/// <summary>
/// The threshold of the fairest mode: t*, the largest worst score a maximum-cardinality matching can have, with the
/// covers that prove it. Locked pairs are in every solution, so t* is at most their smallest score.
/// <para>
/// Hopcroft–Karp finds the maximum size k on every candidate pair and its cover. Then a binary search over the
/// distinct candidate scores (and the smallest locked score) finds the largest t whose pairs scoring ≥ t still admit k
/// pairs, each test warm-started from the last feasible matching with its pairs below t dropped. The failed test just
/// above t* leaves the cover that proves no k-matching uses only pairs scoring above t*.
/// </para>
/// <para>
/// An upper bound narrows the search first: each mentee in the maximum cover is matched in every maximum matching
/// (removing it from the cover leaves a cover of weight k − 1 of the pairs it does not touch), so t* is at most the
/// smallest best score among them. When t* reaches that bound, the cover minus that mentee is the certificate, and
/// no test above the bound is run.
/// </para>
/// </summary>
internal static class FindBottleneck
{
    /// <summary>Threshold and covers; <c>Threshold</c> null when nothing can be matched.</summary>
    /// <param name="Threshold">t*, or null when nothing can be matched.</param>
    /// <param name="MaximumCover">Cover of every candidate pair, of weight k.</param>
    /// <param name="AboveCover">Cover of the pairs scoring above t*, of weight &lt; k; null when a lock scores t*.</param>
    /// <param name="MentorOf">A k-matching using only pairs scoring ≥ t* (per mentee its mentor or −1).</param>
    /// <param name="Score">The scores of that matching's pairs.</param>
    internal sealed record Bottleneck(int? Threshold, MatchCover MaximumCover, MatchCover? AboveCover, int[] MentorOf, int[] Score);

    internal static Bottleneck Search(MatchGraph graph)
    {
        var matching = new MaximumCardinality(graph);
        matching.Start(int.MinValue);
        var k = matching.Run(int.MinValue, int.MaxValue);
        var maximumCover = matching.Cover();
        int? lockedMin = null;
        for (var i = 0; i < graph.Mentees; i++)
        {
            if (graph.LockedMentor[i] >= 0) lockedMin = Math.Min(lockedMin ?? int.MaxValue, graph.LockedScore[i]);
        }

        if (k == 0) return new Bottleneck(lockedMin, maximumCover, null, matching.MentorOf, matching.Score);

        // Candidate thresholds, ascending: the distinct free scores below the smallest locked score, then that score.
        var values = DistinctScores(graph, lockedMin);
        var feasibleMentor = (int[])matching.MentorOf.Clone();
        var feasibleScore = (int[])matching.Score.Clone();
        var worst = matching.WorstScore();
        var lo = worst >= (lockedMin ?? int.MaxValue) ? values.Length - 1 : Array.BinarySearch(values, worst);
        var hi = values.Length;
        var (bound, boundMentee) = UpperBound(graph, maximumCover);
        MatchCover? aboveCover = null;
        if (boundMentee >= 0 && bound < values[^1])
        {
            // Every value above the bound fails: the maximum cover without that mentee covers their pairs with weight k − 1.
            hi = Array.FindIndex(values, v => v > bound);
            var mentees = maximumCover.Mentees.ToArray();
            mentees[boundMentee] = false;
            aboveCover = maximumCover with { Mentees = mentees };
        }

        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            matching.Start(values[mid], feasibleMentor, feasibleScore);
            if (matching.Run(values[mid], k) == k)
            {
                lo = mid;
                Array.Copy(matching.MentorOf, feasibleMentor, feasibleMentor.Length);
                Array.Copy(matching.Score, feasibleScore, feasibleScore.Length);
            }
            else
            {
                hi = mid;
                aboveCover = matching.Cover();
            }
        }

        var threshold = values[lo];
        if (lo + 1 < values.Length) return new Bottleneck(threshold, maximumCover, aboveCover, feasibleMentor, feasibleScore);
        if (lockedMin == threshold) return new Bottleneck(threshold, maximumCover, null, feasibleMentor, feasibleScore);

        // t* is the largest score of all: no pair scores above it, and the empty cover (weight 0 < k) says so.
        var empty = new MatchCover { Mentees = new bool[graph.Mentees], Mentors = new bool[graph.Mentors] };
        return new Bottleneck(threshold, maximumCover, empty, feasibleMentor, feasibleScore);
    }

    /// <summary>The smallest best score among the mentees in <paramref name="cover"/>, and that mentee (−1 when none).</summary>
    private static (int Bound, int Mentee) UpperBound(MatchGraph graph, MatchCover cover)
    {
        var bound = int.MaxValue;
        var mentee = -1;
        var inCover = cover.Mentees.Span;
        for (var i = 0; i < graph.Mentees; i++)
        {
            if (!inCover[i] || graph.ArcStart[i] == graph.ArcStart[i + 1]) continue;
            var best = int.MinValue;
            for (var a = graph.ArcStart[i]; a < graph.ArcStart[i + 1]; a++) best = Math.Max(best, graph.ArcScore[a]);
            if (best < bound)
            {
                bound = best;
                mentee = i;
            }
        }

        return (bound, mentee);
    }

    /// <summary>Distinct candidate scores below <paramref name="cap"/>, ascending, then <paramref name="cap"/> when given.</summary>
    private static int[] DistinctScores(MatchGraph graph, int? cap)
    {
        var present = new bool[graph.MaxScore + 1];
        for (var a = 0; a < graph.Arcs; a++) present[graph.ArcScore[a]] = true;
        var values = new List<int>();
        for (var s = 0; s < present.Length && s < (cap ?? int.MaxValue); s++)
        {
            if (present[s]) values.Add(s);
        }

        if (cap is { } locked) values.Add(locked);
        return [.. values];
    }
}
