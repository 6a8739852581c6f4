namespace SalesMentor.Core.Impact;

/// <summary>
/// Bias correction of the matching (Abadie and Imbens 2011): within a cohort, for each event time, a least-squares fit
/// of the comparison reps' change on their features; a comparison rep's change is then moved by the fitted slope times
/// the feature gap to its mentee, so what a caliper leaves unmatched does not bias the effect.
/// </summary>
internal sealed class BiasCorrection
{
    private const int F = ImpactDesign.Features;
    private const int P = F + 1;
    private readonly double[] _xtx = new double[P * P];
    private readonly double[] _xty = new double[P];

    /// <summary>Slopes per event time and feature, <c>[t * F + f]</c>, in KPI units per standardized feature unit.</summary>
    internal double[] Slopes { get; private set; } = [];

    /// <summary>Fits every event time of <paramref name="cohort"/> on the comparison reps, each weighted as drawn.</summary>
    internal void Fit(ImpactDesign design, ImpactCohort cohort, int[]? weights)
    {
        var e = design.EventTimes.Length;
        if (Slopes.Length != e * F) Slopes = new double[e * F];
        Array.Clear(Slopes);
        Span<double> x = stackalloc double[P];
        if (!cohort.ControlDeltasMissing)
        {
            FitAllAtOnce(design, cohort, weights, e);
            return;
        }

        for (var t = 0; t < e; t++)
        {
            Array.Clear(_xtx);
            Array.Clear(_xty);
            var n = 0.0;
            for (var j = 0; j < cohort.Controls.Length; j++)
            {
                var w = weights is null ? 1 : weights[cohort.Controls[j]];
                var y = cohort.ControlDeltas[(j * e) + t];
                if (w == 0 || double.IsNaN(y)) continue;
                x[0] = 1;
                for (var f = 0; f < F; f++) x[f + 1] = cohort.ControlFeatures[(j * F) + f] / design.Scales[f];
                for (var a = 0; a < P; a++)
                {
                    _xty[a] += w * x[a] * y;
                    for (var b = 0; b < P; b++) _xtx[(a * P) + b] += w * x[a] * x[b];
                }

                n += w;
            }

            // Too few reps to fit four coefficients: no correction rather than a wild one.
            if (n < 4 * P) continue;
            var beta = Solve(_xtx, _xty);
            if (beta is null) continue;
            for (var f = 0; f < F; f++) Slopes[(t * F) + f] = beta[f + 1];
        }
    }

    /// <summary>With no missing change, X'X is the same for every event time: one pass fills it and every X'y.</summary>
    private void FitAllAtOnce(ImpactDesign design, ImpactCohort cohort, int[]? weights, int e)
    {
        Array.Clear(_xtx);
        var xty = new double[e * P];
        Span<double> x = stackalloc double[P];
        var n = 0.0;
        for (var j = 0; j < cohort.Controls.Length; j++)
        {
            var w = weights is null ? 1 : weights[cohort.Controls[j]];
            if (w == 0) continue;
            x[0] = 1;
            for (var f = 0; f < F; f++) x[f + 1] = cohort.ControlFeatures[(j * F) + f] / design.Scales[f];
            for (var a = 0; a < P; a++)
            {
                for (var b = 0; b < P; b++) _xtx[(a * P) + b] += w * x[a] * x[b];
            }

            for (var t = 0; t < e; t++)
            {
                var y = w * cohort.ControlDeltas[(j * e) + t];
                for (var a = 0; a < P; a++) xty[(t * P) + a] += x[a] * y;
            }

            n += w;
        }

        if (n < 4 * P) return;
        for (var t = 0; t < e; t++)
        {
            xty.AsSpan(t * P, P).CopyTo(_xty);
            var beta = Solve(_xtx, _xty);
            if (beta is null) return;
            for (var f = 0; f < F; f++) Slopes[(t * F) + f] = beta[f + 1];
        }
    }

    /// <summary>The correction to add to comparison rep <paramref name="control"/>'s change at event time <paramref name="t"/> for mentee <paramref name="mentee"/>.</summary>
    internal double Adjust(ImpactDesign design, ImpactCohort cohort, int mentee, int control, int t)
    {
        var sum = 0.0;
        for (var f = 0; f < F; f++)
        {
            var gap = (cohort.MenteeFeatures[(mentee * F) + f] - cohort.ControlFeatures[(control * F) + f]) / design.Scales[f];
            sum += Slopes[(t * F) + f] * gap;
        }

        return sum;
    }

    /// <summary>Gaussian elimination with partial pivoting on a copy; null when (nearly) singular.</summary>
    private static double[]? Solve(double[] a, double[] b)
    {
        var m = (double[])a.Clone();
        var r = (double[])b.Clone();
        var scale = 0.0;
        for (var i = 0; i < P; i++) scale = Math.Max(scale, Math.Abs(m[(i * P) + i]));
        for (var c = 0; c < P; c++)
        {
            var pivot = c;
            for (var i = c + 1; i < P; i++)
            {
                if (Math.Abs(m[(i * P) + c]) > Math.Abs(m[(pivot * P) + c])) pivot = i;
            }

            if (Math.Abs(m[(pivot * P) + c]) <= 1e-9 * scale) return null;
            if (pivot != c)
            {
                for (var k = 0; k < P; k++) (m[(c * P) + k], m[(pivot * P) + k]) = (m[(pivot * P) + k], m[(c * P) + k]);
                (r[c], r[pivot]) = (r[pivot], r[c]);
            }

            for (var i = c + 1; i < P; i++)
            {
                var factor = m[(i * P) + c] / m[(c * P) + c];
                for (var k = c; k < P; k++) m[(i * P) + k] -= factor * m[(c * P) + k];
                r[i] -= factor * r[c];
            }
        }

        var x = new double[P];
        for (var i = P - 1; i >= 0; i--)
        {
            var sum = r[i];
            for (var k = i + 1; k < P; k++) sum -= m[(i * P) + k] * x[k];
            x[i] = sum / m[(i * P) + i];
        }

        return x;
    }
}
