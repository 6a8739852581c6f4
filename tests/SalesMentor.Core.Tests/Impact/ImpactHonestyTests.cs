using SalesMentor.Core.Impact;
using Xunit.Abstractions;

namespace SalesMentor.Core.Tests.Impact;

/// <summary>
/// Statistical honesty of <see cref="EstimateImpact"/> over many simulated programs (staggered starts, mentees who select
/// themselves on their level and recent trend). Seeds are fixed, so each test is deterministic, but each can fail: a
/// biased estimator or a too narrow or too wide interval moves the measured rates out of their bands. This class: the
/// interval covers a planted effect; <see cref="ImpactNoEffectTests"/>: false positives and selection bias.
/// </summary>
public sealed class ImpactHonestyTests(ITestOutputHelper output)
{
    private const int Programs = HonestyRun.Programs;
    private const double PlantedEffect = 8;
    private static readonly ImpactOptions Options = HonestyRun.Options;

    [Fact]
    public void EstimateImpact_PlantedEffect_IntervalCoversTruthAboutNinetyFivePercent()
    {
        var (shown, covered, _, _) = HonestyRun.Simulate(Programs, seedBase: 10_000, PlantedEffect, Options);

        var coverage = (double)covered / shown;
        output.WriteLine($"planted +{PlantedEffect}: {covered} of {shown} intervals cover the truth ({coverage:P1}); {Programs - shown} withheld");
        Assert.InRange(coverage, 0.92, 0.98);
        Assert.True(shown >= Programs * 0.9, $"Only {shown} of {Programs} programs gave a number.");
    }

    [Fact]
    public void EstimateImpact_EffectsGrowingAndDifferentByCohort_IntervalCoversTheAverageAboutNinetyFivePercent()
    {
        // Later cohorts gain more (4, 6, 8, 10 points at full strength), reaching it over three months.
        static double EffectAt(int start, int months) => (4 + ((start - 8) / 2.0)) * Math.Min(1, (months + 1) / 3.0);
        int shown = 0, covered = 0;
        for (var s = 0; s < Programs; s++)
        {
            var program = SimulatedOrganization.Generate(50_000 + s, 0, effectAt: EffectAt);
            var result = EstimateImpact.Run(program.Input, Options);
            if (result.Effect is null) continue;
            shown++;
            if (result.Effect.Covers(program.TruthFor(result.MenteeLifts.Select(l => l.Rep)))) covered++;
        }

        var coverage = (double)covered / shown;
        output.WriteLine($"growing, cohort-specific effects: {covered} of {shown} intervals cover the truth ({coverage:P1}); {Programs - shown} withheld");
        Assert.InRange(coverage, 0.92, 0.98);
    }
}
