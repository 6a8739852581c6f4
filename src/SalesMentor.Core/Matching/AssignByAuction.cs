namespace SalesMentor.Core.Matching;

/// <summary>
/// Best total fit by an ε-scaling auction on a symmetric form of the problem, then an exact integer dual.
/// <para>
/// <b>Symmetric form.</b> Hopcroft–Karp gives k, the most pairs any matching can have. Every free mentee is a bidder;
/// besides its candidate mentors it may take a seat of an "unmatched" pseudo-mentor with n − k seats and score 0.
/// Each mentor with candidates has min(residual capacity, candidates + 1) seats (one more than its candidates when it
/// can never fill up, so that such a mentor always keeps an empty seat); the seats no mentee takes go to T − k
/// identical "filler" bidders with value 0 for every real seat. Bidders and seats are then equal in number, every
/// complete assignment is a matching with exactly k pairs, and the best one is the best-fit optimum.
/// </para>
/// <para>
/// <b>Auction.</b> Values are scores × D with D = bidders + mentors + 3. Each bidder bids for its best seat, raising
/// the seat's price to the second-best value's level plus ε; seats of a mentor are a min-heap of prices, fillers
/// look up the cheapest seat of all in a heap of mentors. ε falls by a factor 8 per phase down to 1, so the final
/// assignment is within bidders·1/D &lt; 1 of optimal and, the weights being integers, optimal.
/// </para>
/// <para>
/// <b>Exact dual.</b> An assignment fixes a system of difference constraints on the mentors' potentials (no mentee
/// may prefer another seat); it has a solution exactly when the assignment is optimal, and its least solution above
/// ⌊price/D⌋ is then an exact integer dual, tight on the assignment. After the phase with ε = 1 that solution exceeds
/// ⌊price/D⌋ by at most 1 per mentor (D exceeds any path length), so a label-correcting pass settles it in O(pairs).
/// It is usually reached earlier: after each phase with ε ≤ one score point the pass is tried within a budget of two
/// visits per node, and the auction stops as soon as it settles (on the benchmarks, after the phase with ε ≈ 1/30
/// point, skipping the three most expensive phases). The König cover of the Hopcroft–Karp search then turns this dual
/// into the certificate for the weights score + K (see <see cref="MatchCertificate"/>).
/// </para>
/// </summary>
internal static class AssignByAuction
{
    /// <summary>The optimum with its certificate, or null if the dual could not be settled (then the caller falls back).</summary>
    /// <param name="graph">The candidate graph.</param>
    /// <param name="matchable">k, the maximum number of free pairs.</param>
    /// <param name="cover">The König cover of a maximum matching of <paramref name="graph"/> (weight k).</param>
    internal static DualAssignment? Solve(MatchGraph graph, int matchable, MatchCover cover)
    {
        var auction = new Auction(graph, matchable);
        var potentials = auction.Run();
        return potentials is null ? null : auction.Certificate(potentials, cover);
    }
}
