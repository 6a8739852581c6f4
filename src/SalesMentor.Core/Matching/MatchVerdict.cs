namespace SalesMentor.Core.Matching;

/// <summary>
/// What <see cref="CheckMatching"/> found. <see cref="Verified"/> means: the matching is feasible, its objective and
/// unmatched reasons are what the result says, and — best and fairest modes — the certificate proves it optimal;
/// stable mode — it has no blocking pair.
/// </summary>
/// <param name="Verified">Everything checked holds.</param>
/// <param name="Summary">"optimality verified", "stability verified", or the first thing that failed.</param>
/// <param name="BlockingPairs">Stable mode: the number of blocking pairs counted; 0 otherwise.</param>
public sealed record MatchVerdict(bool Verified, string Summary, long BlockingPairs = 0)
{
    /// <summary>The verdict of a result that was not checked.</summary>
    public static MatchVerdict NotChecked { get; } = new(false, "not checked");
}
