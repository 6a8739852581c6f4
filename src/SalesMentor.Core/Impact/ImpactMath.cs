namespace SalesMentor.Core.Impact;

/// <summary>Small numerical helpers of the impact estimate: quantiles and a symmetric solve.</summary>
internal static class ImpactMath
{
    /// <summary>The 97.5 % quantile of the standard normal, for two-sided 95 % intervals.</summary>
    internal const double Z975 = 1.959963984540054;

    /// <summary>Quantile of the standard normal (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    internal static double InverseNormal(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p));
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q) + c[4]) * q + c[5]) / ((((((((d[0] * q) + d[1]) * q) + d[2]) * q) + d[3]) * q) + 1);
        }

        if (p > 1 - low) return -InverseNormal(1 - p);
        var r = p - 0.5;
        var s = r * r;
        return (((((((((a[0] * s) + a[1]) * s) + a[2]) * s) + a[3]) * s) + a[4]) * s + a[5]) * r
            / (((((((((b[0] * s) + b[1]) * s) + b[2]) * s) + b[3]) * s) + b[4]) * s + 1);
    }

    /// <summary>Upper quantile χ²(k) at level 1 − <paramref name="alpha"/> (Wilson–Hilferty; within 1 % for k ≥ 2 at usual levels).</summary>
    internal static double ChiSquareCritical(int k, double alpha)
    {
        var z = InverseNormal(1 - alpha);
        var h = 2.0 / (9.0 * k);
        var cube = 1 - h + (z * Math.Sqrt(h));
        return k * cube * cube * cube;
    }

    /// <summary>
    /// x'A⁻¹x for a symmetric positive semi-definite <paramref name="a"/> (n × n, row-major), by Cholesky with a tiny ridge
    /// (1e-10 of the mean diagonal) so that a degenerate direction with x = 0 along it adds nothing. Returns
    /// <see cref="double.PositiveInfinity"/> when A is zero but x is not, and 0 when both are zero.
    /// </summary>
    internal static double QuadraticFormInverse(double[] a, double[] x)
    {
        var n = x.Length;
        var trace = 0.0;
        for (var i = 0; i < n; i++) trace += a[(i * n) + i];
        var anyX = x.Any(v => v != 0);
        if (trace <= 0) return anyX ? double.PositiveInfinity : 0;
        var ridge = 1e-10 * trace / n;
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * n) + j] + (i == j ? ridge : 0);
                for (var k = 0; k < j; k++) sum -= l[(i * n) + k] * l[(j * n) + k];
                if (i == j) l[(i * n) + i] = Math.Sqrt(Math.Max(sum, ridge));
                else l[(i * n) + j] = sum / l[(j * n) + j];
            }
        }

        // Solve L y = x; then x'A⁻¹x = y'y.
        var y = new double[n];
        var result = 0.0;
        for (var i = 0; i < n; i++)
        {
            var sum = x[i];
            for (var k = 0; k < i; k++) sum -= l[(i * n) + k] * y[k];
            y[i] = sum / l[(i * n) + i];
            result += y[i] * y[i];
        }

        return result;
    }
}
