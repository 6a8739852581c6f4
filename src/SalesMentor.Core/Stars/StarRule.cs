using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Stars;

/// <summary>Whom a person is compared with; the caller turns it into peer-group indexes.</summary>
public enum StarPeerGroup
{
    /// <summary>Every rep.</summary>
    Everyone,

    /// <summary>Reps of the same region.</summary>
    Region,

    /// <summary>Reps of the same team.</summary>
    Team,
}

/// <summary>
/// The rule that makes a rep a proven star. It has up to two conditions on the metric's percentile rank among peers,
/// both of which must hold, plus a minimum of closed deals:
/// <list type="bullet">
/// <item>each quarter: at or above <see cref="PercentileAtLeast"/> in at least <see cref="QuartersRequired"/> (k) of the
/// last <see cref="QuartersConsidered"/> (n) completed fiscal quarters (k = 0 switches it off);</item>
/// <item>trailing: the n quarters taken together (e.g. trailing-4-quarter attainment = won revenue ÷ quota over the
/// year) at or above <see cref="TrailingPercentileAtLeast"/> (null switches it off).</item>
/// </list>
/// The default reads "won revenue over the last 4 completed fiscal quarters together at or above the 90th percentile of peers,
/// with at least 20 closed deals over those quarters": on the demo data it found the planted stars far better than
/// "quota attainment in the top quartile in 3 of 4 quarters" (see docs/kpis.md). Evaluated by <see cref="FindProvenStars"/>.
/// </summary>
public sealed record StarRule
{
    /// <summary>The KPI ranked (a ranked KPI where higher is better), e.g. won revenue or quota attainment.</summary>
    public Kpi Metric { get; init; } = Kpi.WonRevenue;

    /// <summary>
    /// The KPI ranked instead when the person's <see cref="Metric"/> is undefined, e.g. won revenue for quota attainment
    /// in a quarter without a quota; null for none.
    /// </summary>
    public Kpi? FallbackMetric { get; init; }

    /// <summary>Percentile rank (0–100, see <see cref="RankKpis"/>) a quarter must reach, inclusive.</summary>
    public double PercentileAtLeast { get; init; } = 75;

    /// <summary>
    /// Percentile rank the n quarters taken together must reach, inclusive; null for no trailing condition.
    /// </summary>
    public double? TrailingPercentileAtLeast { get; init; } = 90;

    /// <summary>n: completed fiscal quarters considered, the last before the as-of date.</summary>
    public int QuartersConsidered { get; init; } = 4;

    /// <summary>k: quarters that must reach <see cref="PercentileAtLeast"/>; 0 for no quarterly condition.</summary>
    public int QuartersRequired { get; init; }

    /// <summary>Closed (won + lost) deals needed over the n quarters together.</summary>
    public int MinimumClosedDeals { get; init; } = 20;

    /// <summary>Whom a person is compared with.</summary>
    public StarPeerGroup PeerGroup { get; init; } = StarPeerGroup.Everyone;

    /// <summary>The recommended rule (see docs/kpis.md for how it was chosen on the demo data).</summary>
    public static StarRule Default { get; } = new();

    /// <summary>Checks the parameters; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (KpiCatalog.Of(Metric) is not { IsRanked: true, Direction: KpiDirection.HigherIsBetter })
        {
            throw new ArgumentException($"{Metric} is not a ranked KPI where higher is better.", nameof(Metric));
        }

        if (FallbackMetric is { } fallback && KpiCatalog.Of(fallback) is not { IsRanked: true, Direction: KpiDirection.HigherIsBetter })
        {
            throw new ArgumentException($"{fallback} is not a ranked KPI where higher is better.", nameof(FallbackMetric));
        }

        if (PercentileAtLeast is < 0 or > 100 || double.IsNaN(PercentileAtLeast))
        {
            throw new ArgumentException("The percentile threshold is between 0 and 100.", nameof(PercentileAtLeast));
        }

        if (TrailingPercentileAtLeast is { } trailing && (trailing is < 0 or > 100 || double.IsNaN(trailing)))
        {
            throw new ArgumentException("The trailing percentile threshold is between 0 and 100.", nameof(TrailingPercentileAtLeast));
        }

        if (QuartersConsidered is < 1 or > 20) throw new ArgumentException("Consider 1 to 20 quarters.", nameof(QuartersConsidered));
        if (QuartersRequired < 0 || QuartersRequired > QuartersConsidered)
        {
            throw new ArgumentException("Quarters required is between 0 and the quarters considered.", nameof(QuartersRequired));
        }

        if (QuartersRequired == 0 && TrailingPercentileAtLeast is null)
        {
            throw new ArgumentException("The rule needs a quarterly or a trailing condition.", nameof(QuartersRequired));
        }

        if (MinimumClosedDeals < 0) throw new ArgumentException("The minimum of closed deals is not negative.", nameof(MinimumClosedDeals));
    }
}
