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
    private static readonly ImpactOptions Fast = new() { BootstrapReplicates = 199 };

    [Fact]
    public void Explore()
    {
        foreach (var effect in new[] { 8.0, 0.0 })
        {
            int covered = 0, shown = 0, excludesZero = 0, computed = 0;
            double biasMatched = 0, biasNaive = 0, mentees = 0, width = 0;
            for (var s = 0; s < Programs; s++)
            {
                var program = SimulatedOrganization.Generate(1000 + s, effect);
                var result = EstimateImpact.Run(program.Input, Fast);
                var c = result.Computed;
                if (c is null) continue;
                computed++;
                biasMatched += c.Effect - effect;
                biasNaive += CompareWithAllReps.Run(program.Input, 6) - effect;
                mentees += result.Counts.MenteesMatched;
                width += c.High - c.Low;
                if (result.Effect is null) continue;
                shown++;
                if (c.Covers(effect)) covered++;
                if (!c.Covers(0)) excludesZero++;
            }

            output.WriteLine($"effect {effect}: computed {computed}, shown {shown}, covered {covered} ({(double)covered / shown:P1}), excl0 {excludesZero} ({(double)excludesZero / shown:P1}), bias matched {biasMatched / computed:F3}, naive {biasNaive / computed:F3}, mentees {mentees / computed:F1}, width {width / computed:F2}");
        }
    }
}
