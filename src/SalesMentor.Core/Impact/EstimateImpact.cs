using System.Globalization;
using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Impact;

/// <summary>
/// Did mentoring move a KPI, compared with similar reps who had no mentor? A matched, staggered difference in
/// differences in the manner of Callaway and Sant'Anna (2021): each start cohort is compared, on event time, with reps
/// not yet mentored through its post window, each mentee with its nearest such reps on the pre-period (level, trend,
/// tenure, team) within a caliper; cohort effects are averaged by cohort size (never a two-way fixed-effects
/// regression, which is biased under staggered starts, Goodman-Bacon 2021). The 95 % interval comes from a bootstrap
/// over reps (stratified by start period): each replicate re-weights reps by how often they were drawn, with the
/// bias correction refitted. See <c>docs/impact.md</c>.
/// Pure and deterministic: the same input and options give the same result.
/// </summary>
public static class EstimateImpact
{
    /// <summary>Estimates the effect of mentoring on the KPI of <paramref name="input"/>.</summary>
    /// <param name="input">The KPI per rep and period, with tenure, team and starts.</param>
    /// <param name="options">The choices; null for the defaults.</param>
    /// <param name="kpiName">How the verdict names the KPI, e.g. "win rate".</param>
    /// <param name="unit">Unit appended to numbers in the verdict, e.g. " points"; may be empty.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static ImpactResult Run(ImpactInput input, ImpactOptions? options = null, string kpiName = "the KPI", string unit = "")
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new ImpactOptions();
        options.Validate();
        var design = ImpactDesign.Build(input, options);
        var usable = design.Cohorts.Sum(c => c.Mentees.Length);
        var pool = design.Cohorts.SelectMany(c => c.Controls).Distinct().Count();
        ImpactCounts Counts(int unmatched, int matched, int used) => new(
            design.Mentees, design.OutsideWindow, design.WithoutHistory, unmatched, matched, pool, used, design.Cohorts.Count);

        var min = options.MinimumMentees;
        if (design.Mentees < min)
        {
            return CantTell(CantTellReason.TooFewMentees, Counts(0, 0, 0),
                $"Can't tell: only {design.Mentees} {Plural(design.Mentees, "mentee", "mentees")} in the data; at least {min} are needed to tell an effect from chance.");
        }

        if (usable < min)
        {
            return design.OutsideWindow >= design.WithoutHistory
                ? CantTell(CantTellReason.WindowTooShort, Counts(0, 0, 0),
                    $"Can't tell: only {usable} of {design.Mentees} mentees have {options.PrePeriods} periods of data before their start and {options.PostPeriods} from it; at least {min} are needed. Wait for more periods or load older data.")
                : CantTell(CantTellReason.TooFewMentees, Counts(0, 0, 0),
                    $"Can't tell: only {usable} of {design.Mentees} mentees have a value in each of the {options.PrePeriods} periods before their start; at least {min} are needed.");
        }

        if (!design.HasVariation)
        {
            return CantTell(CantTellReason.NoVariation, Counts(0, 0, 0),
                $"Can't tell: {kpiName} has the same value for everyone in every period, so there is no change to compare.");
        }

        var point = new ImpactReplicate(design);
        var detail = new ImpactPointDetail(design);
        point.Run(null, detail);
        var counts = Counts(detail.UnmatchedMentees, detail.MatchedMentees, detail.ComparisonReps);
        var balance = detail.Balance();
        if (detail.MatchedMentees < min)
        {
            return CantTell(CantTellReason.TooFewComparisonReps, counts,
                $"Can't tell: only {detail.MatchedMentees} of {usable} mentees have a similar rep without a mentor (same level, trend and tenure before the start); at least {min} are needed.") with { Balance = balance };
        }

        if (detail.ComparisonReps < options.MinimumComparisonReps)
        {
            return CantTell(CantTellReason.TooFewComparisonReps, counts,
                $"Can't tell: the mentees are compared with only {detail.ComparisonReps} similar {Plural(detail.ComparisonReps, "rep", "reps")} without a mentor; at least {options.MinimumComparisonReps} are needed.") with { Balance = balance };
        }

        var boot = Bootstrap(design, options);
        var e = design.EventTimes.Length;
        var effect = Interval(point.Overall, boot.Overall);
        if (!double.IsFinite(effect.Effect) || !double.IsFinite(effect.StandardError))
        {
            return CantTell(CantTellReason.TooFewComparisonReps, counts,
                $"Can't tell: the mentees and their comparison reps have too few values after the start to measure {kpiName}.") with { Balance = balance };
        }

        var study = new List<EventTimeEffect>(e);
        for (var t = 0; t < e; t++)
        {
            var column = boot.Theta.Select(row => row[t]).ToArray();
            var interval = Interval(point.Theta[t], column);
            study.Add(new EventTimeEffect(design.EventTimes[t], point.Theta[t], interval.Low, interval.High, (int)point.Weight[t]));
        }

