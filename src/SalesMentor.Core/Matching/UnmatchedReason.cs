namespace SalesMentor.Core.Matching;

/// <summary>Why a mentee is left without a mentor.</summary>
public enum UnmatchedReason
{
    /// <summary>The mentee is matched.</summary>
    None = 0,

    /// <summary>No pair with this mentee is listed: no eligible mentor at all.</summary>
    NoCandidate = 1,

    /// <summary>Pairs are listed, but every one is forbidden or below the minimum score.</summary>
    AllExcluded = 2,

    /// <summary>The mentee has candidates, but each of those mentors is full with other mentees in this solution.</summary>
    CapacityExhausted = 3,
}
