using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Tests.Kpis;

public sealed class NthElementTests
{
    [Theory]
    [InlineData("5", 5.0)]
    [InlineData("4,1", 2.5)]
    [InlineData("3,1,2", 2.0)]
    [InlineData("7,7,7,1", 7.0)]
    [InlineData("1,2,3,4", 2.5)]
    public void Median_SmallTables_MatchTheDefinition(string values, double expected)
        => Assert.Equal(expected, NthElement.Median(values.Split(',').Select(int.Parse).ToArray()));

    [Fact]
    public void Median_RandomArrays_MatchSorting()
    {
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var values = Enumerable.Range(0, random.Next(1, 200)).Select(_ => random.Next(0, round % 3 == 0 ? 5 : 1000)).ToArray();
            var sorted = values.Order().ToArray();
            var n = sorted.Length;
            var expected = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;

            Assert.Equal(expected, NthElement.Median(values));
        }
    }
}
