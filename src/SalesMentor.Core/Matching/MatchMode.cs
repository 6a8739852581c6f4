namespace SalesMentor.Core.Matching;

/// <summary>What the solver optimises. Every mode matches each mentee to at most one mentor within capacities.</summary>
public enum MatchMode
{
    /// <summary>
    /// Best total fit (the default): as many mentees matched as the constraints allow, and among all such matchings
    /// the largest total score. Proven optimal by a dual certificate.
    /// </summary>
    BestTotalFit = 0,

    /// <summary>
    /// Fairest: as many mentees matched as possible, then the largest worst (smallest) score among matched pairs,
    /// then the largest total. Proven optimal by a threshold certificate and a dual certificate.
    /// </summary>
    Fairest = 1,

    /// <summary>
    /// Stable: no mentee and mentor who both prefer each other to what they have (mentee-proposing deferred
    /// acceptance, the mentee-optimal stable matching). A stable matching need not match the most mentees.
    /// </summary>
    Stable = 2,
}
