using SalesMentor.Core.Matching;

namespace SalesMentor.Core.Tests.Matching;

/// <summary>The solver against brute force on thousands of tiny random problems (at most 8 people).</summary>
public sealed class SolveMatchingPropertyTests
{
    private const int Instances = 3000;

    [Theory]
    [InlineData(BestFitEngine.AuctionOnly)]
    [InlineData(BestFitEngine.ShortestPaths)]
    internal void Solve_BestTotalFit_EqualsBruteForceAndIsVerified(BestFitEngine engine)
    {
        for (var seed = 0; seed < Instances; seed++)
        {
            var problem = MatchingInstances.Tiny(new Random(seed));

            var result = SolveMatching.Solve(problem, MatchMode.BestTotalFit, check: true, engine);

            Assert.True(result.HasMatching, $"seed {seed}: {result.Message}");
            Assert.True(result.Verdict.Verified, $"seed {seed}: {result.Verdict.Summary}");
            Assert.Equal(new MatchingBruteForce(problem).Best(), (result.Matched, result.TotalScore));
        }
    }

    [Theory]
    [InlineData(BestFitEngine.AuctionOnly)]
    [InlineData(BestFitEngine.ShortestPaths)]
    internal void Solve_Fairest_EqualsBruteForceAndIsVerified(BestFitEngine engine)
    {
        for (var seed = 0; seed < Instances; seed++)
        {
            var problem = MatchingInstances.Tiny(new Random(seed));

            var result = SolveMatching.Solve(problem, MatchMode.Fairest, check: true, engine);

            Assert.True(result.Verdict.Verified, $"seed {seed}: {result.Verdict.Summary}");
            Assert.Equal(new MatchingBruteForce(problem).Fairest(), (result.Matched, result.WorstScore ?? int.MaxValue, result.TotalScore));
        }
    }

    [Fact]
    public void Solve_Stable_HasNoBlockingPairAndIsMenteeOptimal()
    {
        for (var seed = 0; seed < Instances; seed++)
        {
            var problem = MatchingInstances.Tiny(new Random(seed));

            var result = SolveMatching.Solve(problem, MatchMode.Stable);

            Assert.True(result.Verdict.Verified, $"seed {seed}: {result.Verdict.Summary}");
            Assert.Equal(0, result.Verdict.BlockingPairs);
            Assert.Equal(new MatchingBruteForce(problem).MenteeOptimalStable(), result.MentorOf.ToArray());
        }
    }

    [Fact]
    public void Solve_EveryMode_UnmatchedReasonsFollowTheDefinitions()
    {
        for (var seed = 0; seed < 500; seed++)
        {
            var problem = MatchingInstances.Tiny(new Random(seed));
            foreach (var mode in Enum.GetValues<MatchMode>())
            {
                var result = SolveMatching.Solve(problem, mode);

                Assert.Equal(ExpectedReasons(problem, result.MentorOf.ToArray()), result.Reasons.ToArray());
            }
        }
    }

    /// <summary>The reasons straight from their definitions in <see cref="UnmatchedReason"/>.</summary>
    internal static UnmatchedReason[] ExpectedReasons(MatchProblem problem, int[] mentorOf)
    {
        var arcs = problem.Arcs.ToArray();
        var locked = problem.Locked.ToArray();
        var forbidden = problem.Forbidden.ToArray();
        var load = new int[problem.Mentors];
        foreach (var j in mentorOf.Where(j => j >= 0)) load[j]++;
        return Enumerable.Range(0, problem.Mentees).Select(i =>
        {
            if (mentorOf[i] >= 0) return UnmatchedReason.None;
            var listed = arcs.Where(a => a.Mentee == i).ToList();
            if (listed.Count == 0) return UnmatchedReason.NoCandidate;
            var candidates = listed.Where(a => a.Score >= problem.MinimumScore && !forbidden.Contains(new MatchPair(i, a.Mentor)) && locked.All(l => l.Mentee != i));
            return candidates.Any() ? UnmatchedReason.CapacityExhausted : UnmatchedReason.AllExcluded;
        }).ToArray();
    }
}
