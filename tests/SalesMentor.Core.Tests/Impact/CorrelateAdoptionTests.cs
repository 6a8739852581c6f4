using SalesMentor.Core.Impact;

namespace SalesMentor.Core.Tests.Impact;

public sealed class CorrelateAdoptionTests
{
    [Fact]
    public void Run_KnownData_GivesPearsonAndFisherInterval()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] y = [2, 1, 4, 3, 7, 5, 8, 6, 10, 9];

        var result = CorrelateAdoption.Run(x, y);

        // r = 74.5 / 82.5 (Σdx² = Σdy² = 82.5, Σ(dx − dy)² = 16 so Σdxdy = (165 − 16) / 2); interval tanh(atanh r ± 1.96/√7).
        var r = 74.5 / 82.5;
        Assert.Equal(r, result.Correlation!.Value, 12);
        Assert.Equal(Math.Tanh(Math.Atanh(r) - (1.959963984540054 / Math.Sqrt(7))), result.Low!.Value, 12);
        Assert.Equal(Math.Tanh(Math.Atanh(r) + (1.959963984540054 / Math.Sqrt(7))), result.High!.Value, 12);
        Assert.StartsWith("Correlation 0.90 (95 % interval 0.63 to 0.98, 10 mentees): mentees whose adoption rose more also tended to gain more", result.Verdict, StringComparison.Ordinal);
        Assert.EndsWith("not proof that adoption caused the change.", result.Verdict, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public void Run_TooFewPairs_SaysCantTell(int n)
    {
        var result = CorrelateAdoption.Run([.. Enumerable.Range(0, n).Select(i => (double)i)], [.. Enumerable.Range(0, n).Select(i => (double)i)]);

        Assert.Null(result.Correlation);
        Assert.StartsWith("Can't tell", result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoVariationOrNaN_SkipsOrSaysCantTell()
    {
        var constant = CorrelateAdoption.Run([1, 1, 1, 1, 1], [1, 2, 3, 4, 5]);
        var withNaN = CorrelateAdoption.Run([1, 2, double.NaN, 3, 4, 5], [1, 2, 3, 3, 4, 5]);

        Assert.Null(constant.Correlation);
        Assert.Equal(5, withNaN.Mentees);
        Assert.Equal(1, withNaN.Correlation!.Value, 12);
    }

    [Fact]
    public void Run_IndependentData_IntervalCoversZeroAboutNinetyFivePercent()
    {
        var random = new SalesMentor.Core.Demo.DemoRandom(5);
        var covered = 0;
        const int trials = 400;
        for (var i = 0; i < trials; i++)
        {
            var x = Enumerable.Range(0, 30).Select(_ => random.NextGaussian()).ToArray();
            var y = Enumerable.Range(0, 30).Select(_ => random.NextGaussian()).ToArray();
            var result = CorrelateAdoption.Run(x, y);
            if (result.Low <= 0 && 0 <= result.High) covered++;
        }

        Assert.InRange((double)covered / trials, 0.92, 0.98);
    }
}
