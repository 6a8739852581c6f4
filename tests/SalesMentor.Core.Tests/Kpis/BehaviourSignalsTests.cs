using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Tests.Kpis;

/// <summary>The behaviour signals per month on a small hand-computed example (docs/kpis.md, behaviour signals).</summary>
public sealed class BehaviourSignalsTests
{
    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    private static readonly SignalOpportunity[] Deals =
    [
        new(D(12, 10, 2025), null, false, KpiMoney.FromDecimal(1000m)),   // 0: open throughout
        new(D(1, 5), D(2, 10), true, KpiMoney.FromDecimal(500m)),          // 1: lost on 10 February
        new(D(2, 15), null, false, null),                                  // 2: open, no amount
        new(D(3, 2), D(3, 20), true, KpiMoney.FromDecimal(250.5m)),        // 3: won on 20 March
        new(null, null, false, KpiMoney.FromDecimal(9999m)),               // 4: no created date: in no signal
        new(D(1, 20), null, true, KpiMoney.FromDecimal(7777m)),            // 5: closed without a close date: in no signal
    ];

    private static readonly SignalActivity[] Activities =
    [
        new(D(1, 10), true, 0),
        new(D(1, 25), true, 1),
        new(D(1, 31), true),
        new(D(1, 28), false, 0),     // not completed
        new(D(2, 20), true, 2),
        new(D(3, 10), true, 0),
        new(D(3, 15), true, 2),
        new(D(3, 19), true, 3),      // touches a deal that is closed at the cut
        new(D(3, 21), true, 0),      // after the as-of day
    ];

    [Fact]
    public void Monthly_HandComputedExample()
    {
        // As of 20 March: January is cut on 1 February, February on 1 March, March on 21 March; April is not reached.
        var months = ComputeBehaviourSignals.Monthly(Deals, Activities, D(1, 17), 4, D(3, 20));

        Assert.Equal(["2026-01", "2026-02", "2026-03"], months.Select(m => m.Month.Label));
        Assert.Equal([D(2, 1), D(3, 1), D(3, 21)], months.Select(m => m.Cut));

        // January: open at 1 Feb are deals 0 and 1; activities in [2 Jan, 1 Feb): 10, 25 and 31 Jan; touched in
        // [18 Jan, 1 Feb): deal 1 (25 Jan). Created in January: deal 1 (500); deal 5 has no close date.
        var jan = months[0];
        Assert.Equal((2, 3, 1, KpiMoney.FromDecimal(500m), 1), (jan.OpenOpportunities, jan.RecentActivities, jan.TouchedOpportunities, jan.PipelineCreated, jan.OpportunitiesCreated));
        Assert.Equal((1.5m, 0.5m), (jan.ActivitiesPerOpenOpportunity, jan.TouchedShare));

        // February: open at 1 Mar are deals 0 and 2 (deal 1 closed on 10 Feb); activities in [30 Jan, 1 Mar): 31 Jan
        // and 20 Feb; touched in [15 Feb, 1 Mar): deal 2. Created: deal 2, without an amount.
        var feb = months[1];
        Assert.Equal((2, 2, 1, 0L, 1), (feb.OpenOpportunities, feb.RecentActivities, feb.TouchedOpportunities, feb.PipelineCreated, feb.OpportunitiesCreated));
        Assert.Equal((1m, 0.5m), (feb.ActivitiesPerOpenOpportunity, feb.TouchedShare));

        // March: open at 21 Mar are deals 0 and 2 (deal 3 closed on 20 Mar); activities in [19 Feb, 21 Mar): 20 Feb,
        // 10, 15 and 19 Mar (21 Mar is after the as-of day); touched in [7 Mar, 21 Mar): deals 0 and 2 (deal 3 is not open).
        var mar = months[2];
        Assert.Equal((2, 4, 2, KpiMoney.FromDecimal(250.5m), 1), (mar.OpenOpportunities, mar.RecentActivities, mar.TouchedOpportunities, mar.PipelineCreated, mar.OpportunitiesCreated));
        Assert.Equal((2m, 1m), (mar.ActivitiesPerOpenOpportunity, mar.TouchedShare));
    }

    [Fact]
    public void Monthly_NoOpenOpportunities_RatiosAreEmpty_AndPipelineIsZero()
    {
        var months = ComputeBehaviourSignals.Monthly([], [new(D(5, 3), true)], D(5, 1), 1, D(5, 31));

        var may = Assert.Single(months);
        Assert.Equal((0, 1, null, null, 0L), (may.OpenOpportunities, may.RecentActivities, may.ActivitiesPerOpenOpportunity, may.TouchedShare, may.PipelineCreated));
        Assert.Equal(D(6, 1), may.Cut);
    }

    [Fact]
    public void Monthly_WindowBoundaries_AreHalfOpen()
    {
        // Cut 1 July: the 30-day window starts on 1 June, the 14-day window on 17 June.
        SignalOpportunity[] deals = [new(D(1, 1), null, false, null)];
        SignalActivity[] activities = [new(D(5, 31), true, 0), new(D(6, 1), true), new(D(6, 16), true, 0), new(D(6, 30), true)];

        var june = ComputeBehaviourSignals.Monthly(deals, activities, D(6, 1), 1, D(8, 1))[0];

        Assert.Equal((3, 0), (june.RecentActivities, june.TouchedOpportunities));
        Assert.Equal(1, ComputeBehaviourSignals.Monthly(deals, [new(D(6, 17), true, 0)], D(6, 1), 1, D(8, 1))[0].TouchedOpportunities);
    }

    [Fact]
    public void Monthly_ActivityOfAnUnknownOpportunity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ComputeBehaviourSignals.Monthly([], [new(D(1, 1), true, 0)], D(1, 1), 1, D(1, 31)));

    [Fact]
    public void Monthly_FirstMonthAfterTheAsOfDay_IsEmpty() =>
        Assert.Empty(ComputeBehaviourSignals.Monthly(Deals, Activities, D(4, 1), 3, D(3, 20)));
}
