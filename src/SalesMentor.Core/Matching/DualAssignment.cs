namespace SalesMentor.Core.Matching;

/// <summary>
/// A matching of the free mentees with its dual: the output of <see cref="AssignByShortestPaths"/>.
/// </summary>
/// <param name="MentorOf">Per mentee, its mentor or −1 (locked mentees: −1 here; the caller adds the locks).</param>
/// <param name="Score">Per mentee, the score of its pair (0 when unmatched).</param>
/// <param name="MenteePotential">u′ ≥ 0 per mentee, in score points.</param>
/// <param name="MentorPotential">v ≥ 0 per mentor, in score points.</param>
/// <param name="CardinalityWeight">K added to every score.</param>
internal sealed record DualAssignment(int[] MentorOf, int[] Score, long[] MenteePotential, long[] MentorPotential, long CardinalityWeight);
