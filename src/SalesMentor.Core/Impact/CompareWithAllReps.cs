namespace SalesMentor.Core.Impact;

/// <summary>
/// The plain comparison most dashboards show, kept as the baseline the honest estimate is tested against: mentees'
/// mean KPI over their first post periods minus the mean of every never-mentored rep over the same periods. It ignores
/// who chose to be mentored and why, so it carries the whole selection bias; never show it as an effect.
/// </summary>
public static class CompareWithAllReps
{
    /// <summary>The plain difference, in the KPI's unit; NaN when there are no mentees or no never-mentored reps with values.</summary>
    /// <param name="input">The KPI per rep and period, with starts.</param>
    /// <param name="postPeriods">Periods from each start (inclusive) to average over; starts too late for the full span are skipped.</param>
    public static double Run(ImpactInput input, int postPeriods)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(postPeriods, 1);
        var never = Enumerable.Range(0, input.Reps).Where(r => input.StartOf(r) == ImpactInput.NotMentored).ToArray();
        double total = 0;
        var mentees = 0;
        for (var rep = 0; rep < input.Reps; rep++)
        {
            var g = input.StartOf(rep);
            if (g == ImpactInput.NotMentored || g + postPeriods > input.Periods) continue;
            var own = Mean([rep], g, g + postPeriods);
            var others = Mean(never, g, g + postPeriods);
            if (double.IsNaN(own) || double.IsNaN(others)) continue;
            total += own - others;
            mentees++;
        }

        return mentees > 0 ? total / mentees : double.NaN;

        double Mean(int[] reps, int from, int to)
        {
            double sum = 0;
            var n = 0;
            foreach (var r in reps)
            {
                for (var t = from; t < to; t++)
                {
                    var v = input.ValueAt(r, t);
                    if (double.IsNaN(v)) continue;
                    sum += v;
                    n++;
                }
            }

            return n > 0 ? sum / n : double.NaN;
        }
    }
}
