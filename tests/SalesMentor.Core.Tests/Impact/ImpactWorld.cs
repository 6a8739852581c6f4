using SalesMentor.Core.Demo;
using SalesMentor.Core.Impact;

namespace SalesMentor.Core.Tests.Impact;

/// <summary>Small hand-shaped inputs for the edge cases: values from a formula plus seeded noise.</summary>
internal static class ImpactWorld
{
    /// <summary>Builds an input of <paramref name="reps"/> × <paramref name="periods"/>; team = rep % 4, tenure 24 at period 0.</summary>
    internal static ImpactInput Build(int reps, int periods, Func<int, int> start, Func<int, int, double> value, double noise = 1, int seed = 7)
    {
        var random = new DemoRandom((ulong)seed);
        var values = new double[reps * periods];
        var starts = new int[reps];
        for (var r = 0; r < reps; r++)
        {
            starts[r] = start(r);
            for (var t = 0; t < periods; t++) values[(r * periods) + t] = value(r, t) + (noise * random.NextGaussian());
        }

        return new ImpactInput(periods, values, [.. Enumerable.Repeat(24.0, reps)], [.. Enumerable.Range(0, reps).Select(r => r % 4)], starts);
    }
}
