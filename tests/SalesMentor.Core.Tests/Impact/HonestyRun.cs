using SalesMentor.Core.Impact;

namespace SalesMentor.Core.Tests.Impact;

/// <summary>Runs the estimate over many simulated programs for the honesty tests (fixed seeds: deterministic).</summary>
internal static class HonestyRun
{
    /// <summary>Programs per rate: 200 puts the binomial standard error of a 95 % rate at 1.5 points.</summary>
    internal const int Programs = 200;

    /// <summary>99 replicates: enough for a standard error (normal interval) and fast in a test.</summary>
    internal static readonly ImpactOptions Options = new() { BootstrapReplicates = 99 };

    internal static (int Shown, int Covered, int ExcludesZero, int Programs) Simulate(int programs, int seedBase, double effect, ImpactOptions options)
    {
        int shown = 0, covered = 0, excludesZero = 0;
        for (var s = 0; s < programs; s++)
        {
            var program = SimulatedOrganization.Generate(seedBase + s, effect);
            var result = EstimateImpact.Run(program.Input, options);
            if (result.Effect is null) continue;
            shown++;
            if (result.Effect.Covers(effect)) covered++;
            if (!result.Effect.Covers(0)) excludesZero++;
        }

        return (shown, covered, excludesZero, programs);
    }
}
