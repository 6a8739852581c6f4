namespace SalesMentor.Core.Matching;

public static partial class CheckMatching
{
    /// <summary>A result without a matching: confirms that what its status says is true of the input.</summary>
    private static MatchVerdict VerifyStatus(MatchProblem problem, MatchResult result)
    {
        var confirmed = result.Status switch
        {
            MatchStatus.MenteeLockedTwice => HasMenteeLockedTwice(problem),
            MatchStatus.LocksExceedCapacity => HasMentorOverLocked(problem),
            MatchStatus.LockedPairNotListed => HasUnlistedLock(problem),
            MatchStatus.InvalidInput => BreaksARule(problem),
            _ => false,
        };
        return confirmed ? Pass("status confirmed: " + result.Status) : Fail("the input is not " + result.Status);
    }

    private static bool InRange(MatchProblem problem, MatchPair pair)
        => InRange(pair.Mentee, problem.Mentees) && InRange(pair.Mentor, problem.Mentors);

    private static bool HasMenteeLockedTwice(MatchProblem problem)
    {
        var seen = new HashSet<int>();
        foreach (var pair in problem.Locked.Span)
        {
            if (!seen.Add(pair.Mentee)) return true;
        }

        return false;
    }

    private static bool HasMentorOverLocked(MatchProblem problem)
    {
        var locks = new Dictionary<int, int>();
        foreach (var pair in problem.Locked.Span)
        {
            if (!InRange(problem, pair)) continue;
            locks[pair.Mentor] = locks.GetValueOrDefault(pair.Mentor) + 1;
            if (locks[pair.Mentor] > problem.Capacities.Span[pair.Mentor]) return true;
        }

        return false;
    }

    private static bool HasUnlistedLock(MatchProblem problem)
    {
        var unlisted = new HashSet<(int, int)>();
        foreach (var pair in problem.Locked.Span) unlisted.Add((pair.Mentee, pair.Mentor));
        foreach (var arc in problem.Arcs.Span) unlisted.Remove((arc.Mentee, arc.Mentor));
        return unlisted.Count > 0;
    }

    private static bool BreaksARule(MatchProblem problem)
    {
        if (problem.Mentees < 0) return true;
        foreach (var capacity in problem.Capacities.Span)
        {
            if (capacity < 0) return true;
        }

        var arcs = problem.Arcs.Span;
        var pairs = new HashSet<(int, int)>();
        foreach (var arc in arcs)
        {
            if (!InRange(arc.Mentee, problem.Mentees) || !InRange(arc.Mentor, problem.Mentors)) return true;
            if (!InRange(arc.Score, MatchProblem.MaxScore + 1) || !pairs.Add((arc.Mentee, arc.Mentor))) return true;
        }

        foreach (var ranks in new[] { problem.MenteeRanks, problem.MentorRanks })
        {
            if (!ranks.IsEmpty && ranks.Length != arcs.Length) return true;
            foreach (var rank in ranks.Span)
            {
                if (rank < 0) return true;
            }
        }

        foreach (var pair in problem.Forbidden.Span)
        {
            if (!InRange(problem, pair)) return true;
        }

        foreach (var pair in problem.Locked.Span)
        {
            if (!InRange(problem, pair)) return true;
        }

        return false;
    }
}
