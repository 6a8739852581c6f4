namespace SalesMentor.Core.Matching;

/// <summary>
/// Maximum-cardinality matching with capacities (Hopcroft–Karp for b-matching) on the pairs of a
/// <see cref="MatchGraph"/> scoring at least a threshold, warm-startable from an earlier matching, with the König
/// cover that proves it maximum.
/// <para>
/// Each phase searches breadth-first from every unmatched mentee along alternating paths (mentee → mentor by any pair,
/// full mentor → its mentees), then augments along vertex-disjoint shortest paths depth-first (iteratively: no
/// recursion, whatever the path length). When a phase finds no free seat, the mentees reached (Z) and the mentors
/// reached form the cover: (mentees not in Z) ∪ (mentors in Z). Every pair is covered, every mentor reached is full
/// and every mentee not reached is matched to a mentor not reached, so the cover's weight is the matching's size.
/// O(√V·E) phases·work; memory O(mentees + mentors + seats).
/// </para>
/// </summary>
internal sealed class MaximumCardinality
{
    private const int Unreached = int.MaxValue;
    private readonly MatchGraph _graph;
    private readonly Seats _seats;
    private readonly int[] _score;
    private readonly int[] _layer;
    private readonly int[] _queue;
    private readonly int[] _mentorSeen;
    private readonly int[] _arcAt;
    private readonly int[] _seatAt;
    private readonly int[] _stack;
    private int _stamp;
    private int _found;

    internal MaximumCardinality(MatchGraph graph)
    {
        _graph = graph;
        var n = graph.Mentees;
        var m = graph.Mentors;
        var capacity = new int[m];
        for (var a = 0; a < graph.Arcs; a++) capacity[graph.ArcMentor[a]]++;
        var slotStart = new int[m + 1];
        for (var j = 0; j < m; j++)
        {
            capacity[j] = Math.Min(capacity[j], graph.Capacity[j]);
            slotStart[j + 1] = slotStart[j] + capacity[j];
        }

        _seats = new Seats(n, capacity, slotStart);
        _score = new int[n];
        _layer = new int[n];
        _queue = new int[n];
        _mentorSeen = new int[m];
        _arcAt = new int[n];
        _seatAt = new int[n];
        _stack = new int[n];
    }

    /// <summary>Pairs matched now.</summary>
    internal int Matched { get; private set; }

    /// <summary>Per mentee, its mentor or −1.</summary>
    internal int[] MentorOf => _seats.MentorOf;

    /// <summary>Per mentee, the score of its pair.</summary>
    internal int[] Score => _score;

    /// <summary>Empties the matching, then keeps the pairs of <paramref name="mentorOf"/> that score at least <paramref name="threshold"/>.</summary>
    internal void Start(int threshold, int[]? mentorOf = null, int[]? score = null)
    {
        _seats.Clear();
        Matched = 0;
        if (mentorOf is null || score is null) return;
        for (var i = 0; i < mentorOf.Length; i++)
        {
            if (mentorOf[i] < 0 || score[i] < threshold) continue;
            _seats.Add(i, mentorOf[i]);
            _score[i] = score[i];
            Matched++;
        }
    }

    /// <summary>
    /// Grows the matching over the pairs scoring at least <paramref name="threshold"/> until it has
    /// <paramref name="target"/> pairs or is maximum; returns its size. When it stops short of the target,
    /// <see cref="Cover"/> proves it maximum.
    /// </summary>
    internal int Run(int threshold, int target)
    {
        Greedy(threshold);
        while (Matched < target && Search(threshold))
        {
            for (var i = 0; i < _graph.Mentees && Matched < target; i++)
            {
                if (_layer[i] == 0 && _seats.MentorOf[i] < 0 && Augment(i, threshold)) Matched++;
            }
        }

        return Matched;
    }

    /// <summary>The König cover of the last search, which found no free seat: its weight equals <see cref="Matched"/>.</summary>
    internal MatchCover Cover()
    {
        var mentees = new bool[_graph.Mentees];
        var mentors = new bool[_graph.Mentors];
        for (var i = 0; i < mentees.Length; i++) mentees[i] = _layer[i] == Unreached && _graph.LockedMentor[i] < 0;
        for (var j = 0; j < mentors.Length; j++) mentors[j] = _mentorSeen[j] == _stamp;
        return new MatchCover { Mentees = mentees, Mentors = mentors };
    }

    /// <summary>The smallest score among the pairs matched now; <see cref="int.MaxValue"/> when none.</summary>
    internal int WorstScore()
    {
        var worst = int.MaxValue;
        for (var i = 0; i < _score.Length; i++)
        {
            if (_seats.MentorOf[i] >= 0) worst = Math.Min(worst, _score[i]);
        }

        return worst;
    }

