using SalesMentor.Core.Impact;
using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Tests.Impact;

public sealed class ComputeRoleBalanceTests
{
    private static readonly Period March = FiscalCalendar.MonthOf(new DateOnly(2026, 3, 1));
    private static readonly Period April = FiscalCalendar.MonthOf(new DateOnly(2026, 4, 1));
    private static readonly double[] Target = [0.25, 0.40, 0.15, 0.20];

    private static RoleInteraction At(int manager, int rep, ManagerRole role, int month, int day, int minutes)
        => new(manager, rep, role, new DateOnly(2026, month, day), minutes);

    [Fact]
    public void Run_TwoManagersTwoMonths_SharesPerManagerAndForTheOrganization()
    {
        RoleInteraction[] log =
        [
            At(1, 10, ManagerRole.Supervisor, 3, 2, 30),
            At(1, 10, ManagerRole.Coach, 3, 9, 60),
            At(1, 11, ManagerRole.Mentor, 3, 31, 30),
            At(2, 20, ManagerRole.Trainer, 3, 15, 120),
            At(2, 20, ManagerRole.Coach, 4, 1, 45),
            At(2, 20, ManagerRole.Coach, 5, 1, 999), // outside both periods: ignored
        ];

        var mixes = ComputeRoleBalance.Run(log, [March, April], Target);

        Assert.Equal(6, mixes.Count); // 2 managers + org, 2 periods each
        var oneMarch = mixes.Single(m => m.Manager == 1 && m.Period == March);
        Assert.Equal([30, 60, 0, 30], oneMarch.Minutes);
        Assert.Equal([0.25, 0.5, 0, 0.25], oneMarch.Shares);
        Assert.Equal(0.5 - 0.40, oneMarch.GapToTarget[(int)ManagerRole.Coach], 12);
        var oneApril = mixes.Single(m => m.Manager == 1 && m.Period == April);
        Assert.Equal(0, oneApril.TotalMinutes);
        Assert.All(oneApril.Shares.Concat(oneApril.GapToTarget), s => Assert.Equal(0, s));
        var orgMarch = mixes.Single(m => m.Manager is null && m.Period == March);
        Assert.Equal([30, 60, 120, 30], orgMarch.Minutes);
        Assert.Equal(0.5, orgMarch.Shares[(int)ManagerRole.Trainer], 12);
        Assert.Equal([0, 45, 0, 0], mixes.Single(m => m.Manager is null && m.Period == April).Minutes);
    }

    [Theory]
    [InlineData(new[] { 0.25, 0.25, 0.25 })]
    [InlineData(new[] { 0.5, 0.5, 0.5, -0.5 })]
    [InlineData(new[] { 0.3, 0.3, 0.3, 0.3 })]
    public void Run_BadTarget_Throws(double[] target)
        => Assert.Throws<ArgumentException>(() => ComputeRoleBalance.Run([], [March], target));

    [Fact]
    public void Run_NegativeMinutes_Throws()
        => Assert.Throws<ArgumentException>(() => ComputeRoleBalance.Run([At(1, 1, ManagerRole.Coach, 3, 1, -5)], [March], Target));

    [Fact]
    public void FindRepsWithout_NoCoachingInNWeeks_ListsThoseReps()
    {
        var asOf = new DateOnly(2026, 4, 30);
        RoleInteraction[] log =
        [
            At(1, 10, ManagerRole.Coach, 4, 29, 30),     // inside the 4 weeks
            At(1, 11, ManagerRole.Coach, 4, 2, 30),      // exactly 4 weeks before as-of: inside [asOf − 28 days, asOf)
            At(1, 12, ManagerRole.Coach, 4, 1, 30),      // one day too early
            At(1, 13, ManagerRole.Supervisor, 4, 20, 30), // not coaching
            At(1, 14, ManagerRole.Coach, 4, 30, 30),     // on as-of: outside the half-open window
        ];

        var reps = ComputeRoleBalance.FindRepsWithout(log, [10, 11, 12, 13, 14, 15], asOf, weeks: 4);

        Assert.Equal([12, 13, 14, 15], reps);
    }
}
