namespace SalesMentor.Core.Matching;

public static partial class CheckMatching
{
    /// <summary>
    /// Counts blocking pairs: a free candidate pair (i, j), not matched together, where mentee i prefers j to its
    /// mentor (or is unmatched) and mentor j has a seat left or prefers i to the worst mentee it holds. Preferences
    /// follow <see cref="MatchProblem.MenteeRanks"/> and <see cref="MatchProblem.MentorRanks"/>: ranked first by rank,
    /// then higher score, then lower index. Locked mentees and the seats they hold take no part.
    /// </summary>
    private static MatchVerdict VerifyStable(MatchProblem problem, Facts facts)
    {
        var arcs = problem.Arcs.Span;
        var menteeRanks = problem.MenteeRanks.Span;
        var mentorRanks = problem.MentorRanks.Span;
        if ((!menteeRanks.IsEmpty && menteeRanks.Length != arcs.Length) || (!mentorRanks.IsEmpty && mentorRanks.Length != arcs.Length))
        {
            return Fail("the rank lists have the wrong length, yet the input was solved");
        }

        var n = problem.Mentees;
        var m = problem.Mentors;
        var ownRank = new int[n];
        var worst = new (int Rank, int NegativeScore, int Mentee)[m];
        var holds = new int[m];
        for (var a = 0; a < arcs.Length; a++)
        {
            var (i, j, score) = arcs[a];
            if (facts.LockedTo[i] >= 0 || facts.MentorOf[i] != j) continue;
            ownRank[i] = RankKey(menteeRanks, a);
            var key = (RankKey(mentorRanks, a), -score, i);
            if (holds[j]++ == 0 || key.CompareTo(worst[j]) > 0) worst[j] = key;
        }

        long blocking = 0;
        for (var a = 0; a < arcs.Length; a++)
        {
            if (!facts.Candidate[a]) continue;
            var (i, j, score) = arcs[a];
            var current = facts.MentorOf[i];
            if (current == j) continue;
            var menteePrefers = current == MatchResult.Unmatched
                || (RankKey(menteeRanks, a), -score, j).CompareTo((ownRank[i], -facts.PairScore[i], current)) < 0;
            if (!menteePrefers) continue;
            var mentorPrefers = holds[j] < facts.Residual[j]
                || (holds[j] > 0 && (RankKey(mentorRanks, a), -score, i).CompareTo(worst[j]) < 0);
            if (mentorPrefers) blocking++;
        }

        return blocking == 0
            ? new MatchVerdict(true, "stability verified")
            : new MatchVerdict(false, $"{blocking} blocking pairs", blocking);
    }

    private static int RankKey(ReadOnlySpan<int> ranks, int arc)
        => ranks.IsEmpty || ranks[arc] <= 0 ? int.MaxValue : ranks[arc];
}
