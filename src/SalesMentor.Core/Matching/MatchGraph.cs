namespace SalesMentor.Core.Matching;

/// <summary>
/// The validated problem as the solvers see it: the candidate pairs of the free (not locked) mentees in compressed
/// rows — row i is [<see cref="ArcStart"/>[i], <see cref="ArcStart"/>[i + 1]) of the parallel arrays
/// <see cref="ArcMentor"/> and <see cref="ArcScore"/>, in input order — and each mentor's residual capacity.
/// Flat arrays only: 8 bytes per candidate pair plus a few per person.
/// </summary>
internal sealed class MatchGraph
{
    private MatchGraph(int mentees, int mentors)
    {
        Mentees = mentees;
        Mentors = mentors;
    }

    internal int Mentees { get; }

    internal int Mentors { get; }

    internal int[] ArcStart { get; private set; } = [];

    internal int[] ArcMentor { get; private set; } = [];

    internal int[] ArcScore { get; private set; } = [];

    /// <summary>Index of each arc in <see cref="MatchProblem.Arcs"/>; only when asked for (explicit rankings).</summary>
    internal int[]? ArcOrigin { get; private set; }

    /// <summary>Capacity minus locked pairs, per mentor.</summary>
    internal int[] Capacity { get; private set; } = [];

    /// <summary>The locked mentor per mentee, or −1.</summary>
    internal int[] LockedMentor { get; private set; } = [];

    /// <summary>The score of the locked pair per mentee (0 when not locked).</summary>
    internal int[] LockedScore { get; private set; } = [];

    internal int Locks { get; private set; }

    /// <summary>The reason a mentee would have if left unmatched.</summary>
    internal UnmatchedReason[] ReasonIfUnmatched { get; private set; } = [];

    /// <summary>Mentees that are not locked.</summary>
    internal int FreeMentees { get; private set; }

    /// <summary>The largest candidate score; 0 when there is none.</summary>
    internal int MaxScore { get; private set; }

    internal int Arcs => ArcStart[Mentees];

    /// <summary>The same graph keeping only the arcs scoring at least <paramref name="threshold"/>.</summary>
    internal MatchGraph Above(int threshold)
    {
        var start = new int[Mentees + 1];
        var kept = 0;
        for (var a = 0; a < Arcs; a++)
        {
            if (ArcScore[a] >= threshold) kept++;
        }

        if (kept == Arcs) return this;

        var mentor = new int[kept];
        var score = new int[kept];
        var w = 0;
        var max = 0;
        for (var i = 0; i < Mentees; i++)
        {
            start[i] = w;
            for (var a = ArcStart[i]; a < ArcStart[i + 1]; a++)
            {
                if (ArcScore[a] < threshold) continue;
                mentor[w] = ArcMentor[a];
                score[w] = ArcScore[a];
                max = Math.Max(max, ArcScore[a]);
                w++;
            }
        }

        start[Mentees] = w;
        return new MatchGraph(Mentees, Mentors)
        {
            ArcStart = start,
            ArcMentor = mentor,
            ArcScore = score,
            Capacity = Capacity,
            LockedMentor = LockedMentor,
            LockedScore = LockedScore,
            Locks = Locks,
            ReasonIfUnmatched = ReasonIfUnmatched,
            FreeMentees = FreeMentees,
            MaxScore = max,
        };
    }

    /// <summary>
    /// K for the weights score + K: Q·S + 1 with Q = min(free mentees, total residual capacity) ≥ any matching's size
    /// and S = <see cref="MaxScore"/>. Q ≤ 2³¹ and S ≤ 10⁶, so K &lt; 2.2·10¹⁵.
    /// </summary>
    internal long CardinalityWeight()
    {
        long seats = 0;
        foreach (var capacity in Capacity) seats += capacity;
        return (Math.Min(FreeMentees, seats) * MaxScore) + 1;
    }

