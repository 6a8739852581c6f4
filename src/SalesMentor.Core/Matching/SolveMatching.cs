using System.Globalization;

namespace SalesMentor.Core.Matching;

/// <summary>
/// The matching engine: proposes mentor–mentee pairs for a <see cref="MatchProblem"/> in one of three
/// <see cref="MatchMode"/>s, says why each unmatched mentee is unmatched, proves best-fit and fairest results optimal
/// with a <see cref="MatchCertificate"/>, and has <see cref="CheckMatching"/> verify the result before returning it.
/// Pure and deterministic: the same problem gives the same result. See docs/matching-solver.md for the method.
/// </summary>
public static class SolveMatching
{
    /// <summary>
    /// Solves <paramref name="problem"/>. Never throws for bad data: an input that breaks a rule, or locks that cannot
    /// hold, give a <see cref="MatchStatus"/> and a message, and no matching.
    /// </summary>
    /// <param name="problem">Mentees, mentors, capacities, listed pairs, forbidden and locked pairs.</param>
    /// <param name="mode">What to optimise; best total fit by default.</param>
    /// <param name="check">Run <see cref="CheckMatching.Verify"/> on the result and attach its verdict (default). The
    /// check reads every pair once more; turn it off only to time the solve alone.</param>
    public static MatchResult Solve(MatchProblem problem, MatchMode mode = MatchMode.BestTotalFit, bool check = true)
        => Solve(problem, mode, check, BestFitEngine.Auction);

    /// <summary>As <see cref="Solve(MatchProblem, MatchMode, bool)"/>, with the best-fit engine chosen (for tests).</summary>
    internal static MatchResult Solve(MatchProblem problem, MatchMode mode, bool check, BestFitEngine engine)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var ranked = !problem.MenteeRanks.IsEmpty || !problem.MentorRanks.IsEmpty;
        var (graph, status, message) = MatchGraph.Build(problem, keepOrigins: mode == MatchMode.Stable && ranked);
        var result = graph is null ? WithoutGraph(problem, mode, status, message) : Run(graph, problem, mode, status, message, engine);
        return check ? result with { Verdict = CheckMatching.Verify(problem, result) } : result;
    }

    private static MatchResult Run(MatchGraph graph, MatchProblem problem, MatchMode mode, MatchStatus status, string message, BestFitEngine engine)
    {
        switch (mode)
        {
            case MatchMode.Stable:
                return Assemble(graph, mode, status, message, DeferredAcceptance.Solve(graph, problem), certificate: null);
            case MatchMode.Fairest:
                var bottleneck = FindBottleneck.Search(graph);
                var above = bottleneck.Threshold is { } t ? graph.Above(t) : graph;
                var fair = BestFit(above, bottleneck.MentorOf, bottleneck.Score, engine);
                return Assemble(graph, mode, status, message, fair.MentorOf, Certificate(fair) with
                {
                    Threshold = bottleneck.Threshold,
                    MaximumCardinalityCover = bottleneck.MaximumCover,
                    AboveThresholdCover = bottleneck.AboveCover,
                });
            default:
                var best = BestFit(graph, null, null, engine);
                return Assemble(graph, mode, status, message, best.MentorOf, Certificate(best));
        }
    }

    /// <summary>
    /// The best-fit optimum of <paramref name="graph"/> with its dual: Hopcroft–Karp (warm-started from a matching
    /// when one is given) for k and its cover, then the auction; the shortest-path method if the auction's dual does
    /// not settle (never seen, but the result must not depend on it).
    /// </summary>
    private static DualAssignment BestFit(MatchGraph graph, int[]? mentorOf, int[]? score, BestFitEngine engine)
    {
        if (engine == BestFitEngine.ShortestPaths) return AssignByShortestPaths.Solve(graph);
        var matching = new MaximumCardinality(graph);
        matching.Start(int.MinValue, mentorOf, score);
        var k = matching.Run(int.MinValue, int.MaxValue);
        var auction = AssignByAuction.Solve(graph, k, matching.Cover());
        if (auction is not null) return auction;
        return engine == BestFitEngine.AuctionOnly
            ? throw new InvalidOperationException("The auction's dual did not settle.")
            : AssignByShortestPaths.Solve(graph);
    }

    private static MatchCertificate Certificate(DualAssignment dual) => new()
    {
        CardinalityWeight = dual.CardinalityWeight,
        MenteePotentials = dual.MenteePotential,
        MentorPotentials = dual.MentorPotential,
    };

    /// <summary>Adds the locked pairs to the free mentees' matching and totals it up.</summary>
    private static MatchResult Assemble(
        MatchGraph graph, MatchMode mode, MatchStatus status, string message, int[] freeMentorOf, MatchCertificate? certificate)
    {
        var n = graph.Mentees;
        var mentorOf = new int[n];
        var reasons = new UnmatchedReason[n];
        var matched = 0;
        long total = 0;
        int? worst = null;
        var arcStart = graph.ArcStart;
        for (var i = 0; i < n; i++)
        {
            var j = graph.LockedMentor[i] >= 0 ? graph.LockedMentor[i] : freeMentorOf[i];
            mentorOf[i] = j;
            if (j < 0)
            {
                reasons[i] = graph.ReasonIfUnmatched[i];
                continue;
            }

            var score = graph.LockedMentor[i] >= 0 ? graph.LockedScore[i] : ScoreOf(graph, arcStart[i], arcStart[i + 1], j);
            matched++;
            total += score;
            worst = Math.Min(worst ?? int.MaxValue, score);
        }

        if (status == MatchStatus.Solved) message = Describe(mode, n, matched, total, worst);
        return new MatchResult
        {
            Status = status,
            Message = message,
            Mode = mode,
            MentorOf = mentorOf,
            Reasons = reasons,
            Matched = matched,
            TotalScore = total,
            WorstScore = worst,
            Certificate = certificate,
            Verdict = MatchVerdict.NotChecked,
        };
    }

    private static int ScoreOf(MatchGraph graph, int begin, int end, int mentor)
    {
        for (var a = begin; a < end; a++)
        {
            if (graph.ArcMentor[a] == mentor) return graph.ArcScore[a];
        }

        throw new InvalidOperationException("A solver matched a pair that is not a candidate.");
    }

    private static string Describe(MatchMode mode, int mentees, int matched, long total, int? worst)
    {
        var name = mode switch
        {
            MatchMode.Fairest => "Fairest",
            MatchMode.Stable => "Stable",
            _ => "Best total fit",
        };
        var c = CultureInfo.InvariantCulture;
        var worstText = worst is { } w ? string.Create(c, $", worst pair {w}") : "";
        return string.Create(c, $"{name}: {matched:N0} of {mentees:N0} mentees matched, total score {total:N0}{worstText}.");
    }

    /// <summary>No graph: no mentees or no mentors (an empty matching), or an input that cannot be solved (no matching).</summary>
    private static MatchResult WithoutGraph(MatchProblem problem, MatchMode mode, MatchStatus status, string message)
    {
        var hasMatching = status is MatchStatus.NoMentees or MatchStatus.NoMentors;
        var n = hasMatching ? problem.Mentees : 0;
        var mentorOf = new int[n];
        Array.Fill(mentorOf, MatchResult.Unmatched);
        var reasons = new UnmatchedReason[n];
        Array.Fill(reasons, UnmatchedReason.NoCandidate);
        return new MatchResult
        {
            Status = status,
            Message = message,
            Mode = mode,
            MentorOf = mentorOf,
            Reasons = reasons,
            Matched = 0,
            TotalScore = 0,
            WorstScore = null,
            Verdict = MatchVerdict.NotChecked,
        };
    }
}
