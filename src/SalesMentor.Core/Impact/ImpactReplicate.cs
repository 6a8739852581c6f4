namespace SalesMentor.Core.Impact;

/// <summary>
/// Evaluates the matched difference in differences for one weighting of the reps: the point estimate (every rep once)
/// or a bootstrap replicate (each rep as often as it was drawn). A rep drawn twice counts twice: as a mentee in the
/// average, as a comparison rep in its mentees' comparison means; a rep not drawn drops out.
/// </summary>
internal sealed class ImpactReplicate
{
    private readonly ImpactDesign _design;
    private readonly List<(int Control, int Take)> _matched = [];
    private readonly BiasCorrection _correction = new();

    internal ImpactReplicate(ImpactDesign design)
    {
        _design = design;
        Theta = new double[design.EventTimes.Length];
        Weight = new double[design.EventTimes.Length];
    }

    /// <summary>Event-study coefficients, by index of <see cref="ImpactDesign.EventTimes"/>; NaN where no mentee has data.</summary>
    internal double[] Theta { get; }

    /// <summary>Matched mentees (with multiplicity) behind each coefficient.</summary>
    internal double[] Weight { get; }

    /// <summary>The average of the post-period coefficients that have data; NaN when none has.</summary>
    internal double Overall { get; private set; }

    /// <summary>Runs with <paramref name="weights"/> per rep (null: every rep once) and fills the results; <paramref name="detail"/> collects who was matched to whom.</summary>
    internal void Run(int[]? weights, ImpactPointDetail? detail)
    {
        Array.Clear(Theta);
        Array.Clear(Weight);
        var e = _design.EventTimes.Length;
        foreach (var cohort in _design.Cohorts)
        {
            if (_design.Options.CorrectBias) _correction.Fit(_design, cohort, weights);
            for (var i = 0; i < cohort.Mentees.Length; i++)
            {
                var wi = weights is null ? 1 : weights[cohort.Mentees[i]];
                if (wi == 0) continue;
                Match(cohort, i, weights);
                if (_matched.Count == 0)
                {
                    detail?.Unmatched();
                    continue;
                }

                var liftSum = 0.0;
                var liftCount = 0;
                for (var t = 0; t < e; t++)
                {
                    var own = cohort.MenteeDeltas[(i * e) + t];
                    if (double.IsNaN(own)) continue;
                    double sum = 0, taken = 0;
                    foreach (var (control, take) in _matched)
                    {
                        var delta = cohort.ControlDeltas[(control * e) + t];
                        if (double.IsNaN(delta)) continue;
                        if (_design.Options.CorrectBias) delta += _correction.Adjust(_design, cohort, i, control, t);
                        sum += take * delta;
                        taken += take;
                    }

                    if (taken == 0) continue;
                    var lift = own - (sum / taken);
                    Theta[t] += wi * lift;
                    Weight[t] += wi;
                    if (t >= _design.FirstPost)
                    {
                        liftSum += lift;
                        liftCount++;
                    }
                }

                detail?.Matched(cohort, i, _matched, liftCount > 0 ? liftSum / liftCount : double.NaN);
            }
        }

        double overall = 0;
        var count = 0;
        for (var t = 0; t < e; t++)
        {
            Theta[t] = Weight[t] > 0 ? Theta[t] / Weight[t] : double.NaN;
            if (t >= _design.FirstPost && !double.IsNaN(Theta[t]))
            {
                overall += Theta[t];
                count++;
            }
        }

        Overall = count > 0 ? overall / count : double.NaN;
    }

    /// <summary>
    /// The mentee's nearest comparison reps within the caliper, each weighted by how often the replicate drew it
    /// (once for the point estimate); reps not drawn drop out. The neighbours are the point estimate's: matching again in
    /// each replicate gave the same interval widths in our simulations (docs/impact.md) at a higher cost.
    /// </summary>
    private void Match(ImpactCohort cohort, int mentee, int[]? weights)
    {
        _matched.Clear();
        for (var p = cohort.CandidateStarts[mentee]; p < cohort.CandidateStarts[mentee + 1]; p++)
        {
            var control = cohort.Candidates[p];
            var drawn = weights is null ? 1 : weights[cohort.Controls[control]];
            if (drawn > 0) _matched.Add((control, drawn));
        }
    }
}
