using SalesMentor.Core.Matching;

namespace SalesMentor.Core.Tests.Matching;

/// <summary>
/// The checker can fail: corrupted duals and changed assignments are rejected, and a changed assignment is accepted
/// exactly when brute force says it is optimal (or stable) too.
/// </summary>
public sealed class CheckMatchingTests
{
    [Fact]
    public void Verify_OneDualChangedByOne_IsRejected()
    {
        var rejected = 0;
        for (var seed = 0; seed < 2000; seed++)
        {
            var random = new Random(seed);
            var problem = MatchingInstances.Tiny(random);
            var mode = seed % 2 == 0 ? MatchMode.BestTotalFit : MatchMode.Fairest;
            var result = SolveMatching.Solve(problem, mode);
            // A fairest result with nothing matchable is proved by its cover alone; the dual plays no part.
            if (result.Certificate is not { } certificate || (mode == MatchMode.Fairest && certificate.Threshold is null)) continue;
            var locked = problem.Locked.ToArray().Select(p => p.Mentee).ToHashSet();
            var free = Enumerable.Range(0, problem.Mentees).Where(i => !locked.Contains(i)).ToArray();
            if (free.Length == 0) continue;
            var u = certificate.MenteePotentials.ToArray();
            u[free[random.Next(free.Length)]] += random.Next(2) == 0 ? 1 : -1;

            var verdict = CheckMatching.Verify(problem, result with { Certificate = certificate with { MenteePotentials = u } });

            Assert.False(verdict.Verified, $"seed {seed}");
            rejected++;
        }

        Assert.True(rejected > 1000);
    }

    [Fact]
    public void Verify_MentorDualChangedOrKTooSmall_IsRejected()
    {
        for (var seed = 0; seed < 1000; seed++)
        {
            var random = new Random(seed);
            var problem = MatchingInstances.Tiny(random);
            var result = SolveMatching.Solve(problem);
            if (result.Certificate is not { } certificate || result.Matched == problem.Locked.Length) continue;
            var withSeats = Enumerable.Range(0, problem.Mentors)
                .Where(j => problem.Capacities.Span[j] > problem.Locked.ToArray().Count(p => p.Mentor == j)).ToArray();
            var v = certificate.MentorPotentials.ToArray();
            v[withSeats[random.Next(withSeats.Length)]] += 1;

            Assert.False(CheckMatching.Verify(problem, result with { Certificate = certificate with { MentorPotentials = v } }).Verified, $"seed {seed}");
            Assert.False(CheckMatching.Verify(problem, result with { Certificate = certificate with { CardinalityWeight = certificate.CardinalityWeight - 1 } }).Verified, $"seed {seed}");
        }
    }

    [Fact]
    public void Verify_OneAssignmentChanged_AcceptedExactlyWhenStillOptimal()
    {
        var rejected = 0;
        for (var seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var problem = MatchingInstances.Tiny(random);
            var mode = (MatchMode)(seed % 3);
            var result = SolveMatching.Solve(problem, mode);
            if (!result.HasMatching || problem.Mentees == 0 || problem.Mentors == 0) continue;
            var mentorOf = result.MentorOf.ToArray();
            var i = random.Next(problem.Mentees);
            var options = problem.Arcs.ToArray().Where(a => a.Mentee == i && a.Mentor != mentorOf[i]).Select(a => a.Mentor).Append(-1).Where(j => j != mentorOf[i]).ToArray();
            if (options.Length == 0) continue;
            mentorOf[i] = options[random.Next(options.Length)];
            var brute = new MatchingBruteForce(problem);
            var feasible = brute.All().Any(s => s.SequenceEqual(mentorOf));
            var (matched, total, worst) = feasible ? brute.Objective(mentorOf) : (0, 0L, null);
            var changed = result with
            {
                MentorOf = mentorOf,
                Reasons = SolveMatchingPropertyTests.ExpectedReasons(problem, mentorOf),
                Matched = feasible ? matched : result.Matched,
                TotalScore = feasible ? total : result.TotalScore,
                WorstScore = feasible ? worst : result.WorstScore,
            };
            var stillBest = mode switch
            {
                MatchMode.BestTotalFit => feasible && (matched, total) == brute.Best(),
                MatchMode.Fairest => feasible && (matched, worst ?? int.MaxValue, total) == brute.Fairest(),
                _ => feasible && brute.IsStable(mentorOf),
            };

            var verdict = CheckMatching.Verify(problem, changed);

            Assert.True(stillBest == verdict.Verified, $"seed {seed}, mode {mode}: expected {stillBest}, checker said {verdict.Summary}");
            if (!verdict.Verified) rejected++;
        }

        Assert.True(rejected > 1000);
    }

    [Fact]
    public void Verify_FairestCoversCorrupted_AreRejected()
    {
        var checkedCovers = 0;
        for (var seed = 0; seed < 1500; seed++)
        {
            var random = new Random(seed);
            var problem = MatchingInstances.Tiny(random);
            var result = SolveMatching.Solve(problem, MatchMode.Fairest);
            if (result.Certificate is not { } certificate || result.Matched == problem.Locked.Length) continue;
            var cover = certificate.MaximumCardinalityCover!;
            var emptyMentees = new bool[problem.Mentees];
            var emptyMentors = new bool[problem.Mentors];
            var threshold = certificate.Threshold!.Value;
            var broken = certificate with
            {
                MaximumCardinalityCover = cover with { Mentees = emptyMentees, Mentors = emptyMentors },
            };
            Assert.False(CheckMatching.Verify(problem, result with { Certificate = broken }).Verified, $"seed {seed}");
            var lower = certificate with { Threshold = threshold - 1 };
            Assert.False(CheckMatching.Verify(problem, result with { Certificate = lower }).Verified, $"seed {seed}");
            if (certificate.AboveThresholdCover is { } above)
            {
                // Covering everything weighs at least the matching: it proves nothing about fairness.
                var all = certificate with { AboveThresholdCover = above with { Mentees = Enumerable.Repeat(true, problem.Mentees).ToArray() } };
                Assert.False(CheckMatching.Verify(problem, result with { Certificate = all }).Verified, $"seed {seed}");
            }

            checkedCovers++;
        }

        Assert.True(checkedCovers > 500);
    }

    [Fact]
    public void Verify_ObjectiveMisreported_IsRejected()
    {
        var problem = new MatchProblem(2, (int[])[1, 1], (MatchArc[])[new(0, 0, 5), new(1, 1, 7)]);
        var result = SolveMatching.Solve(problem);

        Assert.True(result.Verdict.Verified);
        Assert.False(CheckMatching.Verify(problem, result with { TotalScore = 13 }).Verified);
        Assert.False(CheckMatching.Verify(problem, result with { Matched = 1 }).Verified);
        Assert.False(CheckMatching.Verify(problem, result with { WorstScore = 7 }).Verified);
        Assert.False(CheckMatching.Verify(problem, result with { MentorOf = (int[])[0, 0] }).Verified);
        Assert.False(CheckMatching.Verify(problem, result with { MentorOf = (int[])[0, 5] }).Verified);
        Assert.False(CheckMatching.Verify(problem, result with { Certificate = null }).Verified);
    }
}