    /// <summary>Validates <paramref name="problem"/> and builds its graph; a status other than Solved means no graph.</summary>
    internal static (MatchGraph? Graph, MatchStatus Status, string Message) Build(MatchProblem problem, bool keepOrigins)
    {
        var n = problem.Mentees;
        var capacities = problem.Capacities.Span;
        var arcs = problem.Arcs.Span;
        var m = capacities.Length;
        var invalid = Validate(problem);
        if (invalid is not null) return (null, MatchStatus.InvalidInput, invalid);
        if (n == 0) return (null, MatchStatus.NoMentees, "There are no mentees to match.");
        if (m == 0) return (null, MatchStatus.NoMentors, "There are no mentors: every mentee is unmatched.");

        var graph = new MatchGraph(n, m);
        var lockedMentor = new int[n];
        Array.Fill(lockedMentor, -1);
        foreach (var pair in problem.Locked.Span)
        {
            if (lockedMentor[pair.Mentee] >= 0)
            {
                return (null, MatchStatus.MenteeLockedTwice,
                    $"Mentee {pair.Mentee} is locked twice (to mentors {lockedMentor[pair.Mentee]} and {pair.Mentor}); a mentee has at most one mentor.");
            }

            lockedMentor[pair.Mentee] = pair.Mentor;
        }

        // Rows of every listed pair (a stable counting sort by mentee), compacted below to the candidates.
        var start = new int[n + 1];
        foreach (var arc in arcs) start[arc.Mentee + 1]++;
        for (var i = 0; i < n; i++) start[i + 1] += start[i];
        var cursor = start[..n];
        var arcMentor = new int[arcs.Length];
        var arcScore = new int[arcs.Length];
        var arcOrigin = keepOrigins ? new int[arcs.Length] : null;
        for (var a = 0; a < arcs.Length; a++)
        {
            var at = cursor[arcs[a].Mentee]++;
            arcMentor[at] = arcs[a].Mentor;
            arcScore[at] = arcs[a].Score;
            if (arcOrigin is not null) arcOrigin[at] = a;
        }

        cursor = null;
        var (forbiddenStart, forbiddenMentor) = GroupForbidden(problem.Forbidden.Span, n);
        var seen = new int[m];
        var forbidden = new int[m];
        var lockedScore = new int[n];
        var lockCount = new int[m];
        var reason = new UnmatchedReason[n];
        var minimum = problem.MinimumScore;
        var w = 0;
        var maxScore = 0;
        var rowBegin = 0;
        for (var i = 0; i < n; i++)
        {
            var rowEnd = start[i + 1];
            start[i] = w;
            var mark = i + 1;
            for (var f = forbiddenStart[i]; f < forbiddenStart[i + 1]; f++) forbidden[forbiddenMentor[f]] = mark;
            var locked = lockedMentor[i];
            var lockListed = false;
            var candidates = 0;
            for (var a = rowBegin; a < rowEnd; a++)
            {
                var j = arcMentor[a];
                if (seen[j] == mark) return (null, MatchStatus.InvalidInput, $"The pair (mentee {i}, mentor {j}) is listed twice.");
                seen[j] = mark;
                if (j == locked)
                {
                    lockListed = true;
                    lockedScore[i] = arcScore[a];
                }

                if (arcScore[a] < minimum || forbidden[j] == mark) continue;
                candidates++;
                if (locked >= 0) continue;
                arcMentor[w] = j;
                arcScore[w] = arcScore[a];
                if (arcOrigin is not null) arcOrigin[w] = arcOrigin[a];
                maxScore = Math.Max(maxScore, arcScore[a]);
                w++;
            }

            if (locked >= 0)
            {
                if (!lockListed)
                {
                    return (null, MatchStatus.LockedPairNotListed,
                        $"The locked pair (mentee {i}, mentor {locked}) is not among the listed pairs, so it has no score.");
                }

                lockCount[locked]++;
            }

            reason[i] = rowEnd == rowBegin ? UnmatchedReason.NoCandidate
                : candidates == 0 ? UnmatchedReason.AllExcluded
                : UnmatchedReason.CapacityExhausted;
            rowBegin = rowEnd;
        }

        start[n] = w;
        var residual = new int[m];
        for (var j = 0; j < m; j++)
        {
            if (lockCount[j] > capacities[j])
            {
                return (null, MatchStatus.LocksExceedCapacity,
                    $"Mentor {j} has {lockCount[j]} locked pairs but a capacity of {capacities[j]}.");
            }

            residual[j] = capacities[j] - lockCount[j];
        }

        if (w < arcMentor.Length - (arcMentor.Length / 4))
        {
            // Many pairs were excluded: give the memory back rather than carry the tail through the solve.
            Array.Resize(ref arcMentor, w);
            Array.Resize(ref arcScore, w);
            if (arcOrigin is not null) Array.Resize(ref arcOrigin, w);
        }

        graph.ArcStart = start;
        graph.ArcMentor = arcMentor;
        graph.ArcScore = arcScore;
        graph.ArcOrigin = arcOrigin;
        graph.Capacity = residual;
        graph.LockedMentor = lockedMentor;
        graph.LockedScore = lockedScore;
        graph.Locks = problem.Locked.Length;
        graph.ReasonIfUnmatched = reason;
        graph.FreeMentees = n - problem.Locked.Length;
        graph.MaxScore = maxScore;
        if (w == 0 && graph.Locks == 0)
        {
            return (graph, MatchStatus.NoCandidates, arcs.Length == 0
                ? "No pairs are listed: every mentee is unmatched."
                : "Every listed pair is forbidden or below the minimum score: every mentee is unmatched.");
        }

        return (graph, MatchStatus.Solved, "");
    }

