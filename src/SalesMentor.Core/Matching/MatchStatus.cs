namespace SalesMentor.Core.Matching;

/// <summary>
/// The outcome of a solve. The first four carry a valid matching (possibly empty, see <see cref="MatchResult.HasMatching"/>);
/// the others explain why there is none.
/// </summary>
public enum MatchStatus
{
    /// <summary>A matching was computed (in the best and fairest modes, optimal; see <see cref="MatchResult.Verdict"/>).</summary>
    Solved = 0,

    /// <summary>There are no mentees; the matching is empty.</summary>
    NoMentees = 1,

    /// <summary>There are no mentors; every mentee is unmatched.</summary>
    NoMentors = 2,

    /// <summary>No pair is a candidate and none is locked (every listed pair is forbidden or below the minimum score,
    /// or none is listed); every mentee is unmatched.</summary>
    NoCandidates = 3,

    /// <summary>Infeasible: a mentee is locked to two mentors (or locked twice).</summary>
    MenteeLockedTwice = 4,

    /// <summary>Infeasible: a mentor has more locked pairs than capacity.</summary>
    LocksExceedCapacity = 5,

    /// <summary>A locked pair is not listed among the pairs, so it has no score.</summary>
    LockedPairNotListed = 6,

    /// <summary>The input breaks a rule of <see cref="MatchProblem"/>: an index out of range, a negative capacity or
    /// count, a score or rank out of range, rank lists of the wrong length, or a pair listed twice.</summary>
    InvalidInput = 7,
}
