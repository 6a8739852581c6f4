namespace SalesMentor.Core.Impact;

/// <summary>
/// Adoption → outcome: the Pearson correlation between mentees' change in behaviour adoption and their change in a
/// KPI, with a 95 % interval by Fisher's z (tanh(atanh r ± 1.96 / √(n − 3))). It shows association, not causation.
/// </summary>
/// <param name="Mentees">Pairs used (both values finite).</param>
/// <param name="Correlation">Pearson r; null when it cannot be computed (fewer than 4 pairs, or no variation).</param>
/// <param name="Low">Lower end of the 95 % interval; null with <paramref name="Correlation"/>.</param>
/// <param name="High">Upper end of the 95 % interval; null with <paramref name="Correlation"/>.</param>
/// <param name="Verdict">The answer in plain words.</param>
public sealed record AdoptionCorrelation(int Mentees, double? Correlation, double? Low, double? High, string Verdict);

/// <summary>Computes <see cref="AdoptionCorrelation"/>.</summary>
public static class CorrelateAdoption
{
    /// <summary>Fewest pairs for an interval (Fisher's z needs n − 3 &gt; 0).</summary>
    public const int MinimumPairs = 4;

    /// <summary>Correlates adoption changes with KPI changes, pair by pair; pairs with a NaN are skipped.</summary>
    /// <exception cref="ArgumentException">The lists have different lengths.</exception>
    public static AdoptionCorrelation Run(IReadOnlyList<double> adoptionChange, IReadOnlyList<double> kpiChange)
    {
        ArgumentNullException.ThrowIfNull(adoptionChange);
        ArgumentNullException.ThrowIfNull(kpiChange);
        if (adoptionChange.Count != kpiChange.Count) throw new ArgumentException("One KPI change per adoption change.", nameof(kpiChange));
        var pairs = Enumerable.Range(0, adoptionChange.Count)
            .Where(i => double.IsFinite(adoptionChange[i]) && double.IsFinite(kpiChange[i]))
            .Select(i => (X: adoptionChange[i], Y: kpiChange[i]))
            .ToArray();
        var n = pairs.Length;
        if (n < MinimumPairs)
            return new AdoptionCorrelation(n, null, null, null, $"Can't tell: {n} mentees with both an adoption and a KPI change; at least {MinimumPairs} are needed.");
        var mx = pairs.Average(p => p.X);
        var my = pairs.Average(p => p.Y);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
        }

        if (sxx <= 0 || syy <= 0)
            return new AdoptionCorrelation(n, null, null, null, "Can't tell: adoption or the KPI did not vary among these mentees.");
        var r = Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
        var z = Math.Atanh(Math.Clamp(r, -0.999999999, 0.999999999));
        var half = ImpactMath.Z975 / Math.Sqrt(n - 3);
        var low = Math.Tanh(z - half);
        var high = Math.Tanh(z + half);
        var words = low > 0
            ? "mentees whose adoption rose more also tended to gain more on the KPI"
            : high < 0 ? "mentees whose adoption rose more tended to gain less on the KPI" : "no clear link between adoption and the KPI";
        var verdict = FormattableString.Invariant($"Correlation {r:0.00} (95 % interval {low:0.00} to {high:0.00}, {n} mentees): {words}. A correlation, not proof that adoption caused the change.");
        return new AdoptionCorrelation(n, r, low, high, verdict);
    }
}
