using SalesMentor.Core.Matching;

namespace SalesMentor.Core.Tests.Matching;

/// <summary>Thousands of people, too many for brute force: checked by the certificate (and by the other engine).</summary>
public sealed class SolveMatchingMediumTests
{
    public static TheoryData<string, int> Shapes => new()
    {
        { "2,000 × 400 uniform, capacities 0–8", 1 },
        { "2,000 × 400 low-rank ties", 2 },
        { "surplus mentees: 3,000 for 300 seats", 3 },
        { "surplus seats: 500 mentees, 1,500 seats", 4 },
        { "both: an overloaded corner and spare seats elsewhere", 5 },
        { "scores up to 1,000,000", 6 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Solve_EveryMode_VerifiedAndEnginesAgree(string shape, int kind)
    {
        var problem = Problem(kind);

        var auction = SolveMatching.Solve(problem, MatchMode.BestTotalFit, check: true, BestFitEngine.AuctionOnly);
        var paths = SolveMatching.Solve(problem, MatchMode.BestTotalFit, check: true, BestFitEngine.ShortestPaths);
        var fair = SolveMatching.Solve(problem, MatchMode.Fairest, check: true, BestFitEngine.AuctionOnly);
        var stable = SolveMatching.Solve(problem, MatchMode.Stable);

        Assert.True(auction.Verdict.Verified, $"{shape}: {auction.Verdict.Summary}");
        Assert.True(paths.Verdict.Verified, $"{shape}: {paths.Verdict.Summary}");
        Assert.Equal((paths.Matched, paths.TotalScore), (auction.Matched, auction.TotalScore));
        Assert.True(fair.Verdict.Verified, $"{shape}: {fair.Verdict.Summary}");
        Assert.Equal(auction.Matched, fair.Matched);
        Assert.True(fair.WorstScore >= auction.WorstScore && fair.TotalScore <= auction.TotalScore, shape);
        Assert.True(stable.Verdict.Verified, $"{shape}: {stable.Verdict.Summary}");
        Assert.Equal(0, stable.Verdict.BlockingPairs);
    }

    [Fact]
    public void Solve_WithLocksAndForbiddenPairs_Verified()
    {
        var baseProblem = Problem(1);
        var arcs = baseProblem.Arcs.ToArray();
        var random = new Random(11);
        var locks = new List<MatchPair>();
        var lockLoad = new int[baseProblem.Mentors];
        foreach (var arc in arcs.Where(_ => random.Next(40) == 0))
        {
            if (locks.Any(l => l.Mentee == arc.Mentee) || lockLoad[arc.Mentor] >= baseProblem.Capacities.Span[arc.Mentor]) continue;
            lockLoad[arc.Mentor]++;
            locks.Add(new MatchPair(arc.Mentee, arc.Mentor));
        }

        var problem = new MatchProblem(baseProblem.Mentees, baseProblem.Capacities, arcs)
        {
            Locked = locks.ToArray(),
            Forbidden = arcs.Where(_ => random.Next(20) == 0).Select(a => new MatchPair(a.Mentee, a.Mentor)).ToArray(),
            MinimumScore = 100,
        };

        foreach (var mode in Enum.GetValues<MatchMode>())
        {
            var result = SolveMatching.Solve(problem, mode);

            Assert.True(result.Verdict.Verified, $"{mode}: {result.Verdict.Summary}");
            Assert.All(locks, l => Assert.Equal(l.Mentor, result.MentorOf.Span[l.Mentee]));
        }
    }

    [Fact]
    public void AuctionValueBound_FitsIn64Bits()
    {
        // The unchecked bid value D·score − price: D·score ≤ MaxScale·MaxScore, price ≤ NoSeat (capped), both ≥ 0.
        var largest = (Int128)Auction.MaxScale * MatchProblem.MaxScore;

        Assert.True(largest + Auction.NoSeat < long.MaxValue);
        Assert.True(-(Int128)Auction.NoSeat > long.MinValue);
    }

    private static MatchProblem Problem(int kind) => kind switch
    {
        1 => MatchingInstances.Sparse(1, 2_000, 400, 30, r => r.Next(0, 9)),
        2 => MatchingInstances.Sparse(2, 2_000, 400, 30, _ => 5, lowRank: true),
        3 => MatchingInstances.Sparse(3, 3_000, 100, 10, _ => 3),
        4 => MatchingInstances.Sparse(4, 500, 300, 20, _ => 5, lowRank: true),
        5 => Cornered(),
        _ => MatchingInstances.Sparse(6, 1_500, 300, 25, r => r.Next(1, 7), maxScore: MatchProblem.MaxScore, lowRank: true),
    };

    /// <summary>Mentees 0–599 may only have mentors 0–49 (100 seats); mentees 600–999 have mentors 50–499 (900 seats).</summary>
    private static MatchProblem Cornered()
    {
        var random = new Random(5);
        var arcs = new List<MatchArc>();
        for (var i = 0; i < 1_000; i++)
        {
            var (from, to) = i < 600 ? (0, 50) : (50, 500);
            foreach (var j in Enumerable.Range(from, to - from).OrderBy(_ => random.Next()).Take(8)) arcs.Add(new MatchArc(i, j, random.Next(0, 1_001)));
        }

        return new MatchProblem(1_000, Enumerable.Repeat(2, 500).ToArray(), arcs.ToArray());
    }
}