        var preTrend = CheckPreTrend(design, point, boot.Theta, options.PreTrendAlpha);
        if (!preTrend.Passed)
        {
            return CantTell(CantTellReason.PreTrendsDiverge, counts,
                $"Can't tell: before their start, mentees were already drifting apart from their comparison reps on {kpiName} (pre-trend check failed), so a later difference could not be credited to mentoring. See the chart of the periods before the start.")
                with { EventStudy = study.Where(s => s.EventTime < 0).ToList(), Balance = balance, PreTrend = preTrend, Computed = effect };
        }

        return new ImpactResult(ImpactStatus.Estimated, CantTellReason.None, Describe(effect, counts, kpiName, unit, options.PostPeriods), effect, study, balance, preTrend, counts, detail.Lifts)
        {
            Computed = effect,
        };
    }

    private static ImpactResult CantTell(CantTellReason reason, ImpactCounts counts, string verdict)
        => new(ImpactStatus.CantTell, reason, verdict, null, [], [], null, counts, []);

    private static string Plural(int n, string one, string many) => n == 1 ? one : many;

    private static string Describe(EffectEstimate effect, ImpactCounts counts, string kpiName, string unit, int post)
    {
        static string N(double v) => Math.Abs(v).ToString("0.0#", CultureInfo.InvariantCulture);
        static string S(double v) => v.ToString("0.0#", CultureInfo.InvariantCulture);
        var sides = $"{counts.MenteesMatched} mentees against {counts.ComparisonReps} similar reps without a mentor, over the first {post} periods";
        var interval = $"95 % interval {S(effect.Low)} to {S(effect.High)}{unit}";
        if (effect.Low > 0)
            return $"Mentoring moved {kpiName} up: mentees gained {N(effect.Effect)}{unit} more than similar reps without a mentor ({interval}; {sides}).";
        if (effect.High < 0)
            return $"Mentees' {kpiName} fell {N(effect.Effect)}{unit} behind similar reps without a mentor ({interval}; {sides}).";
        return $"No clear effect on {kpiName}: mentees changed by {S(effect.Effect)}{unit} relative to similar reps without a mentor, but the {interval} includes zero ({sides}).";
    }

    /// <summary>Normal interval from the bootstrap standard error (stable with a few hundred replicates, unlike percentiles).</summary>
    private static EffectEstimate Interval(double estimate, double[] replicates)
    {
        double n = 0, sum = 0, sumSq = 0;
        foreach (var r in replicates)
        {
            if (double.IsNaN(r)) continue;
            n++;
            sum += r;
            sumSq += r * r;
        }

        var se = n > 1 ? Math.Sqrt(Math.Max(0, (sumSq - (sum * sum / n)) / (n - 1))) : double.NaN;
        return new EffectEstimate(estimate, estimate - (ImpactMath.Z975 * se), estimate + (ImpactMath.Z975 * se), se);
    }

    private static (double[] Overall, double[][] Theta) Bootstrap(ImpactDesign design, ImpactOptions options)
    {
        var input = design.Input;
        var strata = Enumerable.Range(0, input.Reps).GroupBy(input.StartOf).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var random = new DemoRandom(unchecked((ulong)options.Seed));
        var weights = new int[input.Reps];
        var replicate = new ImpactReplicate(design);
        var overall = new double[options.BootstrapReplicates];
        var theta = new double[options.BootstrapReplicates][];
        for (var b = 0; b < options.BootstrapReplicates; b++)
        {
            Array.Clear(weights);
            foreach (var stratum in strata)
            {
                for (var i = 0; i < stratum.Length; i++) weights[stratum[random.NextInt(stratum.Length)]]++;
            }

            replicate.Run(weights, null);
            overall[b] = replicate.Overall;
            theta[b] = (double[])replicate.Theta.Clone();
        }

        return (overall, theta);
    }

    private static PreTrendCheck CheckPreTrend(ImpactDesign design, ImpactReplicate point, double[][] boot, double alpha)
    {
        var k = design.FirstPost;
        var x = point.Theta.AsSpan(0, k).ToArray();
        var rows = boot.Where(r => !HasNaN(r, k)).ToArray();
        if (HasNaN(point.Theta, k) || rows.Length < 2) return new PreTrendCheck(double.NaN, double.NaN, k, true);
        var mean = new double[k];
        foreach (var r in rows)
        {
            for (var i = 0; i < k; i++) mean[i] += r[i] / rows.Length;
        }

        var cov = new double[k * k];
        foreach (var r in rows)
        {
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++) cov[(i * k) + j] += (r[i] - mean[i]) * (r[j] - mean[j]) / (rows.Length - 1);
            }
        }

        var wald = ImpactMath.QuadraticFormInverse(cov, x);
        var critical = ImpactMath.ChiSquareCritical(k, alpha);
        return new PreTrendCheck(wald, critical, k, wald <= critical);
    }

    private static bool HasNaN(double[] values, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (double.IsNaN(values[i])) return true;
        }

        return false;
    }
}
