using SalesMentor.Core.Impact;
using Xunit.Abstractions;

namespace SalesMentor.Core.Tests.Impact;

/// <summary>
/// Statistical honesty of <see cref="EstimateImpact"/> over many simulated programs (staggered starts, mentees who select
/// themselves on their level and recent trend). Seeds are fixed, so each test is deterministic, but each can fail: a
/// biased estimator or a too narrow or too wide interval moves the measured rates out of their bands.
/// </summary>
public sealed class ImpactHonestyTests(ITestOutputHelper output)
{
    private const int Programs = 200;
    private const double PlantedEffect = 8;
    private static readonly ImpactOptions Options = new() { BootstrapReplicates = 99 };

    [Fact]
    public void EstimateImpact_PlantedEffect_IntervalCoversTruthAboutNinetyFivePercent()
    {
        var (shown, covered, _, _) = Simulate(seedBase: 10_000, PlantedEffect, Options);

        var coverage = (double)covered / shown;
        output.WriteLine($"planted +{PlantedEffect}: {covered} of {shown} intervals cover the truth ({coverage:P1}); {Programs - shown} withheld");
        Assert.InRange(coverage, 0.92, 0.98);
        Assert.True(shown >= Programs * 0.9, $"Only {shown} of {Programs} programs gave a number.");
    }

    [Fact]
    public void EstimateImpact_NoEffect_IntervalExcludesZeroAtMostEightPercent()
    {
        var (shown, _, excludesZero, _) = Simulate(seedBase: 20_000, 0, Options);

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

    private static (int Shown, int Covered, int ExcludesZero, int Programs) Simulate(int seedBase, double effect, ImpactOptions options)
    {
        int shown = 0, covered = 0, excludesZero = 0;
        for (var s = 0; s < Programs; s++)
        {
            var program = SimulatedOrganization.Generate(seedBase + s, effect);
            var result = EstimateImpact.Run(program.Input, options);
            if (result.Effect is null) continue;
            shown++;
            if (result.Effect.Covers(effect)) covered++;
            if (!result.Effect.Covers(0)) excludesZero++;
        }

        return (shown, covered, excludesZero, Programs);
    }
}
