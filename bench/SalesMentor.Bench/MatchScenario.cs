using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SalesMentor.Core.Matching;

namespace SalesMentor.Bench;

/// <summary>
/// match-s, match-m, match-l: our best-fit solver against OR-Tools MinCostFlow; match-fair: our fairest mode against
/// an OR-Tools max-flow threshold search; match-stable: our stable mode with an independent blocking-pair count.
/// Each score variant (uniform, low-rank) runs in its own pair of processes and prints one JSON line.
/// </summary>
internal static class MatchScenario
{
    private static readonly JsonSerializerOptions Line = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    internal static bool Handles(string scenario) => scenario is "match-s" or "match-m" or "match-l" or "match-fair" or "match-stable";

    internal static int Harness(BenchOptions options)
    {
        var seed = options.Seed.ToString(CultureInfo.InvariantCulture);
        var allAgree = true;
        foreach (var variant in MatchBenchData.Variants)
        {
            var ours = Measure.Child(options.Scenario, "--role", "ours", "--variant", variant, "--seed", seed);
            if (options.Scenario == "match-stable")
            {
                var stableOk = ours.GetProperty("blocking_pairs").GetInt64() == 0 && ours.GetProperty("verified").GetBoolean();
                allAgree &= stableOk;
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    scenario = options.Scenario,
                    scores = variant,
                    ours_ms = Round(ours, "solve_ms"),
                    ours_peak_mb = ours.GetProperty("peak_mb").GetDouble(),
                    matched = ours.GetProperty("matched").GetInt64(),
                    blocking_pairs = ours.GetProperty("blocking_pairs").GetInt64(),
                    verified = ours.GetProperty("verified").GetBoolean(),
                    ours_verify_ms = Round(ours, "verify_ms"),
                }));
                continue;
            }

            var peer = Measure.Child(options.Scenario, "--role", "peer", "--variant", variant, "--seed", seed);
            var k = peer.GetProperty("k").GetInt64();
            var matched = ours.GetProperty("matched").GetInt64();
            var total = ours.GetProperty("total").GetInt64();
            var agree = peer.GetProperty("flow").GetInt64() == matched && -peer.GetProperty("cost").GetInt64() == total + (k * matched);
            if (options.Scenario == "match-fair") agree &= peer.GetProperty("threshold").GetInt32() == ours.GetProperty("worst").GetInt32();
            var verified = ours.GetProperty("verified").GetBoolean();
            allAgree &= agree && verified;
            var oursMs = ours.GetProperty("solve_ms").GetDouble();
            var peerMs = peer.GetProperty("solve_ms").GetDouble();
            Console.Error.WriteLine($"{options.Scenario} {variant}: ours runs {ours.GetProperty("runs_ms")} ms (input {ours.GetProperty("build_ms")} ms), peer runs {peer.GetProperty("runs_ms")} ms (input and network {peer.GetProperty("build_ms")} ms); {ours.GetProperty("summary")}");
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                scenario = options.Scenario,
                scores = variant,
                ours_ms = Math.Round(oursMs, 1),
                peer_ms = Math.Round(peerMs, 1),
                ratio = Math.Round(oursMs / peerMs, 3),
                ours_peak_mb = ours.GetProperty("peak_mb").GetDouble(),
                peer_peak_mb = peer.GetProperty("peak_mb").GetDouble(),
                agree,
                verified,
                ours_verify_ms = Round(ours, "verify_ms"),
                matched,
                total,
                worst = ours.GetProperty("worst").GetInt32(),
                best_fit_ms = options.Scenario == "match-fair" ? Round(ours, "best_ms") : (double?)null,
                fair_over_best = options.Scenario == "match-fair" ? Math.Round(oursMs / ours.GetProperty("best_ms").GetDouble(), 3) : (double?)null,
            }, Line));
        }

        return allAgree ? 0 : 1;
    }

    internal static int Child(BenchOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var problem = MatchBenchData.Generate(options.Scenario, options.Variant, options.Seed);
        var buildMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return options.Role == "ours" ? Ours(options, problem, buildMs) : Peer(options, problem, started);
    }

    private static int Ours(BenchOptions options, MatchProblem problem, double buildMs)
    {
        var mode = options.Scenario switch
        {
            "match-fair" => MatchMode.Fairest,
            "match-stable" => MatchMode.Stable,
            _ => MatchMode.BestTotalFit,
        };
        double[] bestRuns = [];
        if (mode == MatchMode.Fairest) bestRuns = Measure.Time(() => SolveMatching.Solve(problem, MatchMode.BestTotalFit, check: false));
        MatchResult? result = null;
        var runs = Measure.Time(() => result = SolveMatching.Solve(problem, mode, check: false));
        var verifyStarted = Stopwatch.GetTimestamp();
        var verdict = CheckMatching.Verify(problem, result!);
        var verifyMs = Stopwatch.GetElapsedTime(verifyStarted).TotalMilliseconds;
        var blocking = mode == MatchMode.Stable ? CountBlockingPairs(problem, result!) : 0;
        var peak = Measure.PeakMegabytes();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            role = "ours",
            solve_ms = Measure.Median(runs),
            runs_ms = runs.Select(r => Math.Round(r, 1)).ToArray(),
            best_ms = bestRuns.Length > 0 ? Measure.Median(bestRuns) : (double?)null,
            build_ms = Math.Round(buildMs, 1),
            verify_ms = verifyMs,
            peak_mb = peak,
            matched = result!.Matched,
            total = result.TotalScore,
            worst = result.WorstScore ?? -1,
            verified = verdict.Verified,
            summary = verdict.Summary,
            blocking_pairs = blocking,
        }));
        return 0;
    }

    private static int Peer(BenchOptions options, MatchProblem problem, long started)
    {
        using var peer = new MatchPeer(problem);
        var fair = options.Scenario == "match-fair";
        using var maxFlow = fair ? peer.BuildMaxFlow() : null;
        var open = fair ? peer.AllOpen() : [];
        var buildMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        (int Threshold, long Flow, long Cost) answer = default;
        var runs = fair
            ? Measure.Time(() => answer = peer.SolveFairest(maxFlow!, open))
            : Measure.Time(() =>
            {
                peer.Solve();
                answer = (-1, peer.Flow, peer.Cost);
            });
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            role = "peer",
            solve_ms = Measure.Median(runs),
            runs_ms = runs.Select(r => Math.Round(r, 1)).ToArray(),
            build_ms = Math.Round(buildMs, 1),
            peak_mb = Measure.PeakMegabytes(),
            k = peer.Weight,
            flow = answer.Flow,
            cost = answer.Cost,
            threshold = answer.Threshold,
        }));
        return 0;
    }

    /// <summary>
    /// Blocking pairs counted the plain way, apart from Core's checker: scores only (the bench has no rankings),
    /// higher first, ties by lower index.
    /// </summary>
    private static long CountBlockingPairs(MatchProblem problem, MatchResult result)
    {
        var mentorOf = result.MentorOf.Span;
        var arcs = problem.Arcs.Span;
        var own = new int[problem.Mentees];
        Array.Fill(own, -1);
        var worst = new (int Score, int Mentee)?[problem.Mentors];
        var held = new int[problem.Mentors];
        foreach (var arc in arcs)
        {
            if (mentorOf[arc.Mentee] != arc.Mentor) continue;
            own[arc.Mentee] = arc.Score;
            held[arc.Mentor]++;
            var candidate = (arc.Score, arc.Mentee);
            if (worst[arc.Mentor] is not { } w || Worse(candidate, w)) worst[arc.Mentor] = candidate;
        }

        long blocking = 0;
        foreach (var arc in arcs)
        {
            var current = mentorOf[arc.Mentee];
            if (current == arc.Mentor) continue;
            var menteePrefers = current < 0 || arc.Score > own[arc.Mentee] || (arc.Score == own[arc.Mentee] && arc.Mentor < current);
            var mentorPrefers = held[arc.Mentor] < problem.Capacities.Span[arc.Mentor]
                || (worst[arc.Mentor] is { } w && Worse(w, (arc.Score, arc.Mentee)));
            if (menteePrefers && mentorPrefers) blocking++;
        }

        return blocking;
    }

    /// <summary>A mentor likes <paramref name="a"/> less than <paramref name="b"/>: lower score, or equal score and higher index.</summary>
    private static bool Worse((int Score, int Mentee) a, (int Score, int Mentee) b)
        => a.Score < b.Score || (a.Score == b.Score && a.Mentee > b.Mentee);

    private static double? Round(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? Math.Round(value.GetDouble(), 1) : null;
}
