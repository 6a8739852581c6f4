using SalesMentor.Core.Impact;

namespace SalesMentor.Core.Tests.Impact;

public sealed class ImpactMathTests
{
    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(0.9999, 3.719016485455709)]
    public void InverseNormal_KnownQuantiles(double p, double z) => Assert.Equal(z, ImpactMath.InverseNormal(p), 7);

    [Theory]
    [InlineData(5, 0.05, 11.070497693516351)]
    [InlineData(4, 0.05, 9.487729036781154)]
    [InlineData(2, 0.01, 9.210340371976182)]
    public void ChiSquareCritical_WithinOnePercentOfTables(int k, double alpha, double table)
        => Assert.InRange(ImpactMath.ChiSquareCritical(k, alpha), table * 0.99, table * 1.01);

    [Fact]
    public void QuadraticFormInverse_KnownMatrices()
    {
        Assert.Equal(1 + 4 + 9, ImpactMath.QuadraticFormInverse([1, 0, 0, 0, 1, 0, 0, 0, 1], [1, 2, 3]), 8);
        // A = [[2, 1], [1, 2]], A⁻¹ = [[2, −1], [−1, 2]] / 3; x = (1, 1): x'A⁻¹x = 2/3.
        Assert.Equal(2.0 / 3, ImpactMath.QuadraticFormInverse([2, 1, 1, 2], [1, 1]), 8);
        Assert.Equal(0, ImpactMath.QuadraticFormInverse([0, 0, 0, 0], [0, 0]));
        Assert.True(double.IsPositiveInfinity(ImpactMath.QuadraticFormInverse([0, 0, 0, 0], [1, 0])));
    }
}
