using SalesMentor.Core.Impact;
using Xunit.Abstractions;

namespace SalesMentor.Core.Tests.Impact;

/// <summary>
/// Honesty of <see cref="EstimateImpact"/> when mentoring does nothing, and against selection bias (simulated programs,
/// staggered starts, self-selected mentees; fixed seeds). A class of its own so it runs alongside <see cref="ImpactHonestyTests"/>.
/// </summary>
public sealed class ImpactNoEffectTests(ITestOutputHelper output)
{
    private const int Programs = HonestyRun.Programs;
    private const double PlantedEffect = 8;
    private static readonly ImpactOptions Options = HonestyRun.Options;

    [Fact]
    public void EstimateImpact_NoEffect_IntervalExcludesZeroAtMostEightPercent()
    {
        var (shown, _, excludesZero, _) = HonestyRun.Simulate(Programs, seedBase: 20_000, 0, Options);

        var rate = (double)excludesZero / shown;
        output.WriteLine($"no effect: {excludesZero} of {shown} intervals exclude zero ({rate:P1}); {Programs - shown} withheld");
        Assert.InRange(rate, 0.01, 0.08);
    }

    [Fact]
    public void EstimateImpact_SelfSelectedMentees_MatchingRemovesMostBiasWhilePlainComparisonDoesNot()
    {
        const int programs = 100;
        double matched = 0, plain = 0;
        for (var s = 0; s < programs; s++)
        {
            var program = SimulatedOrganization.Generate(30_000 + s, PlantedEffect);
            var result = EstimateImpact.Run(program.Input, Options with { BootstrapReplicates = 20 });
            matched += result.Computed!.Effect - PlantedEffect;
            plain += CompareWithAllReps.Run(program.Input, Options.PostPeriods) - PlantedEffect;
        }

        matched /= programs;
        plain /= programs;
        output.WriteLine($"mean bias over {programs} programs: matched {matched:F2}, plain comparison {plain:F2}");
        Assert.True(Math.Abs(plain) > 3, $"The simulation should fool a plain comparison; its bias is only {plain:F2}.");
        Assert.True(Math.Abs(matched) < 0.1 * Math.Abs(plain), $"Matched bias {matched:F2} is not under a tenth of the plain comparison's {plain:F2}.");
        Assert.True(Math.Abs(matched) < 0.4, $"Matched bias {matched:F2} points.");
    }

    [Fact]
    public void EstimateImpact_TooFewMentees_SaysCantTellWithoutANumber()
    {
        var program = SimulatedOrganization.Generate(40_000, PlantedEffect, reps: 60, openings: [12], joinRate: 0.08);

        var result = EstimateImpact.Run(program.Input, Options);

        Assert.InRange(result.Counts.Mentees, 1, Options.MinimumMentees - 1);
        Assert.Equal(ImpactStatus.CantTell, result.Status);
        Assert.Equal(CantTellReason.TooFewMentees, result.Reason);
        Assert.Null(result.Effect);
        Assert.StartsWith("Can't tell: only", result.Verdict, StringComparison.Ordinal);
    }
}
