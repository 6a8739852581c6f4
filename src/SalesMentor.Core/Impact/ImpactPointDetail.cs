namespace SalesMentor.Core.Impact;

/// <summary>What the point estimate records beyond the coefficients: who was matched, to whom, the lifts and the balance.</summary>
internal sealed class ImpactPointDetail(ImpactDesign design)
{
    private const int F = ImpactDesign.Features;
    private readonly HashSet<int> _comparisonReps = [];
    private readonly double[] _menteeSum = new double[F];
    private readonly double[] _matchedSum = new double[F];
    private double _sameTeam;

    internal int MatchedMentees { get; private set; }

    internal int UnmatchedMentees { get; private set; }

    internal int ComparisonReps => _comparisonReps.Count;

    internal List<MenteeLift> Lifts { get; } = [];

    internal void Unmatched() => UnmatchedMentees++;

    internal void Matched(ImpactCohort cohort, int mentee, List<(int Control, int Take)> matched, double lift)
    {
        MatchedMentees++;
        var rep = cohort.Mentees[mentee];
        Lifts.Add(new MenteeLift(rep, cohort.Start, lift));
        var total = matched.Sum(m => m.Take);
        for (var f = 0; f < F; f++) _menteeSum[f] += cohort.MenteeFeatures[(mentee * F) + f];
        foreach (var (control, take) in matched)
        {
            _comparisonReps.Add(cohort.Controls[control]);
            var share = (double)take / total;
            for (var f = 0; f < F; f++) _matchedSum[f] += share * cohort.ControlFeatures[(control * F) + f];
            if (design.Input.TeamOf(cohort.Controls[control]) == design.Input.TeamOf(rep)) _sameTeam += share;
        }
    }

    /// <summary>The balance table: features before matching (all mentees with history against every possible comparison rep, per cohort) and after.</summary>
    internal List<BalanceRow> Balance()
    {
        var rows = new List<BalanceRow>(F + 1);
        for (var f = 0; f < F; f++)
        {
            var (menteeMean, menteeVar) = Moments(c => c.MenteeFeatures, f);
            var (controlMean, controlVar) = Moments(c => c.ControlFeatures, f);
            var sd = Math.Sqrt((menteeVar + controlVar) / 2);
            var matchedMentee = MatchedMentees > 0 ? _menteeSum[f] / MatchedMentees : double.NaN;
            var matchedControl = MatchedMentees > 0 ? _matchedSum[f] / MatchedMentees : double.NaN;
            rows.Add(new BalanceRow(
                ImpactDesign.FeatureNames[f],
                matchedMentee,
                controlMean,
                matchedControl,
                sd > 0 ? (menteeMean - controlMean) / sd : 0,
                sd > 0 ? (matchedMentee - matchedControl) / sd : 0));
        }

        var sameBefore = SameTeamShareBefore();
        var sameAfter = MatchedMentees > 0 ? _sameTeam / MatchedMentees : double.NaN;
        rows.Add(new BalanceRow("Share of comparison in the mentee's team", 1, sameBefore, sameAfter, double.NaN, double.NaN));
        return rows;
    }

    private (double Mean, double Variance) Moments(Func<ImpactCohort, double[]> pick, int f)
    {
        double n = 0, sum = 0, sumSq = 0;
        foreach (var cohort in design.Cohorts)
        {
            var values = pick(cohort);
            for (var i = f; i < values.Length; i += F)
            {
                n++;
                sum += values[i];
                sumSq += values[i] * values[i];
            }
        }

        if (n == 0) return (double.NaN, 0);
        var mean = sum / n;
        return (mean, n > 1 ? Math.Max(0, (sumSq - (sum * mean)) / (n - 1)) : 0);
    }

    private double SameTeamShareBefore()
    {
        double share = 0;
        var mentees = 0;
        foreach (var cohort in design.Cohorts)
        {
            if (cohort.Controls.Length == 0) continue;
            foreach (var rep in cohort.Mentees)
            {
                var team = design.Input.TeamOf(rep);
                share += (double)cohort.Controls.Count(c => design.Input.TeamOf(c) == team) / cohort.Controls.Length;
                mentees++;
            }
        }

        return mentees > 0 ? share / mentees : double.NaN;
    }
}
