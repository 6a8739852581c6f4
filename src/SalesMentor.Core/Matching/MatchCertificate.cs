namespace SalesMentor.Core.Matching;

/// <summary>
/// The proof that a best-fit or fairest matching is optimal, checked by <see cref="CheckMatching"/> with exact integer
/// arithmetic. It speaks of the <b>free</b> part of the problem: mentees that are not locked, and mentors with their
/// <b>residual capacity</b> (capacity minus locked pairs).
/// <para>
/// <b>Dual certificate.</b> Give every candidate pair the weight score + <see cref="CardinalityWeight"/> (K). With
/// K &gt; Q·S, where Q = min(free mentees, total residual capacity) bounds any matching's size and S is the largest
/// score, a matching with more pairs always weighs more, so a maximum-weight matching is exactly one that matches the
/// most mentees and, among those, has the largest total score. Its LP dual: potentials u<sub>i</sub> ≥ 0 per mentee
/// and v<sub>j</sub> ≥ 0 per mentor with u<sub>i</sub> + v<sub>j</sub> ≥ score + K on every candidate pair. Any dual
/// bounds every matching's weight by Σu + Σ residual capacity<sub>j</sub>·v<sub>j</sub>; equality with the
/// matching's weight proves it maximum.
/// </para>
/// <para>
/// <b>Fairest.</b> <see cref="MaximumCardinalityCover"/> shows no matching has more pairs; <see cref="Threshold"/> t*
/// is the worst score, and either a locked pair scores t* or <see cref="AboveThresholdCover"/> shows that no matching
/// of that size uses only pairs scoring above t*; the dual certificate then covers only pairs scoring ≥ t*.
/// </para>
/// </summary>
public sealed record MatchCertificate
{
    /// <summary>K, the weight added to every pair's score, in score points; K ≥ Q·S + 1 (see the type's remarks).</summary>
    public required long CardinalityWeight { get; init; }

    /// <summary>u<sub>i</sub> ≥ 0 per mentee, in score points (0 for locked mentees, which the certificate ignores).</summary>
    public required ReadOnlyMemory<long> MenteePotentials { get; init; }

    /// <summary>v<sub>j</sub> ≥ 0 per mentor, in score points; 0 for a mentor with seats left.</summary>
    public required ReadOnlyMemory<long> MentorPotentials { get; init; }

    /// <summary>Fairest mode: t*, the best achievable worst score; the dual certificate covers pairs scoring ≥ t*. Null in the best mode.</summary>
    public int? Threshold { get; init; }

    /// <summary>Fairest mode: a cover of every free candidate pair whose weight equals the number of free pairs matched.</summary>
    public MatchCover? MaximumCardinalityCover { get; init; }

    /// <summary>Fairest mode: a cover of every free candidate pair scoring above <see cref="Threshold"/>, of weight less than the
    /// number of free pairs matched; null when a locked pair scores exactly the threshold.</summary>
    public MatchCover? AboveThresholdCover { get; init; }
}

/// <summary>
/// A vertex cover of a set of pairs with capacities as weights: every pair in the set has its mentee or its mentor in
/// the cover. Its weight — one per mentee plus the residual capacity per mentor — bounds the size of every matching
/// within the set (König's theorem, with capacities).
/// </summary>
public sealed record MatchCover
{
    /// <summary>Per mentee, whether it is in the cover.</summary>
    public required ReadOnlyMemory<bool> Mentees { get; init; }

    /// <summary>Per mentor, whether it is in the cover.</summary>
    public required ReadOnlyMemory<bool> Mentors { get; init; }
}
