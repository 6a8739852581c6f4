using SalesMentor.Core.Impact;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.Tests.Kpis;

namespace SalesMentor.Core.Tests.Impact;

public sealed class BuildImpactInputTests
{
    [Theory]
    [InlineData(Kpi.WinRateByCount, 100)]
    [InlineData(Kpi.WonRevenue, 1)]
    public void FromKpis_HandComputedWorld_ReadsTheTableScaledAndNaNWhenUndefined(Kpi kpi, double scale)
    {
        var table = ComputeKpis.For(KpiFixture.Build(), KpiFixture.Months);

        var input = BuildImpactInput.FromKpis(table, kpi, scale, [12, 0], [1, 2], [2, ImpactInput.NotMentored]);

        Assert.Equal(2, input.Reps);
        Assert.Equal(4, input.Periods);
        for (var person = 0; person < 2; person++)
        {
            for (var period = 0; period < 4; period++)
            {
                var expected = table.Value(person, period, kpi) is { } v ? (double)v * scale : double.NaN;
                Assert.Equal(expected, input.ValueAt(person, period), 9);
            }
        }

        Assert.Equal(2, input.StartOf(0));
        Assert.Equal(13, input.TenureAt(0, 1));
    }

    [Fact]
    public void FromKpis_WinRateOfAPersonWithNoDeals_IsNaN()
    {
        var table = ComputeKpis.For(KpiFixture.Build(), KpiFixture.Months);

        var input = BuildImpactInput.FromKpis(table, Kpi.WinRateByCount, 100, [0, 0], [0, 0], [-1, -1]);

        Assert.All(Enumerable.Range(0, 4), t => Assert.True(double.IsNaN(input.ValueAt(1, t))));
        Assert.Equal(100 * table.Ratio(0, 1, Kpi.WinRateByCount)!.Value, input.ValueAt(0, 1), 12);
    }
}
