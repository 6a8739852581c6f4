namespace SalesMentor.Core.Impact;

/// <summary>
/// The choices of the impact estimate; the defaults are the ones <c>docs/impact.md</c> argues for.
/// Periods are the periods of the <see cref="ImpactInput"/> (usually months).
/// </summary>
public sealed record ImpactOptions
{
    /// <summary>Periods before each start used to describe the rep (level, trend) and to check pre-trends; ≥ 3.</summary>
    public int PrePeriods { get; init; } = 6;

    /// <summary>Periods from the start (inclusive) over which the effect is measured; ≥ 1.</summary>
    public int PostPeriods { get; init; } = 6;

    /// <summary>Comparison reps per mentee (nearest neighbours, with replacement).</summary>
    public int Neighbours { get; init; } = 4;

    /// <summary>Largest distance of a comparison rep, in pooled standard deviations of the features (Euclidean).</summary>
    public double Caliper { get; init; } = 1.0;

    /// <summary>Distance added (in the same units) when a comparison rep is in another team or region.</summary>
    public double OtherTeamPenalty { get; init; } = 0.2;

    /// <summary>Whether to correct the matching's leftover feature gaps by regression (Abadie and Imbens 2011).</summary>
    public bool CorrectBias { get; init; } = true;

    /// <summary>Bootstrap replicates (resampling reps) for the interval and the pre-trend test.</summary>
    public int BootstrapReplicates { get; init; } = 499;

    /// <summary>Seed of the bootstrap; the same input, options and seed give the same result.</summary>
    public int Seed { get; init; } = 20_261_126;

    /// <summary>Fewest matched mentees for a number.</summary>
    public int MinimumMentees { get; init; } = 10;

    /// <summary>Fewest distinct comparison reps for a number.</summary>
    public int MinimumComparisonReps { get; init; } = 10;

    /// <summary>Significance level of the pre-trend check (joint Wald test of the pre-period event-study coefficients).</summary>
    public double PreTrendAlpha { get; init; } = 0.05;

    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PrePeriods, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(PostPeriods, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Neighbours, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Caliper);
        ArgumentOutOfRangeException.ThrowIfNegative(OtherTeamPenalty);
        ArgumentOutOfRangeException.ThrowIfLessThan(BootstrapReplicates, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumMentees, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumComparisonReps, 1);
        if (!(PreTrendAlpha > 0 && PreTrendAlpha < 1)) throw new ArgumentOutOfRangeException(nameof(PreTrendAlpha));
    }
}