    private static (int[] Start, int[] Mentor) GroupForbidden(ReadOnlySpan<MatchPair> pairs, int n)
    {
        var start = new int[n + 1];
        foreach (var pair in pairs) start[pair.Mentee + 1]++;
        for (var i = 0; i < n; i++) start[i + 1] += start[i];
        var cursor = start[..n];
        var mentor = new int[pairs.Length];
        foreach (var pair in pairs) mentor[cursor[pair.Mentee]++] = pair.Mentor;
        return (start, mentor);
    }

    /// <summary>The first rule <paramref name="problem"/> breaks, as a sentence; null when it keeps them all.</summary>
    private static string? Validate(MatchProblem problem)
    {
        var n = problem.Mentees;
        var capacities = problem.Capacities.Span;
        var m = capacities.Length;
        if (n < 0) return $"The number of mentees is negative ({n}).";
        for (var j = 0; j < m; j++)
        {
            if (capacities[j] < 0) return $"Mentor {j} has a negative capacity ({capacities[j]}).";
        }

        var arcs = problem.Arcs.Span;
        for (var a = 0; a < arcs.Length; a++)
        {
            var arc = arcs[a];
            if (!InRange(arc.Mentee, n)) return $"Pair #{a} names mentee {arc.Mentee}, but mentees are 0 … {n - 1}.";
            if (!InRange(arc.Mentor, m)) return $"Pair #{a} names mentor {arc.Mentor}, but mentors are 0 … {m - 1}.";
            if (!InRange(arc.Score, MatchProblem.MaxScore + 1)) return $"Pair #{a} has score {arc.Score}; scores are 0 … {MatchProblem.MaxScore}.";
        }

        return ValidateRanks(problem.MenteeRanks.Span, arcs.Length, "Mentee")
            ?? ValidateRanks(problem.MentorRanks.Span, arcs.Length, "Mentor")
            ?? ValidatePairs(problem.Forbidden.Span, n, m, "Forbidden")
            ?? ValidatePairs(problem.Locked.Span, n, m, "Locked");
    }

    /// <summary>0 ≤ <paramref name="value"/> &lt; <paramref name="count"/>.</summary>
    private static bool InRange(int value, int count) => value >= 0 && value < count;

    private static string? ValidateRanks(ReadOnlySpan<int> ranks, int arcs, string side)
    {
        if (ranks.IsEmpty) return null;
        if (ranks.Length != arcs) return $"{side} ranks are given for {ranks.Length} pairs, but {arcs} pairs are listed.";
        for (var a = 0; a < ranks.Length; a++)
        {
            if (ranks[a] < 0) return $"{side} rank of pair #{a} is negative ({ranks[a]}).";
        }

        return null;
    }

    private static string? ValidatePairs(ReadOnlySpan<MatchPair> pairs, int n, int m, string kind)
    {
        for (var p = 0; p < pairs.Length; p++)
        {
            if (!InRange(pairs[p].Mentee, n) || !InRange(pairs[p].Mentor, m))
            {
                return $"{kind} pair #{p} (mentee {pairs[p].Mentee}, mentor {pairs[p].Mentor}) is out of range.";
            }
        }

        return null;
    }
}