    private void Greedy(int threshold)
    {
        var arcStart = _graph.ArcStart;
        for (var i = 0; i < _graph.Mentees; i++)
        {
            if (_seats.MentorOf[i] >= 0) continue;
            for (var a = arcStart[i]; a < arcStart[i + 1]; a++)
            {
                var j = _graph.ArcMentor[a];
                if (_graph.ArcScore[a] >= threshold && _seats.HasSeat(j))
                {
                    _seats.Add(i, j);
                    _score[i] = _graph.ArcScore[a];
                    Matched++;
                    break;
                }
            }
        }
    }

    /// <summary>Breadth-first layers from the unmatched mentees; true when a free seat is reachable.</summary>
    private bool Search(int threshold)
    {
        var arcStart = _graph.ArcStart;
        var arcMentor = _graph.ArcMentor;
        var arcScore = _graph.ArcScore;
        var mentorOf = _seats.MentorOf;
        var load = _seats.Load;
        var slotStart = _seats.SlotStart;
        var slotMentee = _seats.SlotMentee;
        var layer = _layer;
        var queue = _queue;
        _stamp++;
        var head = 0;
        var tail = 0;
        for (var i = 0; i < layer.Length; i++)
        {
            if (mentorOf[i] < 0 && _graph.LockedMentor[i] < 0)
            {
                layer[i] = 0;
                queue[tail++] = i;
            }
            else
            {
                layer[i] = Unreached;
            }
        }

        _found = Unreached;
        while (head < tail)
        {
            var i = queue[head++];
            var next = layer[i] + 1;
            if (next > _found) break;
            for (var a = arcStart[i]; a < arcStart[i + 1]; a++)
            {
                var j = arcMentor[a];
                if (arcScore[a] < threshold || j == mentorOf[i]) continue;
                if (load[j] < _seats.Capacity[j])
                {
                    _found = next - 1;
                    continue;
                }

                if (_mentorSeen[j] == _stamp) continue;
                _mentorSeen[j] = _stamp;
                for (var t = slotStart[j]; t < slotStart[j] + load[j]; t++)
                {
                    var i2 = slotMentee[t];
                    if (layer[i2] == Unreached)
                    {
                        layer[i2] = next;
                        queue[tail++] = i2;
                    }
                }
            }
        }

        return _found != Unreached;
    }

    /// <summary>Depth-first along the layers from unmatched <paramref name="source"/>; true when it augmented.</summary>
    private bool Augment(int source, int threshold)
    {
        var arcStart = _graph.ArcStart;
        var arcMentor = _graph.ArcMentor;
        var arcScore = _graph.ArcScore;
        var mentorOf = _seats.MentorOf;
        var load = _seats.Load;
        var slotStart = _seats.SlotStart;
        var slotMentee = _seats.SlotMentee;
        var layer = _layer;
        var stack = _stack;
        var depth = 0;
        stack[depth++] = source;
        _arcAt[source] = arcStart[source];
        _seatAt[source] = 0;
        while (depth > 0)
        {
            var i = stack[depth - 1];
            var descended = false;
            while (_arcAt[i] < arcStart[i + 1])
            {
                var a = _arcAt[i];
                var j = arcMentor[a];
                if (arcScore[a] < threshold || j == mentorOf[i])
                {
                    _arcAt[i]++;
                    _seatAt[i] = 0;
                    continue;
                }

                if (load[j] < _seats.Capacity[j])
                {
                    Flip(depth, j);
                    return true;
                }

                if (layer[i] < _found)
                {
                    while (_seatAt[i] < load[j])
                    {
                        var child = slotMentee[slotStart[j] + _seatAt[i]++];
                        if (layer[child] != layer[i] + 1) continue;
                        _arcAt[child] = arcStart[child];
                        _seatAt[child] = 0;
                        stack[depth++] = child;
                        descended = true;
                        break;
                    }
                }

                if (descended) break;
                _arcAt[i]++;
                _seatAt[i] = 0;
            }

            if (!descended)
            {
                layer[i] = Unreached;   // dead for the rest of this phase
                depth--;
            }
        }

        return false;
    }

    /// <summary>The mentees on the stack each move one mentor along; the top one takes a seat of <paramref name="free"/>.</summary>
    private void Flip(int depth, int free)
    {
        var target = free;
        for (var t = depth - 1; t >= 0; t--)
        {
            var i = _stack[t];
            var previous = _seats.MentorOf[i];
            if (previous >= 0) _seats.Remove(i);
            _seats.Add(i, target);
            _score[i] = _graph.ArcScore[_arcAt[i]];
            _layer[i] = Unreached;   // paths of one phase are vertex-disjoint
            target = previous;
        }
    }
}
