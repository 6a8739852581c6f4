using SalesMentor.Core.Impact;

namespace SalesMentor.Core.Tests.Impact;

public sealed class EstimateMentorValueAddedTests
{
    private static MenteeLift Lift(int rep, double lift) => new(rep, 10, lift);

    [Fact]
    public void Run_HandComputedExample_ShrinksFewMenteesMost()
    {
        // Mentor 0: 2, 4, 6, 8 (mean 5); mentor 1: 10, 14 (mean 12); mentor 2: 0 (one mentee).
        MenteeLift[] lifts = [Lift(0, 2), Lift(1, 4), Lift(2, 6), Lift(3, 8), Lift(4, 10), Lift(5, 14), Lift(6, 0)];
        int[] mentorOf = [0, 0, 0, 0, 1, 1, 2];

        var result = EstimateMentorValueAdded.Run(lifts, r => mentorOf[r]);

        // Grand mean 44/7; within SS = 20 + 8 = 28 over n − m = 4 → σ² = 7.
        Assert.Equal(44.0 / 7, result.ProgramMean, 12);
        Assert.Equal(7, result.WithinMentorVariance, 12);
        // Between SS = 4(5 − 44/7)² + 2(12 − 44/7)² + (0 − 44/7)²; n0 = 7 − (16 + 4 + 1)/7 = 4; τ² = (SS − 2σ²)/n0.
        var m = 44.0 / 7;
        var ss = (4 * (5 - m) * (5 - m)) + (2 * (12 - m) * (12 - m)) + (m * m);
        var tau2 = (ss - 14) / 4;
        Assert.Equal(tau2, result.BetweenMentorVariance, 10);
        var one = result.Mentors.Single(x => x.Mentor == 2);
        Assert.Equal(tau2 / (tau2 + 7), one.Reliability, 10);
        Assert.Equal(m + (one.Reliability * (0 - m)), one.ShrunkLift, 10);
        Assert.True(result.Mentors.Single(x => x.Mentor == 0).Reliability > one.Reliability);
        Assert.All(result.Mentors, x => Assert.True(Math.Abs(x.ShrunkLift - m) <= Math.Abs(x.RawLift - m) + 1e-12));
    }

    [Fact]
    public void Run_NoRealDifferenceBetweenMentors_ShrinksEveryoneToTheMean()
    {
        // Mentor 0: 0, 8 (mean 4); mentor 1: 2, 10 (mean 6). σ² = 32 swamps the gap: the ANOVA τ² floors at 0.
        MenteeLift[] lifts = [Lift(0, 0), Lift(1, 8), Lift(2, 2), Lift(3, 10)];

        var result = EstimateMentorValueAdded.Run(lifts, r => r < 2 ? 0 : 1);

        Assert.Equal(0, result.BetweenMentorVariance);
        Assert.All(result.Mentors, x => Assert.Equal(5, x.ShrunkLift, 12));
    }

    [Fact]
    public void Run_SimulatedProgramsWithMentorsWhoDiffer_ShrunkLiftsAreCloserToTheTruthThanRaw()
    {
        // 12 mentors whose own effects spread ±3 points around +8; each program gives them 3–15 mentees.
        double[] mentorEffects = [-3, -2, -1.5, -1, -0.5, 0, 0, 0.5, 1, 1.5, 2, 3];
        double rawError = 0, shrunkError = 0;
        for (var s = 0; s < 30; s++)
        {
            var program = SimulatedOrganization.Generate(60_000 + s, 8, mentorEffects: mentorEffects);
            var impact = EstimateImpact.Run(program.Input, new ImpactOptions { BootstrapReplicates = 20 });

            var added = EstimateMentorValueAdded.Run(impact.MenteeLifts, r => program.MentorOf[r]);

            foreach (var mentor in added.Mentors)
            {
                var truth = 8 + mentorEffects[mentor.Mentor];
                rawError += (mentor.RawLift - truth) * (mentor.RawLift - truth);
                shrunkError += (mentor.ShrunkLift - truth) * (mentor.ShrunkLift - truth);
            }
        }

        Assert.True(shrunkError < 0.9 * rawError, $"shrunk {shrunkError:F1} against raw {rawError:F1}");
    }

    [Fact]
    public void Run_NoMentees_IsEmpty()
    {
        var result = EstimateMentorValueAdded.Run([Lift(0, double.NaN)], _ => 0);

        Assert.Empty(result.Mentors);
        Assert.True(double.IsNaN(result.ProgramMean));
    }
}
