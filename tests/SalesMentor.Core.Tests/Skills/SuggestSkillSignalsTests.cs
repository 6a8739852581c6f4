using SalesMentor.Core.Kpis;
using SalesMentor.Core.Skills;

namespace SalesMentor.Core.Tests.Skills;

/// <summary>
/// Ten reps over one year. Reps 1–8 are ordinary; rep 0 has small deals, a long cycle and few activities; rep 9 the
/// opposite and a 90 % win rate; rep 5 closed only 4 deals.
/// </summary>
public sealed class SuggestSkillSignalsTests
{
    private static readonly Period Year = Period.Custom(new DateOnly(2025, 10, 1), new DateOnly(2026, 10, 1));

    [Theory]
    // rep, expected signals as "skill kind kpi percentile" in rule order
    [InlineData(0, "prospecting Gap PipelineCreated 5|qualifying Gap SalesCycleMedianDays 95|negotiating Gap AverageDealSize 5|time-management Gap Activities 5")]
    [InlineData(9, "prospecting Strength PipelineCreated 95|qualifying Strength WinRateByCount 95|closing Strength WinRateByCount 95|qualifying Strength SalesCycleMedianDays 5|negotiating Strength AverageDealSize 95|time-management Strength Activities 95")]
    [InlineData(1, "prospecting Gap PipelineCreated 25|qualifying Strength SalesCycleMedianDays 15|negotiating Gap AverageDealSize 15|time-management Gap Activities 15")]
    [InlineData(5, "prospecting Gap PipelineCreated 15")]                 // too few deals for win rate, cycle and deal size
    [InlineData(4, "")]                                                   // in the middle: nothing
    public void ForEveryone_Reps_GetTheSignalsOfTheirTails(int rep, string expected)
    {
        var (table, ranks) = Compute();

        var signals = SuggestSkillSignals.ForEveryone(table, ranks, 0)[rep];

        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), signals.Select(s => $"{s.SkillId} {s.Kind} {s.Kpi} {s.Percentile}"));
    }

    [Fact]
    public void For_Gap_CarriesValueMedianPercentileAndReason()
    {
        var (table, ranks) = Compute();

        var signal = SuggestSkillSignals.For(table, ranks, 0, 0)[0];

        // Pipeline created: 1,000 (rep 0), 4,100 (rep 5), 10,050 … 10,400, 50,000: median (10,150 + 10,200) / 2.
        Assert.Equal((1000m, 10175m, 5.0, 10), (signal.Value, signal.PeerMedian, signal.Percentile, signal.Peers));
        Assert.Equal("Pipeline created 1,000.00 against a peer median of 10,175.00 (percentile 5 of 10): a possible gap in prospecting.", signal.Reason);
    }

    [Fact]
    public void For_RatioAndDays_AreShownInTheirUnits()
    {
        var (table, ranks) = Compute();

        var reasons = SuggestSkillSignals.For(table, ranks, 0, 9).Select(s => s.Reason).ToList();

        Assert.Contains("Win rate (count) 90% against a peer median of 50% (percentile 95 of 10): a possible strength in closing.", reasons);
        Assert.Contains("Sales cycle (median) 10 days against a peer median of 34.5 days (percentile 5 of 10): a possible strength in qualifying.", reasons);
    }

    [Fact]
    public void ForEveryone_FewerPeersThanTheMinimum_SaysNothing()
    {
        var (table, ranks) = Compute();

        var signals = SuggestSkillSignals.ForEveryone(table, ranks, 0, settings: new SkillSignalSettings(MinimumPeers: 11));

        Assert.All(signals, s => Assert.Empty(s));
    }

    [Fact]
    public void ForEveryone_PersonWithoutPeerGroup_GetsNone()
    {
        var (table, _) = Compute();
        int[] groups = [-1, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        var signals = SuggestSkillSignals.ForEveryone(table, RankKpis.Among(table, groups), 0, groups);

        Assert.Empty(signals[0]);
        Assert.NotEmpty(signals[9]);
    }

    [Fact]
    public void ForEveryone_RuleOnAnUnrankedKpi_Throws()
    {
        var (table, ranks) = Compute();
        var settings = new SkillSignalSettings(Rules: [new SkillSignalRule(Kpi.Quota, [SkillIds.Closing])]);

        Assert.Throws<ArgumentException>(() => SuggestSkillSignals.ForEveryone(table, ranks, 0, settings: settings));
    }

    [Fact]
    public void SkillIds_AreStable()
        => Assert.Equal(
            ["prospecting", "qualifying", "closing", "negotiating", "time-management"],
            [SkillIds.Prospecting, SkillIds.Qualifying, SkillIds.Closing, SkillIds.Negotiating, SkillIds.TimeManagement]);

    private static (KpiTable Table, KpiRanks Ranks) Compute()
    {
        var builder = new KpiInputBuilder(10);
        var close = new DateOnly(2026, 3, 1);
        for (var rep = 0; rep < 10; rep++)
        {
            var (won, lost, amount, cycle, activities) = rep switch
            {
                0 => (5, 5, 100m, 90, 2),
                9 => (9, 1, 5000m, 10, 100),
                5 => (2, 2, 1050m, 35, 25),
                _ => (5, 5, 1000m + (10 * rep), 30 + rep, 20 + rep),
            };
            for (var i = 0; i < won; i++) builder.AddOpportunity(rep, close.AddDays(-cycle), close, true, true, amount);
            for (var i = 0; i < lost; i++) builder.AddOpportunity(rep, close.AddDays(-cycle), close, true, false, rep == 0 ? 100m : rep == 9 ? 5000m : 1000m);
            for (var i = 0; i < activities; i++) builder.AddActivity(rep, close, ActivityType.Call, true);
        }

        var table = ComputeKpis.For(builder.Build(), [Year]);
        return (table, RankKpis.Among(table));
    }
}
