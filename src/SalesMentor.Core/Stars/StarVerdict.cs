using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Stars;

/// <summary>The outcome of the star rule for one person.</summary>
public enum StarStatus
{
    /// <summary>The rule holds: a proven star.</summary>
    Star,

    /// <summary>The person was here for the whole window and the rule does not hold.</summary>
    NotStar,

    /// <summary>Too little history to judge: started after the first quarter considered began, left, or no data at all.</summary>
    NotEnoughData,
}

/// <summary>How one span (a quarter, or the trailing quarters together) fared.</summary>
/// <param name="Period">The quarter or the trailing span.</param>
/// <param name="MetricUsed">The rule's metric, or its fallback when the metric was undefined (no quota); null when neither had a value.</param>
/// <param name="Value">The value of <paramref name="MetricUsed"/>: money in currency units, ratios as fractions (1.25 = 125 %).</param>
/// <param name="Percentile">Percentile rank among peers (0–100); null when not ranked.</param>
/// <param name="Passed">Whether the percentile reached the threshold (the quarterly one for a quarter, the trailing one for the span).</param>
/// <param name="ClosedDeals">Won + lost deals closed in the span.</param>
public sealed record StarEvidence(Period Period, Kpi? MetricUsed, decimal? Value, double? Percentile, bool Passed, int ClosedDeals);

/// <summary>The verdict of the star rule for one person, with the evidence behind it.</summary>
/// <param name="Person">Index of the person in the <see cref="KpiInput"/>.</param>
/// <param name="Status">Star, not a star, or not enough data.</param>
/// <param name="Quarters">Each quarter considered, oldest first (empty when there was not enough data).</param>
/// <param name="Trailing">The quarters taken together (only when the rule has a trailing condition).</param>
/// <param name="QuartersPassed">Quarters whose percentile reached the quarterly threshold.</param>
/// <param name="ClosedDeals">Closed deals over all the quarters considered.</param>
/// <param name="Reason">One plain-English line that explains the status with its numbers.</param>
public sealed record StarVerdict(
    int Person,
    StarStatus Status,
    IReadOnlyList<StarEvidence> Quarters,
    StarEvidence? Trailing,
    int QuartersPassed,
    int ClosedDeals,
    string Reason);
