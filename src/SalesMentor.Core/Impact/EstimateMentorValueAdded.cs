namespace SalesMentor.Core.Impact;

/// <summary>One mentor's value-added: their mentees' average lift, raw and shrunk toward the program mean.</summary>
/// <param name="Mentor">The mentor's index as given by the caller.</param>
/// <param name="Mentees">Mentees of this mentor in the estimate.</param>
/// <param name="RawLift">Mean lift of their mentees, in the KPI's unit.</param>
/// <param name="ShrunkLift">Empirical-Bayes estimate: program mean + <see cref="Reliability"/> × (raw − program mean).</param>
/// <param name="Reliability">τ² / (τ² + σ²/n), 0–1: how much of the raw difference from the mean is kept.</param>
public sealed record MentorLift(int Mentor, int Mentees, double RawLift, double ShrunkLift, double Reliability);

/// <summary>All mentors' value-added with the variance components behind the shrinkage.</summary>
/// <param name="ProgramMean">Mean lift over all mentees with a mentor.</param>
/// <param name="BetweenMentorVariance">τ²: variance of true mentor effects (ANOVA estimate, floored at 0).</param>
/// <param name="WithinMentorVariance">σ²: variance of one mentee's lift around their mentor's true effect.</param>
/// <param name="Mentors">Per mentor, in ascending mentor index.</param>
public sealed record MentorValueAdded(double ProgramMean, double BetweenMentorVariance, double WithinMentorVariance, IReadOnlyList<MentorLift> Mentors);

/// <summary>
/// Mentor value-added: each mentor's mentees' lift (from <see cref="ImpactResult.MenteeLifts"/>), shrunk toward the
/// program mean by empirical Bayes (one-way random effects, ANOVA variance components), so a mentor with two lucky
/// mentees does not top the list. Confidential: built from individual lifts, for admins only.
/// </summary>
public static class EstimateMentorValueAdded
{
    /// <summary>Computes every mentor's value-added.</summary>
    /// <param name="lifts">Mentee lifts; NaN lifts are ignored.</param>
    /// <param name="mentorOf">Mentor index of a rep (by rep index), or a negative value for none.</param>
    public static MentorValueAdded Run(IReadOnlyList<MenteeLift> lifts, Func<int, int> mentorOf)
    {
        ArgumentNullException.ThrowIfNull(lifts);
        ArgumentNullException.ThrowIfNull(mentorOf);
        var groups = lifts.Where(l => !double.IsNaN(l.Lift) && mentorOf(l.Rep) >= 0)
            .GroupBy(l => mentorOf(l.Rep))
            .OrderBy(g => g.Key)
            .Select(g => (Mentor: g.Key, Values: g.Select(l => l.Lift).ToArray()))
            .ToArray();
        var n = groups.Sum(g => g.Values.Length);
        if (n == 0) return new MentorValueAdded(double.NaN, 0, 0, []);
        var mean = groups.Sum(g => g.Values.Sum()) / n;
        var m = groups.Length;
        var within = groups.Sum(g => g.Values.Sum(v => Square(v - g.Values.Average())));
        var sigma2 = n > m ? within / (n - m) : (n > 1 ? groups.SelectMany(g => g.Values).Sum(v => Square(v - mean)) / (n - 1) : 0);
        var between = groups.Sum(g => g.Values.Length * Square(g.Values.Average() - mean));
        var n0 = n - (groups.Sum(g => (double)g.Values.Length * g.Values.Length) / n);
        var tau2 = m > 1 && n0 > 0 ? Math.Max(0, (between - ((m - 1) * sigma2)) / n0) : 0;
        var mentors = groups.Select(g =>
        {
            var raw = g.Values.Average();
            var noise = sigma2 / g.Values.Length;
            var reliability = tau2 + noise > 0 ? tau2 / (tau2 + noise) : 1;
            return new MentorLift(g.Mentor, g.Values.Length, raw, mean + (reliability * (raw - mean)), reliability);
        }).ToList();
        return new MentorValueAdded(mean, tau2, sigma2, mentors);
    }

    private static double Square(double x) => x * x;
}
