using SalesMentor.Core.Impact;

namespace SalesMentor.Core.Tests.Impact;

/// <summary>Edge cases of <see cref="EstimateImpact"/> on small hand-shaped organizations (24 periods, starts at 10).</summary>
public sealed class EstimateImpactTests
{
    private const int Periods = 24;
    private static readonly ImpactOptions Options = new() { BootstrapReplicates = 99 };

    // Reps 0–19 mentees starting at period 10 (+5 from then on), reps 20–99 never mentored; levels spread by rep.
    private static ImpactInput OneCohort(double effect = 5, Func<int, int, double>? extra = null) => ImpactWorld.Build(
        100, Periods, r => r < 20 ? 10 : ImpactInput.NotMentored, (r, t) => 30 + (r % 10) + (r < 20 && t >= 10 ? effect : 0) + (extra?.Invoke(r, t) ?? 0));

    [Fact]
    public void Run_OneCohort_EstimatesThePlantedEffect()
    {
        var result = EstimateImpact.Run(OneCohort(), Options, "win rate", " points");

        Assert.Equal(ImpactStatus.Estimated, result.Status);
        Assert.Equal(1, result.Counts.Cohorts);
        Assert.Equal(20, result.Counts.MenteesMatched);
        Assert.True(result.Effect!.Covers(5), $"{result.Effect}");
        Assert.True(result.Effect.Low > 3 && result.Effect.High < 7, $"{result.Effect}");
        Assert.StartsWith("Mentoring moved win rate up: mentees gained ", result.Verdict, StringComparison.Ordinal);
        Assert.Equal([-6, -5, -4, -3, -2, 0, 1, 2, 3, 4, 5], result.EventStudy.Select(e => e.EventTime));
        Assert.All(result.EventStudy.Where(e => e.EventTime < 0), e => Assert.InRange(e.Effect, -1.5, 1.5));
        Assert.All(result.EventStudy.Where(e => e.EventTime >= 0), e => Assert.InRange(e.Effect, 3.5, 6.5));
        Assert.Equal(20, result.MenteeLifts.Count);
        Assert.True(result.PreTrend!.Passed);
    }

