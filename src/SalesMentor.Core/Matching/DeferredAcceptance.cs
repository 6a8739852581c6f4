namespace SalesMentor.Core.Matching;

/// <summary>
/// Stable mode: mentee-proposing deferred acceptance with capacities (Gale–Shapley, hospitals/residents form).
/// Every free mentee proposes down its list; a mentor holds its best proposals up to its residual capacity and
/// rejects the rest. The result is the mentee-optimal stable matching: no mentee and mentor both prefer each other to
/// what they hold. Locked mentees do not take part, and their seats are taken from their mentors' capacity.
/// <para>
/// Preferences are strict: a mentee ranks its candidates by its explicit rank (ranked first, 1 best), then by score
/// (higher first), then by mentor index; a mentor ranks mentees likewise by its explicit rank, score, mentee index.
/// O(pairs · log capacity) time; each mentor's held proposals are a max-heap (worst on top) in its seat block.
/// </para>
/// </summary>
internal static class DeferredAcceptance
{
    /// <summary>Per mentee its mentor, or −1; locked mentees −1 (the caller adds the locks).</summary>
    internal static int[] Solve(MatchGraph graph, MatchProblem problem)
    {
        var n = graph.Mentees;
        var m = graph.Mentors;
        var arcStart = graph.ArcStart;
        var arcCount = graph.Arcs;
        var menteeRanks = problem.MenteeRanks.Span;
        var mentorRanks = problem.MentorRanks.Span;

        // Each row sorted into the mentee's order; alongside, the mentor's key for that pair (smaller is preferred).
        var order = new int[arcCount];
        var mentorKey = new long[arcCount];
        var rowKeys = new List<(long Key, int Mentor, int Arc)>();
        for (var i = 0; i < n; i++)
        {
            rowKeys.Clear();
            for (var a = arcStart[i]; a < arcStart[i + 1]; a++)
            {
                var origin = graph.ArcOrigin?[a] ?? -1;
                var rank = menteeRanks.IsEmpty ? 0 : menteeRanks[origin];
                rowKeys.Add((PreferenceKey(rank, graph.ArcScore[a]), graph.ArcMentor[a], a));
            }

            rowKeys.Sort();
            for (var t = 0; t < rowKeys.Count; t++)
            {
                var a = rowKeys[t].Arc;
                order[arcStart[i] + t] = a;
                var origin = graph.ArcOrigin?[a] ?? -1;
                mentorKey[a] = PreferenceKey(mentorRanks.IsEmpty ? 0 : mentorRanks[origin], graph.ArcScore[a]);
            }
        }

        var degree = new int[m];
        for (var a = 0; a < arcCount; a++) degree[graph.ArcMentor[a]]++;
        var seatStart = new int[m + 1];
        for (var j = 0; j < m; j++) seatStart[j + 1] = seatStart[j] + Math.Min(degree[j], graph.Capacity[j]);
        var heldKey = new long[seatStart[m]];
        var heldMentee = new int[seatStart[m]];
        var held = new int[m];
        var next = new int[n];
        var mentorOf = new int[n];
        Array.Fill(mentorOf, -1);
        var free = new Stack<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            next[i] = arcStart[i];
            if (graph.LockedMentor[i] < 0) free.Push(i);
        }

        while (free.Count > 0)
        {
            var i = free.Pop();
            while (next[i] < arcStart[i + 1])
            {
                var a = order[next[i]++];
                var j = graph.ArcMentor[a];
                var seats = seatStart[j + 1] - seatStart[j];
                if (seats == 0) continue;
                var key = mentorKey[a];
                if (held[j] < seats)
                {
                    Push(heldKey, heldMentee, seatStart[j], held[j]++, key, i);
                    mentorOf[i] = j;
                    break;
                }

                var top = seatStart[j];
                if (Compare(key, i, heldKey[top], heldMentee[top]) >= 0) continue;
                var rejected = heldMentee[top];
                mentorOf[rejected] = -1;
                free.Push(rejected);
                ReplaceTop(heldKey, heldMentee, top, seats, key, i);
                mentorOf[i] = j;
                break;
            }
        }

        return mentorOf;
    }

    /// <summary>Smaller is preferred: explicitly ranked first (by rank), then higher score. Ties are broken by index by the caller.</summary>
    private static long PreferenceKey(int rank, int score)
        => ((long)(rank > 0 ? rank : int.MaxValue) << 21) | (uint)(MatchProblem.MaxScore - score);

    private static int Compare(long key, int mentee, long otherKey, int otherMentee)
        => key != otherKey ? key.CompareTo(otherKey) : mentee.CompareTo(otherMentee);

    /// <summary>Adds to the max-heap (worst on top) in [start, start + count].</summary>
    private static void Push(long[] keys, int[] mentees, int start, int count, long key, int mentee)
    {
        var at = count;
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (Compare(keys[start + parent], mentees[start + parent], key, mentee) >= 0) break;
            keys[start + at] = keys[start + parent];
            mentees[start + at] = mentees[start + parent];
            at = parent;
        }

        keys[start + at] = key;
        mentees[start + at] = mentee;
    }

    /// <summary>Replaces the worst held (the top) of a full heap of <paramref name="count"/> and sifts down.</summary>
    private static void ReplaceTop(long[] keys, int[] mentees, int start, int count, long key, int mentee)
    {
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= count) break;
            if (child + 1 < count && Compare(keys[start + child + 1], mentees[start + child + 1], keys[start + child], mentees[start + child]) > 0) child++;
            if (Compare(keys[start + child], mentees[start + child], key, mentee) <= 0) break;
            keys[start + at] = keys[start + child];
            mentees[start + at] = mentees[start + child];
            at = child;
        }

        keys[start + at] = key;
        mentees[start + at] = mentee;
    }
}
