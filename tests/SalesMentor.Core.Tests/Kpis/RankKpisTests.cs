using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Tests.Kpis;

public sealed class RankKpisTests
{
    private static readonly Period January = FiscalCalendar.MonthOf(new DateOnly(2026, 1, 1));

    [Theory]
    // average deal sizes (empty = no won deal, so undefined), expected percentiles (empty = not ranked)
    [InlineData("10,20,20,30,", "12.5,50,50,87.5,")]                 // ties share the mid-rank; undefined is not ranked
    [InlineData("5", "50")]                                          // a lone person is in the middle
    [InlineData("7,7,7", "50,50,50")]                                // everybody tied
    [InlineData("1,2,3,4,5,6,7,8", "6.25,18.75,31.25,43.75,56.25,68.75,81.25,93.75")]
    [InlineData("40,10,30,20", "87.5,12.5,62.5,37.5")]               // input order does not matter
    [InlineData(",", ",")]
    public void Among_Values_GiveMidRankPercentiles(string values, string expected)
    {
        var amounts = values.Split(',').Select(v => v.Length == 0 ? (decimal?)null : decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var table = ComputeKpis.For(WithAverageDealSizes(amounts), [January]);

        var ranks = RankKpis.Among(table);

        var actual = Enumerable.Range(0, amounts.Length).Select(p => ranks.Percentile(p, 0, Kpi.AverageDealSize));
        Assert.Equal(expected.Split(',').Select(e => e.Length == 0 ? (double?)null : double.Parse(e, System.Globalization.CultureInfo.InvariantCulture)), actual);
    }

    [Fact]
    public void Among_PeerGroups_RankEachGroupAloneAndSkipUngrouped()
    {
        var table = ComputeKpis.For(WithAverageDealSizes([10m, 20m, 30m, 40m, 50m]), [January]);

        var ranks = RankKpis.Among(table, new[] { 0, 1, 0, 1, -1 });

        Assert.Equal([25.0, 25.0, 75.0, 75.0], Enumerable.Range(0, 4).Select(p => ranks.Percentile(p, 0, Kpi.AverageDealSize)!.Value));
        Assert.Null(ranks.Percentile(4, 0, Kpi.AverageDealSize));
    }

    [Fact]
    public void Among_PersonNotEmployedInThePeriod_IsNotRankedNorCounted()
    {
        var builder = new KpiInputBuilder(3);
        for (var p = 0; p < 3; p++) builder.AddOpportunity(p, January.Start, January.Start.AddDays(3), true, true, 10m * (p + 1));
        builder.SetEmployment(2, new DateOnly(2026, 2, 1), null);

        var ranks = RankKpis.Among(ComputeKpis.For(builder.Build(), [January]));

        Assert.Equal(25.0, ranks.Percentile(0, 0, Kpi.WonRevenue));
        Assert.Equal(75.0, ranks.Percentile(1, 0, Kpi.WonRevenue));
        Assert.Null(ranks.Percentile(2, 0, Kpi.WonRevenue));
    }

    [Fact]
    public void Among_CountsOfZero_AreRankedAsValues()
    {
        var builder = new KpiInputBuilder(2).AddActivity(0, January.Start, ActivityType.Call, true);

        var ranks = RankKpis.Among(ComputeKpis.For(builder.Build(), [January]));

        Assert.Equal(75.0, ranks.Percentile(0, 0, Kpi.Activities));
        Assert.Equal(25.0, ranks.Percentile(1, 0, Kpi.Activities));
    }

    [Fact]
    public void Percentile_UnrankedKpi_IsNull()
        => Assert.Null(RankKpis.Among(ComputeKpis.For(WithAverageDealSizes([1m]), [January])).Percentile(0, 0, Kpi.SalesCycleNegative));

    [Fact]
    public void Among_RatiosWithTies_CompareByValue()
    {
        // Win rates 1/2, 2/4 (equal), 1/4 and 3/4.
        var builder = new KpiInputBuilder(4);
        void Deals(int person, int won, int lost)
        {
            for (var i = 0; i < won; i++) builder.AddOpportunity(person, January.Start, January.Start.AddDays(1), true, true, 1m);
            for (var i = 0; i < lost; i++) builder.AddOpportunity(person, January.Start, January.Start.AddDays(1), true, false, 1m);
        }

        Deals(0, 1, 1);
        Deals(1, 2, 2);
        Deals(2, 1, 3);
        Deals(3, 3, 1);

        var ranks = RankKpis.Among(ComputeKpis.For(builder.Build(), [January]));

        Assert.Equal([50.0, 50.0, 12.5, 87.5], Enumerable.Range(0, 4).Select(p => ranks.Percentile(p, 0, Kpi.WinRateByCount)!.Value));
    }

    [Fact]
    public void SortKey_Doubles_OrderLikeTheirValuesWithBothZerosEqual()
    {
        double[] ascending = [double.NegativeInfinity, -2.5, -1, -1e-300, 0, 1e-300, 0.5, 3, double.PositiveInfinity];

        var keys = ascending.Select(RankKpis.SortKey).ToArray();

        Assert.Equal(keys.Order(), keys);
        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(RankKpis.SortKey(0.0), RankKpis.SortKey(-0.0));
    }

    /// <summary>One person per amount; each wins one deal of that amount, or nothing when the amount is null.</summary>
    private static KpiInput WithAverageDealSizes(decimal?[] amounts)
    {
        var builder = new KpiInputBuilder(amounts.Length);
        for (var p = 0; p < amounts.Length; p++)
        {
            if (amounts[p] is { } amount) builder.AddOpportunity(p, January.Start, January.Start.AddDays(5), true, true, amount);
        }

        return builder.Build();
    }
}
