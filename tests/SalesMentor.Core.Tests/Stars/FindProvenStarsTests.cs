using SalesMentor.Core.Kpis;
using SalesMentor.Core.Stars;

namespace SalesMentor.Core.Tests.Stars;

/// <summary>
/// Ten reps over the last four completed quarters before 2026-11-26 (FY = calendar year: FY2025 Q4 … FY2026 Q3).
/// Each quarter a rep wins one deal of the amount below and loses some; reps 0–5, 7 and 9 have a quota of 1,000 a quarter.
/// Attainment percentiles (8 ranked: everyone with a quota) are hand-computed in the comments.
/// </summary>
public sealed class FindProvenStarsTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 26);
    private static readonly FiscalCalendar Calendar = new(1);

    private static readonly StarRule Classic = new()
    {
        Metric = Kpi.QuotaAttainment, FallbackMetric = Kpi.WonRevenue, PercentileAtLeast = 75, QuartersRequired = 3,
        TrailingPercentileAtLeast = null, MinimumClosedDeals = 20,
    };

    // rep: won amount per quarter, lost deals per quarter, quota?
    private static readonly (decimal[] Won, int Lost, bool Quota)[] Reps =
    [
        ([1000, 1000, 1000, 1000], 5, true),   // 0: top every quarter: 93.75
        ([900, 150, 900, 160], 5, true),       // 1: 81.25, 31.25, 81.25, 31.25
        ([100, 110, 120, 130], 5, true),       // 2
        ([200, 210, 220, 230], 5, true),       // 3
        ([300, 310, 320, 330], 5, true),       // 4
        ([400, 410, 400, 410], 1, true),       // 5: 56.25 each quarter; only 8 closed deals
        ([5000, 5000, 5000, 5000], 5, false),  // 6: no quota, so ranked on won revenue: top
        ([500, 510, 500, 510], 5, true),       // 7: 68.75, 81.25, 68.75, 81.25
        ([0, 2000, 2000, 2000], 5, false),     // 8: hired 2026-02-01
        ([50, 50, 50, 50], 5, true),           // 9: left 2026-10-15
    ];

    [Theory]
    [InlineData(0, StarStatus.Star, "Star: quota attainment at or above percentile 75 of peers in 4 of the last 4 quarters (FY2025 Q4 to FY2026 Q3; needs 3); with 24 closed deals.")]
    [InlineData(1, StarStatus.NotStar, "Not a star: quota attainment at or above percentile 75 of peers in 2 of the last 4 quarters (FY2025 Q4 to FY2026 Q3; needs 3).")]
    [InlineData(5, StarStatus.NotStar, "Not a star: quota attainment at or above percentile 75 of peers in 0 of the last 4 quarters (FY2025 Q4 to FY2026 Q3; needs 3); 8 closed deals over the last 4 quarters (needs 20).")]
    [InlineData(6, StarStatus.Star, "Star: won revenue at or above percentile 75 of peers in 4 of the last 4 quarters (FY2025 Q4 to FY2026 Q3; needs 3); with 24 closed deals.")]
    [InlineData(7, StarStatus.NotStar, "Not a star: quota attainment at or above percentile 75 of peers in 2 of the last 4 quarters (FY2025 Q4 to FY2026 Q3; needs 3).")]
    [InlineData(8, StarStatus.NotEnoughData, "Not enough data: started on 2026-02-01, after the first of the last 4 quarters (FY2025 Q4) began on 2025-10-01.")]
    [InlineData(9, StarStatus.NotEnoughData, "Not enough data: left on 2026-10-15.")]
    public void Evaluate_ThreeOfFourQuarters_GivesStatusAndReason(int rep, StarStatus status, string reason)
    {
        var verdict = FindProvenStars.Evaluate(Build(), Calendar, AsOf, Classic).Single(v => v.Person == rep);

        Assert.Equal((status, reason), (verdict.Status, verdict.Reason));
    }

    [Fact]
    public void Evaluate_Star_ShowsEachQuartersValueRankAndDeals()
    {
        var verdict = FindProvenStars.Evaluate(Build(), Calendar, AsOf, Classic).Single(v => v.Person == 1);

        Assert.Equal(["FY2025 Q4", "FY2026 Q1", "FY2026 Q2", "FY2026 Q3"], verdict.Quarters.Select(q => q.Period.Label));
        Assert.Equal([0.9m, 0.15m, 0.9m, 0.16m], verdict.Quarters.Select(q => q.Value!.Value));
        Assert.Equal([81.25, 31.25, 81.25, 31.25], verdict.Quarters.Select(q => q.Percentile!.Value));
        Assert.Equal([true, false, true, false], verdict.Quarters.Select(q => q.Passed));
        Assert.All(verdict.Quarters, q => Assert.Equal((Kpi.QuotaAttainment, 6), (q.MetricUsed!.Value, q.ClosedDeals)));
        Assert.Equal((2, 24), (verdict.QuartersPassed, verdict.ClosedDeals));
    }

    [Fact]
    public void Evaluate_NoQuota_FallsBackToWonRevenue()
    {
        var verdict = FindProvenStars.Evaluate(Build(), Calendar, AsOf, Classic).Single(v => v.Person == 6);

        Assert.All(verdict.Quarters, q => Assert.Equal(Kpi.WonRevenue, q.MetricUsed));
        Assert.Equal(8.5 / 9 * 100, verdict.Quarters[0].Percentile!.Value, 9);   // 9 reps employed in FY2025 Q4, rep 6 the highest
        Assert.Equal(95.0, verdict.Quarters[1].Percentile);                     // 10 from FY2026 Q1 on
    }

    [Fact]
    public void Evaluate_TwoOfFour_MakesTheSteadierRepsStarsToo()
    {
        var stars = FindProvenStars.Evaluate(Build(), Calendar, AsOf, Classic with { QuartersRequired = 2 })
            .Where(v => v.Status == StarStatus.Star).Select(v => v.Person);

        Assert.Equal([0, 1, 6, 7], stars);
    }

    [Fact]
    public void Evaluate_TrailingAttainment_RanksTheYearTogether()
    {
        // Year attainment: 0 → 1.0, 1 → 0.5275, 7 → 0.505, 5 → 0.405, …: of 8, rep 1 is at 81.25 and rep 7 at 68.75.
        var rule = Classic with { QuartersRequired = 0, TrailingPercentileAtLeast = 75 };

        var verdicts = FindProvenStars.Evaluate(Build(), Calendar, AsOf, rule).ToDictionary(v => v.Person);

        Assert.Equal(StarStatus.Star, verdicts[1].Status);
        Assert.Equal(0.5275m, verdicts[1].Trailing!.Value);
        Assert.Equal("2025-10-01 to 2026-09-30", verdicts[1].Trailing!.Period.Label);
        Assert.Equal(
            "Not a star: quota attainment over the last 4 quarters together at percentile 68.8 of peers (needs 75).",
            verdicts[7].Reason);
    }

    [Fact]
    public void Evaluate_DefaultRule_TakesTheTopTenthOfTrailingWonRevenue()
    {
        // Year won revenue of the 10 reps: 6 → 20,000 (95), 8 → 6,000 (85, but a new hire), 0 → 4,000 (75), …
        var verdicts = FindProvenStars.Evaluate(Build(), Calendar, AsOf, StarRule.Default).ToDictionary(v => v.Person);

        Assert.Equal([6], verdicts.Values.Where(v => v.Status == StarStatus.Star).Select(v => v.Person));
        Assert.Equal(StarStatus.NotEnoughData, verdicts[8].Status);
        Assert.Equal("Not a star: won revenue over the last 4 quarters together at percentile 75 of peers (needs 90).", verdicts[0].Reason);
    }

    [Fact]
    public void Evaluate_TooFewDeals_IsNotAStar()
    {
        var verdict = FindProvenStars.Evaluate(Build(), Calendar, AsOf, Classic with { MinimumClosedDeals = 25 }).Single(v => v.Person == 0);

        Assert.Equal(StarStatus.NotStar, verdict.Status);
        Assert.EndsWith("24 closed deals over the last 4 quarters (needs 25).", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PeopleWithoutPeerGroup_AreLeftOut()
    {
        int[] groups = [0, 0, 0, 0, 0, 0, 0, 0, -1, -1];

        var verdicts = FindProvenStars.Evaluate(Build(), Calendar, AsOf, Classic, groups);

        Assert.Equal(Enumerable.Range(0, 8), verdicts.Select(v => v.Person));
    }

    [Fact]
    public void Evaluate_NoHireDateAndNoData_IsNotEnoughData()
    {
        var input = new KpiInputBuilder(1).Build();

        var verdict = FindProvenStars.Evaluate(input, Calendar, AsOf, StarRule.Default).Single();

        Assert.Equal((StarStatus.NotEnoughData, "Not enough data: no hire date and no sales data."), (verdict.Status, verdict.Reason));
    }

    [Theory]
    [InlineData(Kpi.SalesCycleMeanDays, 75, 3, 4)]   // lower is better: cannot make a star
    [InlineData(Kpi.QuotaAttainment, 101, 3, 4)]
    [InlineData(Kpi.QuotaAttainment, 75, 5, 4)]
    public void Validate_BadParameters_Throw(Kpi metric, double percentile, int required, int considered)
        => Assert.Throws<ArgumentException>(() => FindProvenStars.Evaluate(Build(), Calendar, AsOf,
            Classic with { Metric = metric, PercentileAtLeast = percentile, QuartersRequired = required, QuartersConsidered = considered }));

    [Fact]
    public void Validate_NoCondition_Throws()
        => Assert.Throws<ArgumentException>(() => (Classic with { QuartersRequired = 0, TrailingPercentileAtLeast = null }).Validate());

    private static KpiInput Build()
    {
        var builder = new KpiInputBuilder(Reps.Length);
        var quarters = Calendar.CompletedQuartersBefore(AsOf, 4);
        for (var rep = 0; rep < Reps.Length; rep++)
        {
            builder.SetEmployment(rep, rep == 8 ? new DateOnly(2026, 2, 1) : new DateOnly(2020, 1, 1), rep == 9 ? new DateOnly(2026, 10, 16) : null);
            var (won, lost, quota) = Reps[rep];
            for (var q = 0; q < quarters.Count; q++)
            {
                var middle = quarters[q].Start.AddDays(40);
                if (quota) builder.AddQuota(rep, quarters[q].Start, quarters[q].End, 1000m);
                if (won[q] == 0) continue;
                builder.AddOpportunity(rep, middle.AddDays(-20), middle, true, true, won[q]);
                for (var i = 0; i < lost; i++) builder.AddOpportunity(rep, middle.AddDays(-10), middle, true, false, 10m);
            }
        }

        return builder.Build();
    }
}
