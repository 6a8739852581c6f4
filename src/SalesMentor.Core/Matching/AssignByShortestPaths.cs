namespace SalesMentor.Core.Matching;

/// <summary>
/// Best total fit on a <see cref="MatchGraph"/>: a maximum-weight matching for the weights score + K (so: most
/// mentees matched, then the largest total score), with its exact integer dual.
/// <para>
/// The method is the Hungarian method in its sparse, successive-shortest-path form (Jonker–Volgenant style): mentor
/// prices v ≥ 0, each matched mentee's pair is tight (its value score − v is its best), a mentor with a seat left has
/// price 0. A greedy start gives every mentee its best-scoring mentor while seats last; then each remaining mentee
/// finds, by Dijkstra over the mentors with reduced costs ≥ 0, the cheapest way in: a chain of mentees moving one
/// mentor along that ends at a free seat, or — when that is cheaper by more than K — at a mentee who gives up (is
/// left unmatched). The prices of the mentors settled before the end rise by their distance gap, which keeps every
/// reduced cost ≥ 0 and the moved pairs tight. A mentee given up stays unmatched: no later chain can reach it.
/// </para>
/// <para>
/// Cost: O(total search work) — each search settles only mentors nearer than the nearest free seat and stops early
/// when a free seat is found at the current distance. Memory: O(mentees + mentors + seats), no per-arc allocation.
/// </para>
/// </summary>
internal static class AssignByShortestPaths
{
    internal static DualAssignment Solve(MatchGraph graph)
    {
        var n = graph.Mentees;
        var m = graph.Mentors;
        var arcStart = graph.ArcStart;
        var arcMentor = graph.ArcMentor;
        var arcScore = graph.ArcScore;
        var locked = graph.LockedMentor;
        var k = graph.CardinalityWeight();

        // A mentor never needs more seats than it has candidates: the seat arrays stay within the arc count.
        var capacity = new int[m];
        for (var a = 0; a < graph.Arcs; a++) capacity[arcMentor[a]]++;
        var slotStart = new int[m + 1];
        for (var j = 0; j < m; j++)
        {
            capacity[j] = Math.Min(capacity[j], graph.Capacity[j]);
            slotStart[j + 1] = slotStart[j] + capacity[j];
        }

        var seats = new Seats(n, capacity, slotStart);
        var mentorOf = seats.MentorOf;
        var menteeScore = new int[n];
        var price = new long[m];
        var second = new long[n];
        Greedy(graph, seats, menteeScore, second, k);
        Bid(graph, seats, menteeScore, second, price, k);

        var dist = new long[m];
        var pred = new int[m];
        var predScore = new int[m];
        var seen = new int[m];
        var done = new int[m];
        var finalized = new int[m];
        var heap = new MentorHeap(m);
        var load = seats.Load;
        var slotMentee = seats.SlotMentee;
        var stamp = 0;
        for (var source = 0; source < n; source++)
        {
            var rowBegin = arcStart[source];
            var rowEnd = arcStart[source + 1];
            if (mentorOf[source] >= 0 || locked[source] >= 0 || rowBegin == rowEnd) continue;
            stamp++;
            heap.Clear();
            var settled = 0;
            var end = -1;
            long endDistance = 0;

            // u of the source: its best value, or −K (giving up).
            var best = -k;
            for (var a = rowBegin; a < rowEnd; a++) best = Math.Max(best, arcScore[a] - price[arcMentor[a]]);
            var bestOut = best + k;
            var outMentee = source;
            for (var a = rowBegin; a < rowEnd; a++)
            {
                var j = arcMentor[a];
                var d = best - arcScore[a] + price[j];
                seen[j] = stamp;
                dist[j] = d;
                pred[j] = source;
                predScore[j] = arcScore[a];
                heap.Insert(j, dist);
                if (d == 0 && load[j] < capacity[j])
                {
                    end = j;
                    break;
                }
            }

            while (end < 0 && heap.Count > 0)
            {
                var j = heap.Min;
                var dj = dist[j];
                if (dj > bestOut) break;
                heap.PopMin(dist);
                if (load[j] < capacity[j])
                {
                    end = j;
                    endDistance = dj;
                    break;
                }

                done[j] = stamp;
                finalized[settled++] = j;
                var pj = price[j];
                for (var t = slotStart[j]; t < slotStart[j] + load[j] && end < 0; t++)
                {
                    var i = slotMentee[t];
                    var based = dj + menteeScore[i] - pj;   // d(i) + u(i)
                    if (based + k < bestOut)
                    {
                        bestOut = based + k;
                        outMentee = i;
                    }

                    for (var a = arcStart[i]; a < arcStart[i + 1]; a++)
                    {
                        var j2 = arcMentor[a];
                        if (done[j2] == stamp) continue;
                        var d = based - arcScore[a] + price[j2];
                        if (seen[j2] != stamp)
                        {
                            seen[j2] = stamp;
                            dist[j2] = d;
                            pred[j2] = i;
                            predScore[j2] = arcScore[a];
                            heap.Insert(j2, dist);
                        }
                        else if (d < dist[j2])
                        {
                            dist[j2] = d;
                            pred[j2] = i;
                            predScore[j2] = arcScore[a];
                            heap.Decreased(j2, dist);
                        }
                        else
                        {
                            continue;
                        }

                        if (d == dj && load[j2] < capacity[j2])
                        {
                            // Nothing can be nearer than the mentor just settled: a free seat at its distance ends the search.
                            end = j2;
                            endDistance = dj;
                            break;
                        }
                    }
                }
            }

            if (end < 0) endDistance = bestOut;
            for (var f = 0; f < settled; f++) price[finalized[f]] += endDistance - dist[finalized[f]];

            if (end >= 0)
            {
                Augment(seats, menteeScore, pred, predScore, end, source);
            }
            else if (outMentee != source)
            {
                var left = mentorOf[outMentee];
                seats.Remove(outMentee);
                menteeScore[outMentee] = 0;
                Augment(seats, menteeScore, pred, predScore, left, source);
            }
        }

        var menteePotential = new long[n];
        for (var i = 0; i < n; i++)
        {
            var j = mentorOf[i];
            if (j >= 0) menteePotential[i] = menteeScore[i] - price[j] + k;
        }

        return new DualAssignment(mentorOf, menteeScore, menteePotential, price, k);
    }

