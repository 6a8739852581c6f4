using SalesMentor.Core.Kpis;
using SalesMentor.Core.Mentoring;

namespace SalesMentor.Core.Tests.Mentoring;

public sealed class GoalProgressTests
{
    [Fact]
    public void Mean_LeavesOutMonthsWithoutAValue_AndRoundsToFourDecimals()
    {
        Assert.Equal(1.3333m, GoalProgress.Mean([2m, null, 1m, 1m]));
        Assert.Equal(5000m, GoalProgress.Mean([4000m, 5000m, 6000m]));
        Assert.Null(GoalProgress.Mean([null, null]));
        Assert.Null(GoalProgress.Mean([]));
    }

    [Theory]
    [InlineData(2000, 5000, 8000, 0.5)] // half-way up
    [InlineData(2000, 2000, 8000, 0)]
    [InlineData(2000, 9000, 8000, 1.1667)] // past the target
    [InlineData(2000, 1000, 8000, -0.1667)] // went the other way
    [InlineData(40, 30, 20, 0.5)] // a goal to go down (sales cycle days)
    public void Share_IsTheWayFromBaselineToTarget(double baseline, double current, double target, double expected) =>
        Assert.Equal((decimal)expected, GoalProgress.Share((decimal)baseline, (decimal)current, (decimal)target));

    [Fact]
    public void Share_IsNullWithoutBaselineOrCurrent_OrWhenTheTargetIsTheBaseline()
    {
        Assert.Null(GoalProgress.Share(null, 5m, 8m));
        Assert.Null(GoalProgress.Share(5m, null, 8m));
        Assert.Null(GoalProgress.Share(8m, 9m, 8m));
    }

    [Theory]
    [InlineData(KpiDirection.HigherIsBetter, 5000, 3000, true)]
    [InlineData(KpiDirection.HigherIsBetter, 3000, 3000, false)] // a tie is not surpassing
    [InlineData(KpiDirection.HigherIsBetter, 1, 1.3333, false)]
    [InlineData(KpiDirection.LowerIsBetter, 20, 30, true)] // fewer days in the sales cycle
    [InlineData(KpiDirection.LowerIsBetter, 30, 20, false)]
    public void Surpasses_IsStrictlyBetterInTheKpisDirection(KpiDirection direction, double mentee, double mentor, bool expected) =>
        Assert.Equal(expected, GoalProgress.Surpasses(direction, 1m, 8m, (decimal)mentee, (decimal)mentor));

    [Fact]
    public void Surpasses_ANeutralKpi_FollowsTheGoalsDirection_AndNeedsBothValues()
    {
        Assert.True(GoalProgress.Surpasses(KpiDirection.Neutral, 10m, 20m, 15m, 12m)); // the goal goes up
        Assert.False(GoalProgress.Surpasses(KpiDirection.Neutral, 30m, 20m, 15m, 12m)); // the goal goes down: 15 is worse than 12
        Assert.True(GoalProgress.Surpasses(KpiDirection.Neutral, 30m, 20m, 11m, 12m));
        Assert.False(GoalProgress.Surpasses(KpiDirection.Neutral, null, 20m, 15m, 12m)); // no direction known
        Assert.False(GoalProgress.Surpasses(KpiDirection.Neutral, 20m, 20m, 15m, 12m));
        Assert.False(GoalProgress.Surpasses(KpiDirection.HigherIsBetter, 1m, 8m, 5m, null)); // the mentor has no value
        Assert.False(GoalProgress.Surpasses(KpiDirection.HigherIsBetter, 1m, 8m, null, 5m));
    }
}
