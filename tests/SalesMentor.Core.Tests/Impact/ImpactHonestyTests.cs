using SalesMentor.Core.Impact;
using Xunit.Abstractions;

namespace SalesMentor.Core.Tests.Impact;

/// <summary>
/// Statistical honesty of <see cref="EstimateImpact"/> over many simulated programs (staggered starts, self-selected
/// mentees). Seeds are fixed, so each test is deterministic, but each can fail: a biased estimator or a too narrow or too
/// wide interval moves the measured rates out of their bands.
/// </summary>
public sealed class ImpactHonestyTests(ITestOutputHelper output)
{
    private const int Programs = 300;
    private static readonly ImpactOptions Fast = new() { BootstrapReplicates = 199, Caliper = 1.0 };

    [Fact]
    public void Explore()
    {
        foreach (var (effect, rematch, caliper) in new[] { (8.0, false, 1.0), (0.0, false, 1.0), (8.0, false, 0.5), (0.0, false, 0.5) })
        {
            int covered = 0, shown = 0, excludesZero = 0, computed = 0;
            double unmatched = 0, biasMatched = 0, biasNaive = 0, mentees = 0, width = 0;
            for (var s = 0; s < Programs; s++)
            {
                var program = SimulatedOrganization.Generate((int)(1000 + s + (effect * 10000)), effect);
                var result = EstimateImpact.Run(program.Input, Fast with { RematchInBootstrap = rematch, Caliper = caliper });
                var c = result.Computed;
                if (c is null) continue;
                computed++;
                biasMatched += c.Effect - effect;
                biasNaive += CompareWithAllReps.Run(program.Input, 6) - effect;
                mentees += result.Counts.MenteesMatched; unmatched += result.Counts.MenteesUnmatched;
                width += c.High - c.Low;
                if (result.Effect is null) continue;
                shown++;
                if (c.Covers(effect)) covered++;
                if (!c.Covers(0)) excludesZero++;
            }

            output.WriteLine($"effect {effect} caliper {caliper}: computed {computed}, shown {shown}, covered {covered} ({(double)covered / shown:P1}), excl0 {excludesZero} ({(double)excludesZero / shown:P1}), bias matched {biasMatched / computed:F3}, naive {biasNaive / computed:F3}, mentees {mentees / computed:F1} unmatched {unmatched / computed:F1}, width {width / computed:F2}");
        }
    }
}