    [Theory]
    [InlineData(5, "Mentoring moved win rate up: mentees gained ")]
    [InlineData(0, "No clear effect on win rate: mentees changed by ")]
    [InlineData(-5, "Mentees' win rate fell ")]
    public void Run_Verdict_SaysWhichWayInPlainWords(double effect, string start)
    {
        var result = EstimateImpact.Run(OneCohort(effect), Options, "win rate", " points");

        Assert.StartsWith(start, result.Verdict, StringComparison.Ordinal);
        Assert.Contains("20 mentees against ", result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SameInputTwice_GivesTheSameResult()
    {
        var first = EstimateImpact.Run(OneCohort(), Options);
        var second = EstimateImpact.Run(OneCohort(), Options);
        var otherSeed = EstimateImpact.Run(OneCohort(), Options with { Seed = 99 });

        Assert.Equal(first.Effect, second.Effect);
        Assert.Equal(first.Effect!.Effect, otherSeed.Effect!.Effect);
        Assert.NotEqual(first.Effect.StandardError, otherSeed.Effect.StandardError);
    }

    [Fact]
    public void Run_NoComparisonReps_SaysCantTell()
    {
        var everyone = ImpactWorld.Build(40, Periods, _ => 10, (r, t) => 30 + (r % 10));

        var result = EstimateImpact.Run(everyone, Options);

        Assert.Equal(CantTellReason.TooFewComparisonReps, result.Reason);
        Assert.Null(result.Effect);
        Assert.Equal(0, result.Counts.ComparisonPool);
        Assert.Empty(result.EventStudy);
    }

    [Fact]
    public void Run_ComparisonRepsAllFarAway_SaysCantTell()
    {
        // Mentees around 30, everyone else around 80: nobody within the caliper.
        var apart = ImpactWorld.Build(100, Periods, r => r < 20 ? 10 : ImpactInput.NotMentored, (r, _) => r < 20 ? 30 : 80 + (r % 3));

        var result = EstimateImpact.Run(apart, Options);

        Assert.Equal(CantTellReason.TooFewComparisonReps, result.Reason);
        Assert.Equal(20, result.Counts.MenteesUnmatched);
        Assert.Contains("only 0 of 20 mentees have a similar rep without a mentor", result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MenteeWithNoPrePeriod_IsLeftOutAndCounted()
    {
        var input = OneCohort();
        var values = Enumerable.Range(0, input.Reps * Periods).Select(i => input.ValueAt(i / Periods, i % Periods)).ToArray();
        for (var t = 0; t < 10; t++) values[t] = double.NaN; // rep 0 hired at its start
        var hiredAtStart = new ImpactInput(Periods, values, [.. Enumerable.Repeat(24.0, 100)], [.. Enumerable.Range(0, 100).Select(r => r % 4)], [.. Enumerable.Range(0, 100).Select(input.StartOf)]);

        var result = EstimateImpact.Run(hiredAtStart, Options);

        Assert.Equal(ImpactStatus.Estimated, result.Status);
        Assert.Equal(1, result.Counts.MenteesWithoutHistory);
        Assert.Equal(19, result.Counts.MenteesMatched);
        Assert.DoesNotContain(result.MenteeLifts, l => l.Rep == 0);
    }

    [Fact]
    public void Run_AllValuesEqual_SaysCantTell()
    {
        var flat = ImpactWorld.Build(100, Periods, r => r < 20 ? 10 : ImpactInput.NotMentored, (_, _) => 25, noise: 0);

        var result = EstimateImpact.Run(flat, Options, "win rate");

        Assert.Equal(CantTellReason.NoVariation, result.Reason);
        Assert.Null(result.Effect);
        Assert.Equal("Can't tell: win rate has the same value for everyone in every period, so there is no change to compare.", result.Verdict);
    }

    [Fact]
    public void Run_StartsTooEarlyForThePrePeriod_SaysWindowTooShort()
    {
        var early = ImpactWorld.Build(100, Periods, r => r < 20 ? 3 : ImpactInput.NotMentored, (r, _) => 30 + (r % 10));

        var result = EstimateImpact.Run(early, Options);

        Assert.Equal(CantTellReason.WindowTooShort, result.Reason);
        Assert.Equal(20, result.Counts.MenteesOutsideWindow);
        Assert.Null(result.Effect);
    }

    [Fact]
    public void Run_MenteesDriftingApartBeforeTheStart_SaysPreTrendsDiverge()
    {
        // Mentees jump 4 points in the period just before the start after 1 point low in the four before it: level and
        // trend barely move, so matching cannot see it, but the pre-period coefficients do.
        var dip = OneCohort(extra: (r, t) => r >= 20 ? 0 : t == 9 ? 4 : t is >= 5 and <= 8 ? -1 : 0);

        var result = EstimateImpact.Run(dip, Options);

        Assert.Equal(CantTellReason.PreTrendsDiverge, result.Reason);
        Assert.Null(result.Effect);
        Assert.False(result.PreTrend!.Passed);
        Assert.All(result.EventStudy, e => Assert.True(e.EventTime < 0));
        Assert.Contains("already drifting apart", result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Balance_ImprovesFromBeforeToAfterMatching()
    {
        var program = SimulatedOrganization.Generate(77, 8);

        var result = EstimateImpact.Run(program.Input, Options);

        var level = result.Balance[0];
        Assert.True(Math.Abs(level.SmdBefore) > 0.3, $"{level}");
        // The caliper leaves some gap (the bias correction takes care of it), but most of it is gone.
        Assert.True(Math.Abs(level.SmdAfter) < Math.Abs(level.SmdBefore) / 3, $"{level}");
        Assert.True(Math.Abs(result.Balance[1].SmdAfter) < Math.Abs(result.Balance[1].SmdBefore), $"{result.Balance[1]}");
    }

    [Fact]
    public void Run_StaggeredCohorts_ComparesEachWithRepsNotYetMentoredThroughItsWindow()
    {
        // 20 mentees each starting at 8, 12 and 18; 40 never mentored. Post window 6 periods.
        var input = ImpactWorld.Build(100, Periods, r => r switch { < 20 => 8, < 40 => 12, < 60 => 18, _ => ImpactInput.NotMentored }, (r, _) => 30 + (r % 10));

        var design = ImpactDesign.Build(input, Options);

        Assert.Equal([8, 12, 18], design.Cohorts.Select(c => c.Start));
        // Cohort 8 (window 8–13): the never mentored and the 18s; not the 12s, mentored inside the window.
        Assert.Equal([.. Enumerable.Range(40, 60)], design.Cohorts[0].Controls);
        // Cohort 12 (window 12–17): the 18s start right after it, so they count.
        Assert.Equal([.. Enumerable.Range(40, 60)], design.Cohorts[1].Controls);
        // Cohort 18: only the never mentored.
        Assert.Equal([.. Enumerable.Range(60, 40)], design.Cohorts[2].Controls);
        Assert.Equal(3, EstimateImpact.Run(input, Options).Counts.Cohorts);
    }

    [Fact]
    public void ImpactInput_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ImpactInput(3, new double[5], [0, 0], [0, 0], [-1, -1]));
        Assert.Throws<ArgumentException>(() => new ImpactInput(3, new double[6], [0, 0], [0, 0], [-1, 3]));
        Assert.Throws<ArgumentException>(() => new ImpactInput(3, [0, 0, double.PositiveInfinity, 0, 0, 0], [0, 0], [0, 0], [-1, -1]));
    }
}