    /// <summary>Every mentee takes a best-scoring mentor that still has a seat (prices are 0, so such pairs are tight).</summary>
    private static void Greedy(MatchGraph graph, Seats seats, int[] menteeScore, long[] second, long k)
    {
        var arcStart = graph.ArcStart;
        var arcMentor = graph.ArcMentor;
        var arcScore = graph.ArcScore;
        for (var i = 0; i < graph.Mentees; i++)
        {
            var bestScore = -1;
            var bestFree = -1;
            for (var a = arcStart[i]; a < arcStart[i + 1]; a++)
            {
                var s = arcScore[a];
                if (s > bestScore)
                {
                    bestScore = s;
                    bestFree = seats.HasSeat(arcMentor[a]) ? arcMentor[a] : -1;
                }
                else if (s == bestScore && bestFree < 0 && seats.HasSeat(arcMentor[a]))
                {
                    bestFree = arcMentor[a];
                }
            }

            if (bestFree >= 0)
            {
                seats.Add(i, bestFree);
                menteeScore[i] = bestScore;
                second[i] = SecondValue(graph, i, bestFree, price: null, k);
            }
        }
    }

    /// <summary>
    /// Exact bidding before the searches (an auction step that keeps the invariants): a free mentee bids for its best
    /// mentor; a mentor with a seat left takes it at price 0; a full one raises its price by δ = min(the bidder's margin
    /// over its second choice, the smallest margin among its mentees) and gives the seat of its mentee with the
    /// smallest margin to the bidder. Every remaining mentee stays tight (δ is within its margin) and the bidder is
    /// tight (δ is within its own). Margins use each mentee's second value as of its last move, which only overstates
    /// it (prices only rise), so δ errs low and stays safe. Ties give δ = 0, so the bids are capped; the searches
    /// finish whatever is left.
    /// </summary>
    private static void Bid(MatchGraph graph, Seats seats, int[] menteeScore, long[] second, long[] price, long k)
    {
        var arcStart = graph.ArcStart;
        var arcMentor = graph.ArcMentor;
        var arcScore = graph.ArcScore;
        var mentorOf = seats.MentorOf;
        var queue = new Queue<int>();
        for (var i = 0; i < graph.Mentees; i++)
        {
            if (mentorOf[i] < 0 && graph.LockedMentor[i] < 0 && arcStart[i] < arcStart[i + 1]) queue.Enqueue(i);
        }

        var budget = 4L * queue.Count;
        while (queue.Count > 0 && budget-- > 0)
        {
            var i = queue.Dequeue();
            long best = long.MinValue, next = -k;
            int bestMentor = -1, bestScore = 0;
            var bestHasSeat = false;
            for (var a = arcStart[i]; a < arcStart[i + 1]; a++)
            {
                var j = arcMentor[a];
                var value = arcScore[a] - price[j];
                if (value > best || (value == best && !bestHasSeat && seats.HasSeat(j)))
                {
                    if (best != long.MinValue) next = Math.Max(next, best);
                    best = value;
                    bestMentor = j;
                    bestScore = arcScore[a];
                    bestHasSeat = seats.HasSeat(j);
                }
                else
                {
                    next = Math.Max(next, value);
                }
            }

            if (best < -k) continue;   // giving up is best: the searches will settle it
            if (!bestHasSeat)
            {
                var start = seats.SlotStart[bestMentor];
                var evict = -1;
                var margin = long.MaxValue;
                for (var t = start; t < start + seats.Load[bestMentor]; t++)
                {
                    var h = seats.SlotMentee[t];
                    var hMargin = menteeScore[h] - price[bestMentor] - second[h];
                    if (hMargin < margin)
                    {
                        margin = hMargin;
                        evict = h;
                    }
                }

                if (evict < 0) continue;   // a mentor without seats: only the searches can route around it
                price[bestMentor] += Math.Max(0, Math.Min(best - next, margin));
                seats.Remove(evict);
                menteeScore[evict] = 0;
                queue.Enqueue(evict);
            }

            seats.Add(i, bestMentor);
            menteeScore[i] = bestScore;
            second[i] = next;
        }
    }

    /// <summary>The best value of mentee <paramref name="i"/> other than at <paramref name="except"/>, or −K.</summary>
    private static long SecondValue(MatchGraph graph, int i, int except, long[]? price, long k)
    {
        var value = -k;
        for (var a = graph.ArcStart[i]; a < graph.ArcStart[i + 1]; a++)
        {
            var j = graph.ArcMentor[a];
            if (j != except) value = Math.Max(value, graph.ArcScore[a] - (price?[j] ?? 0));
        }

        return value;
    }

    /// <summary>Moves each mentee on the search path one mentor along, from <paramref name="end"/> back to <paramref name="source"/>.</summary>
    private static void Augment(Seats seats, int[] menteeScore, int[] pred, int[] predScore, int end, int source)
    {
        var j = end;
        while (true)
        {
            var i = pred[j];
            var previous = seats.MentorOf[i];
            if (previous >= 0) seats.Remove(i);
            seats.Add(i, j);
            menteeScore[i] = predScore[j];
            if (i == source) return;
            j = previous;
        }
    }
}
