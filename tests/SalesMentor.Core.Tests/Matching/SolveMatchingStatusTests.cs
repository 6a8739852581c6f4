using SalesMentor.Core.Matching;

namespace SalesMentor.Core.Tests.Matching;

/// <summary>Degenerate and infeasible inputs: a clear status and message, never an exception, in every mode.</summary>
public sealed class SolveMatchingStatusTests
{
    private static readonly MatchArc[] OnePair = [new(0, 0, 7)];

    public static TheoryData<string, MatchProblem, MatchStatus, string> Cases => new()
    {
        { "no mentees", new MatchProblem(0, (int[])[2], Array.Empty<MatchArc>()), MatchStatus.NoMentees, "no mentees" },
        { "no mentors", new MatchProblem(3, Array.Empty<int>(), Array.Empty<MatchArc>()), MatchStatus.NoMentors, "no mentors" },
        { "nothing listed", new MatchProblem(2, (int[])[1], Array.Empty<MatchArc>()), MatchStatus.NoCandidates, "No pairs are listed" },
        {
            "every pair forbidden",
            new MatchProblem(1, (int[])[1], OnePair) { Forbidden = (MatchPair[])[new(0, 0)] },
            MatchStatus.NoCandidates, "forbidden or below the minimum score"
        },
        { "below the minimum", new MatchProblem(1, (int[])[1], OnePair) { MinimumScore = 8 }, MatchStatus.NoCandidates, "below the minimum score" },
        {
            "mentee locked twice",
            new MatchProblem(1, (int[])[1, 1], (MatchArc[])[new(0, 0, 1), new(0, 1, 2)]) { Locked = (MatchPair[])[new(0, 0), new(0, 1)] },
            MatchStatus.MenteeLockedTwice, "Mentee 0 is locked twice"
        },
        {
            "locks over capacity",
            new MatchProblem(2, (int[])[1], (MatchArc[])[new(0, 0, 1), new(1, 0, 2)]) { Locked = (MatchPair[])[new(0, 0), new(1, 0)] },
            MatchStatus.LocksExceedCapacity, "Mentor 0 has 2 locked pairs but a capacity of 1"
        },
        {
            "lock not listed",
            new MatchProblem(2, (int[])[2], OnePair) { Locked = (MatchPair[])[new(1, 0)] },
            MatchStatus.LockedPairNotListed, "not among the listed pairs"
        },
        { "negative capacity", new MatchProblem(1, (int[])[-1], OnePair), MatchStatus.InvalidInput, "negative capacity" },
        { "negative mentee count", new MatchProblem(-1, (int[])[1], Array.Empty<MatchArc>()), MatchStatus.InvalidInput, "negative" },
        { "mentee out of range", new MatchProblem(1, (int[])[1], (MatchArc[])[new(1, 0, 1)]), MatchStatus.InvalidInput, "names mentee 1" },
        { "mentor out of range", new MatchProblem(1, (int[])[1], (MatchArc[])[new(0, 3, 1)]), MatchStatus.InvalidInput, "names mentor 3" },
        { "score too high", new MatchProblem(1, (int[])[1], (MatchArc[])[new(0, 0, 1_000_001)]), MatchStatus.InvalidInput, "score 1000001" },
        { "negative score", new MatchProblem(1, (int[])[1], (MatchArc[])[new(0, 0, -1)]), MatchStatus.InvalidInput, "score -1" },
        { "pair listed twice", new MatchProblem(1, (int[])[1], (MatchArc[])[new(0, 0, 1), new(0, 0, 2)]), MatchStatus.InvalidInput, "listed twice" },
        { "ranks of wrong length", new MatchProblem(1, (int[])[1], OnePair) { MenteeRanks = (int[])[1, 2] }, MatchStatus.InvalidInput, "ranks are given for 2 pairs" },
        { "forbidden out of range", new MatchProblem(1, (int[])[1], OnePair) { Forbidden = (MatchPair[])[new(5, 0)] }, MatchStatus.InvalidInput, "out of range" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Solve_DegenerateOrInfeasible_ReturnsStatusAndConfirmedVerdict(string name, MatchProblem problem, MatchStatus status, string message)
    {
        foreach (var mode in Enum.GetValues<MatchMode>())
        {
            var result = SolveMatching.Solve(problem, mode);

            Assert.Equal(status, result.Status);
            Assert.Contains(message, result.Message, StringComparison.OrdinalIgnoreCase);
            Assert.True(result.Verdict.Verified, $"{name}, {mode}: {result.Verdict.Summary}");
            Assert.Equal(0, result.Matched);
        }
    }

    [Fact]
    public void Solve_NoMentors_EveryMenteeUnmatchedWithNoCandidate()
    {
        var result = SolveMatching.Solve(new MatchProblem(3, Array.Empty<int>(), Array.Empty<MatchArc>()));

        Assert.True(result.HasMatching);
        Assert.Equal([-1, -1, -1], result.MentorOf.ToArray());
        Assert.All(result.Reasons.ToArray(), r => Assert.Equal(UnmatchedReason.NoCandidate, r));
    }

    [Fact]
    public void Solve_EveryPairForbidden_ReasonIsAllExcluded()
    {
        var problem = new MatchProblem(2, (int[])[2], (MatchArc[])[new(0, 0, 5), new(1, 0, 6)]) { Forbidden = (MatchPair[])[new(0, 0), new(1, 0)] };

        var result = SolveMatching.Solve(problem);

        Assert.Equal([UnmatchedReason.AllExcluded, UnmatchedReason.AllExcluded], result.Reasons.ToArray());
    }

    [Fact]
    public void Solve_OneByOne_MatchesThePair()
    {
        var result = SolveMatching.Solve(new MatchProblem(1, (int[])[1], OnePair));

        Assert.Equal(MatchStatus.Solved, result.Status);
        Assert.Equal([0], result.MentorOf.ToArray());
        Assert.Equal((1, 7L, (int?)7), (result.Matched, result.TotalScore, result.WorstScore));
        Assert.Equal("optimality verified", result.Verdict.Summary);
        Assert.Equal("Best total fit: 1 of 1 mentees matched, total score 7, worst pair 7.", result.Message);
    }

    [Fact]
    public void Solve_OneByOneWithoutCapacity_CapacityExhausted()
    {
        var result = SolveMatching.Solve(new MatchProblem(1, (int[])[0], OnePair));

        Assert.Equal(MatchStatus.Solved, result.Status);
        Assert.Equal([UnmatchedReason.CapacityExhausted], result.Reasons.ToArray());
        Assert.True(result.Verdict.Verified, result.Verdict.Summary);
    }

    [Theory]
    [InlineData(MatchMode.BestTotalFit)]
    [InlineData(MatchMode.Fairest)]
    [InlineData(MatchMode.Stable)]
    public void Solve_AllScoresEqual_DeterministicAndMaximum(MatchMode mode)
    {
        var arcs = new List<MatchArc>();
        for (var i = 0; i < 30; i++)
        {
            for (var j = 0; j < 6; j++) arcs.Add(new MatchArc(i, j, 500));
        }

        var problem = new MatchProblem(30, (int[])[4, 4, 4, 4, 4, 4], arcs.ToArray());

        var first = SolveMatching.Solve(problem, mode);
        var second = SolveMatching.Solve(problem, mode);

        Assert.Equal(first.MentorOf.ToArray(), second.MentorOf.ToArray());
        Assert.Equal(24, first.Matched);
        Assert.Equal(24 * 500L, first.TotalScore);
        Assert.True(first.Verdict.Verified, first.Verdict.Summary);
    }

    [Fact]
    public void Solve_LockOnForbiddenPairBelowMinimum_IsKeptAndCounted()
    {
        var problem = new MatchProblem(2, (int[])[1, 1], (MatchArc[])[new(0, 0, 3), new(0, 1, 900), new(1, 1, 800)])
        {
            Forbidden = (MatchPair[])[new(0, 0)],
            MinimumScore = 10,
            Locked = (MatchPair[])[new(0, 0)],
        };

        foreach (var mode in Enum.GetValues<MatchMode>())
        {
            var result = SolveMatching.Solve(problem, mode);

            Assert.Equal([0, 1], result.MentorOf.ToArray());
            Assert.Equal((803L, (int?)3), (result.TotalScore, result.WorstScore));
            Assert.True(result.Verdict.Verified, $"{mode}: {result.Verdict.Summary}");
        }
    }

    [Fact]
    public void Solve_BestAndFairest_DifferWhereTheyShould()
    {
        // Best fit takes 100 + 0; the fairest raises the worst pair from 0 to 40 at a lower total, 40 + 50.
        var problem = new MatchProblem(2, (int[])[1, 1], (MatchArc[])[new(0, 0, 100), new(0, 1, 40), new(1, 0, 50), new(1, 1, 0)]);

        var best = SolveMatching.Solve(problem);
        var fair = SolveMatching.Solve(problem, MatchMode.Fairest);

        Assert.Equal((2, 100L, (int?)0), (best.Matched, best.TotalScore, best.WorstScore));
        Assert.Equal((2, 90L, (int?)40), (fair.Matched, fair.TotalScore, fair.WorstScore));
        Assert.Equal(40, fair.Certificate!.Threshold);
        Assert.True(fair.Verdict.Verified, fair.Verdict.Summary);
    }

    [Fact]
    public void Solve_DocumentedExample_GivesTheDocumentedAnswer()
    {
        // The example of docs/matching-solver.md (the arrays as fields, which the analyzers prefer).
        var problem = new MatchProblem(mentees: 3, capacities: DocCapacities, arcs: DocArcs)
        {
            Forbidden = DocForbidden,
            MinimumScore = 50,
        };

        var result = SolveMatching.Solve(problem, MatchMode.BestTotalFit);

        Assert.Equal("Best total fit: 3 of 3 mentees matched, total score 230, worst pair 60.", result.Message);
        Assert.Equal([0, 0, 1], result.MentorOf.ToArray());
        Assert.Equal("optimality verified", CheckMatching.Verify(problem, result).Summary);
    }

    private static readonly int[] DocCapacities = [2, 1];
    private static readonly MatchArc[] DocArcs = [new(Mentee: 0, Mentor: 0, Score: 80), new(1, 0, 60), new(1, 1, 75), new(2, 1, 90)];
    private static readonly MatchPair[] DocForbidden = [new(2, 0)];
}
