namespace SalesMentor.Core.Impact;

/// <summary>Whether the impact estimate gives a number.</summary>
public enum ImpactStatus
{
    /// <summary>The data can answer: an effect with a 95 % interval.</summary>
    Estimated,

    /// <summary>The data cannot answer; <see cref="ImpactResult.Reason"/> says why and no number is given.</summary>
    CantTell,
}

/// <summary>Why the impact estimate says "can't tell".</summary>
public enum CantTellReason
{
    /// <summary>Not applicable: the status is <see cref="ImpactStatus.Estimated"/>.</summary>
    None,

    /// <summary>Fewer mentees than <see cref="ImpactOptions.MinimumMentees"/> (in total, or with enough history).</summary>
    TooFewMentees,

    /// <summary>Too few similar non-mentored reps: too few mentees found one within the caliper, or too few distinct ones were used.</summary>
    TooFewComparisonReps,

    /// <summary>The data does not reach far enough before or after the starts for enough mentees.</summary>
    WindowTooShort,

    /// <summary>Mentees and their comparison reps were already drifting apart before the starts (failed pre-trend check).</summary>
    PreTrendsDiverge,

    /// <summary>The KPI has the same value for everyone throughout: there is nothing to compare.</summary>
    NoVariation,
}

/// <summary>An effect with its 95 % confidence interval, in the KPI's unit.</summary>
/// <param name="Effect">Average difference in change (mentees minus matched comparison reps) over the post periods.</param>
/// <param name="Low">Lower end of the 95 % interval.</param>
/// <param name="High">Upper end of the 95 % interval.</param>
/// <param name="StandardError">Bootstrap standard error (over reps).</param>
public sealed record EffectEstimate(double Effect, double Low, double High, double StandardError)
{
    /// <summary>Whether the interval contains <paramref name="value"/>.</summary>
    public bool Covers(double value) => Low <= value && value <= High;
}

/// <summary>One event-study coefficient: the difference in change from the base period (event time −1).</summary>
/// <param name="EventTime">Periods since the start (negative: before; 0: the first mentored period).</param>
/// <param name="Effect">Mentees minus comparison reps, in the KPI's unit.</param>
/// <param name="Low">Lower end of the pointwise 95 % interval.</param>
/// <param name="High">Upper end of the pointwise 95 % interval.</param>
/// <param name="Mentees">Matched mentees with a value at this event time.</param>
public sealed record EventTimeEffect(int EventTime, double Effect, double Low, double High, int Mentees);

/// <summary>One row of the balance table: how alike mentees and comparison reps were before the starts.</summary>
/// <param name="Feature">What is compared.</param>
/// <param name="MenteeMean">Mean over the matched mentees.</param>
/// <param name="AllComparisonMean">Mean over every possible comparison rep (before matching).</param>
/// <param name="MatchedComparisonMean">Mean over the matched comparison reps (weighted by how often each was used).</param>
/// <param name="SmdBefore">Standardized mean difference before matching (pooled SD of all mentees and possible comparison reps).</param>
/// <param name="SmdAfter">Standardized mean difference after matching (same denominator); |SMD| &lt; 0.1 is the usual mark of good balance.</param>
public sealed record BalanceRow(string Feature, double MenteeMean, double AllComparisonMean, double MatchedComparisonMean, double SmdBefore, double SmdAfter);

/// <summary>The pre-trend check: are the pre-period event-study coefficients jointly zero?</summary>
/// <param name="WaldStatistic">θ'Σ⁻¹θ over the pre-period coefficients, Σ from the bootstrap.</param>
/// <param name="CriticalValue">χ² critical value at <see cref="ImpactOptions.PreTrendAlpha"/>.</param>
/// <param name="Coefficients">Number of pre-period coefficients tested.</param>
/// <param name="Passed">Whether the statistic stayed at or below the critical value.</param>
public sealed record PreTrendCheck(double WaldStatistic, double CriticalValue, int Coefficients, bool Passed);

/// <summary>Who is on each side.</summary>
/// <param name="Mentees">Reps with a start in the data.</param>
/// <param name="MenteesOutsideWindow">Mentees whose start leaves too few periods before or after it in the data.</param>
/// <param name="MenteesWithoutHistory">Mentees with a missing value in their pre-period (e.g. hired just before).</param>
/// <param name="MenteesUnmatched">Mentees with no comparison rep within the caliper.</param>
/// <param name="MenteesMatched">Mentees in the estimate.</param>
/// <param name="ComparisonPool">Distinct reps that could serve as comparison for some cohort.</param>
/// <param name="ComparisonReps">Distinct comparison reps actually used.</param>
/// <param name="Cohorts">Start cohorts (distinct start periods) in the estimate.</param>
public sealed record ImpactCounts(
    int Mentees, int MenteesOutsideWindow, int MenteesWithoutHistory, int MenteesUnmatched, int MenteesMatched, int ComparisonPool, int ComparisonReps, int Cohorts);

/// <summary>One mentee's own lift: their change minus their comparison reps' change, averaged over the post periods.</summary>
/// <param name="Rep">Rep index in the <see cref="ImpactInput"/>.</param>
/// <param name="Start">Their start period.</param>
/// <param name="Lift">In the KPI's unit; noisy alone, meant for <see cref="EstimateMentorValueAdded"/>.</param>
public sealed record MenteeLift(int Rep, int Start, double Lift);

/// <summary>
/// The answer to "did mentoring move this KPI, compared with similar reps who had no mentor?".
/// <see cref="Effect"/> is null unless <see cref="Status"/> is <see cref="ImpactStatus.Estimated"/>: a "can't tell" carries
/// no number. <see cref="EventStudy"/> holds every coefficient when estimated, only the pre-period ones when the
/// pre-trend check failed (the evidence for the verdict), and nothing otherwise.
/// </summary>
/// <param name="Status">Estimated or can't tell.</param>
/// <param name="Reason">Why not, or <see cref="CantTellReason.None"/>.</param>
/// <param name="Verdict">The answer in plain words, with the numbers behind it.</param>
/// <param name="Effect">The average effect over the post periods with its 95 % interval; null for "can't tell".</param>
/// <param name="EventStudy">Event-study coefficients, oldest event time first.</param>
/// <param name="Balance">The balance table (empty when matching did not run).</param>
/// <param name="PreTrend">The pre-trend check, when it ran.</param>
/// <param name="Counts">People on each side.</param>
/// <param name="MenteeLifts">Individual lifts (confidential: admins only); empty unless estimated.</param>
public sealed record ImpactResult(
    ImpactStatus Status,
    CantTellReason Reason,
    string Verdict,
    EffectEstimate? Effect,
    IReadOnlyList<EventTimeEffect> EventStudy,
    IReadOnlyList<BalanceRow> Balance,
    PreTrendCheck? PreTrend,
    ImpactCounts Counts,
    IReadOnlyList<MenteeLift> MenteeLifts)
{
    /// <summary>The number computed even when withheld (failed pre-trend check), for the statistical tests only.</summary>
    internal EffectEstimate? Computed { get; init; }
}
