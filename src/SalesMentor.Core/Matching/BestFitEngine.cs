namespace SalesMentor.Core.Matching;

/// <summary>Which method computes best-fit matchings (and the fairest mode's last step).</summary>
internal enum BestFitEngine
{
    /// <summary>The ε-scaling auction, falling back to shortest paths if its dual does not settle (the default).</summary>
    Auction = 0,

    /// <summary>The auction with no fallback: a failure throws. For tests that must exercise the auction itself.</summary>
    AuctionOnly = 1,

    /// <summary>The successive-shortest-path (Hungarian) method alone: the fallback, tested on its own.</summary>
    ShortestPaths = 2,
}
