namespace SalesMentor.Core.Matching;

/// <summary>
/// The bidding of <see cref="AssignByAuction"/>: seats, prices, the ε-scaling phases. Seats of one mentor are a
/// min-heap of prices in a block of <see cref="_price"/> and <see cref="_holder"/>; the unmatched seats are block m.
/// </summary>
internal sealed partial class Auction
{
    private const int Filler = -2;
    private const int Empty = -1;
    private const int Reduction = 8;

    /// <summary>How many top candidates each mentee keeps between rescans of its pairs.</summary>
    private const int Listed = 4;

    /// <summary>
    /// The price read for a mentor without seats, and the cap on every price (a bid that would reach it gives up and the
    /// caller falls back). It keeps the unchecked value D·score − price of the bid loops inside 64 bits: D ≤ 3·2³¹ + 3
    /// (bidders, mentors and seats are array lengths), score ≤ 10⁶, so 0 ≤ D·score &lt; 6.5·10¹⁵, and
    /// 0 ≤ price ≤ <see cref="NoSeat"/> ≈ 2.3·10¹⁸, so the value lies in (−2.3·10¹⁸, 6.5·10¹⁵].
    /// </summary>
    internal const long NoSeat = long.MaxValue / 4;

    /// <summary>The largest D the solver can form (three array lengths plus 3), for the overflow bound above.</summary>
    internal const long MaxScale = (3L * int.MaxValue) + 3;

    private readonly MatchGraph _graph;
    private readonly int _n;
    private readonly int _m;
    private readonly int[] _seatStart;
    private readonly long[] _price;
    private readonly int[] _holder;
    private readonly int[] _bidScore;
    private readonly long[] _mentorMin;
    private readonly MentorHeap _cheapest;
    private readonly int _free;
    private readonly int _fillers;
    private readonly long _scale;
    private readonly int[] _queue;
    private readonly int[] _candidate;
    private readonly long[] _bound;

    internal Auction(MatchGraph graph, int matchable)
    {
        _graph = graph;
        _n = graph.Mentees;
        _m = graph.Mentors;
        var degree = new int[_m];
        for (var a = 0; a < graph.Arcs; a++) degree[graph.ArcMentor[a]]++;
        _seatStart = new int[_m + 2];
        for (var j = 0; j < _m; j++)
        {
            var seats = degree[j] == 0 ? 0 : (int)Math.Min(graph.Capacity[j], degree[j] + 1L);
            _seatStart[j + 1] = _seatStart[j] + seats;
        }

        _free = graph.FreeMentees;
        _seatStart[_m + 1] = _seatStart[_m] + (_free - matchable);
        _fillers = _seatStart[_m] - matchable;
        _price = new long[_seatStart[_m + 1]];
        _holder = new int[_price.Length];
        _bidScore = new int[_n];
        _mentorMin = new long[_m];
        _cheapest = new MentorHeap(_m);
        _scale = (long)_free + _fillers + _m + 3;
        _queue = new int[_free + _fillers + 1];
        _candidate = new int[_n * Listed];
        Array.Fill(_candidate, -1);
        _bound = new long[_n];
        Array.Fill(_bound, long.MaxValue);
    }

    private bool HasUnmatchedSeats => _seatStart[_m + 1] > _seatStart[_m];

    /// <summary>
    /// The ε-scaling phases, ending with exact potentials: after every phase with ε at most one score point the
    /// assignment is tried for exact optimality (<see cref="ExactPotentials"/>); the last phase, ε = 1, always
    /// succeeds. Null if a bidder finds no seat (k was wrong) or the dual does not settle.
    /// </summary>
    internal long[]? Run()
    {
        var top = _scale * Math.Max(1, _graph.MaxScore);
        var epsilon = Math.Max(1, top / Reduction);
        var start = epsilon;
        while (true)
        {
            if (!Phase(epsilon, first: epsilon == start)) return null;
            if (epsilon <= _scale)
            {
                // Often optimal long before ε = 1: rounded prices already make every pair tight. Try, within a budget.
                var potentials = ExactPotentials();
                if (potentials is not null || epsilon == 1) return potentials;
            }

            epsilon = Math.Max(1, epsilon / Reduction);
        }
    }

    private bool Phase(long epsilon, bool first)
    {
        _cheapest.Clear();
        for (var j = 0; j < _m; j++)
        {
            if (_seatStart[j + 1] == _seatStart[j])
            {
                _mentorMin[j] = NoSeat;
                continue;
            }

            _mentorMin[j] = _price[_seatStart[j]];
            if (_fillers > 0) _cheapest.Insert(j, _mentorMin);
        }

        var count = 0;
        if (first)
        {
            Array.Fill(_holder, Empty);
            for (var i = 0; i < _n; i++)
            {
                if (_graph.LockedMentor[i] < 0) _queue[count++] = i;
            }

            for (var f = 0; f < _fillers; f++) _queue[count++] = Filler;
        }
        else
        {
            count = Release(epsilon);
        }

        while (count > 0)
        {
            // Last in, first out: an evicted mentee bids again at once, while its pairs are still in cache.
            var bidder = _queue[--count];
            var evicted = bidder == Filler ? BidAsFiller(epsilon) : BidAsMentee(bidder, epsilon);
            if (evicted == int.MinValue) return false;
            if (evicted != Empty) _queue[count++] = evicted;
        }

        return true;
    }

    /// <summary>
    /// At the start of a later phase, keeps each bidder whose seat is still within <paramref name="epsilon"/> of its
    /// best value (prices elsewhere only rise, so it stays so) and queues the others; returns how many it queued.
    /// </summary>
    private int Release(long epsilon)
    {
        var count = 0;
        var cheapestReal = _fillers > 0 ? _mentorMin[_cheapest.Min] : 0;
        for (var j = 0; j <= _m; j++)
        {
            for (var t = _seatStart[j]; t < _seatStart[j + 1]; t++)
            {
                var h = _holder[t];
                if (h == Empty) continue;
                bool keep;
                if (h == Filler)
                {
                    keep = _price[t] <= cheapestReal + epsilon;
                }
                else
                {
                    var best = Math.Max(HasUnmatchedSeats ? -_price[_seatStart[_m]] : long.MinValue, BestTwo(h).Best);

                    var own = (j == _m ? 0 : _scale * _bidScore[h]) - _price[t];
                    keep = own >= best - epsilon;
                }

                if (keep) continue;
                _queue[count++] = h;
                _holder[t] = Empty;
            }
        }

        return count;
    }

    /// <summary>Mentee <paramref name="i"/> bids for its best seat; returns whom it evicted (or Empty), int.MinValue if it has no seat at all.</summary>
    private int BidAsMentee(int i, long epsilon)
    {
        var (best, bestArc, second) = BestTwo(i);
        int bestMentor, bestScore;
        if (bestArc >= 0)
        {
            bestMentor = _graph.ArcMentor[bestArc];
            bestScore = _graph.ArcScore[bestArc];
        }
        else
        {
            bestMentor = -1;
            bestScore = 0;
        }

        if (HasUnmatchedSeats)
        {
            var value = -_price[_seatStart[_m]];
            if (value > best)
            {
                second = best;
                best = value;
                bestMentor = _m;
                bestScore = 0;
            }
            else if (value > second)
            {
                second = value;
            }
        }

        if (bestMentor < 0 || best <= NoSeat / -2) return int.MinValue;
        var root = _seatStart[bestMentor];
        var size = _seatStart[bestMentor + 1] - root;
        if (size > 1) second = Math.Max(second, (_scale * bestScore) - SecondPrice(root, size));
        if (second <= NoSeat / -2) second = best - (_scale * (_graph.MaxScore + 1L));   // no real second choice
        var newPrice = _price[root] + (best - second) + epsilon;
        if (newPrice >= NoSeat) return int.MinValue;
        _bidScore[i] = bestScore;
        return Take(bestMentor, root, size, newPrice, i);
    }

    /// <summary>
    /// The best value over the mentee's pairs (and the arc giving it) and an upper bound on the second best, from
    /// its short list of top candidates when the list still provably holds the best, else by a full rescan.
    /// </summary>
    private (long Best, int BestArc, long Second) BestTwo(int i)
    {
        var list = i * Listed;
        var mentorMin = _mentorMin;
        var arcMentor = _graph.ArcMentor;
        var arcScore = _graph.ArcScore;
        var scale = _scale;
        for (var pass = 0; pass < 2; pass++)
        {
            long best = long.MinValue, second = long.MinValue;
            var bestArc = -1;
            for (var c = 0; c < Listed; c++)
            {
                var a = _candidate[list + c];
                if (a < 0) break;
                // Unchecked (measured: 5–10% of the solve): in range by the bound on NoSeat.
                var value = unchecked((scale * arcScore[a]) - mentorMin[arcMentor[a]]);
                if (value > best)
                {
                    second = best;
                    best = value;
                    bestArc = a;
                }
                else if (value > second)
                {
                    second = value;
                }
            }

            var bound = _bound[i];
            if (bestArc >= 0 && best >= bound) return (best, bestArc, Math.Max(second, bound));
            Rescan(i);
        }

        return (long.MinValue, -1, long.MinValue);
    }

    /// <summary>Lists the mentee's <see cref="Listed"/> best pairs at current prices; the bound is the next best value (values only fall).</summary>
    private void Rescan(int i)
    {
        var list = i * Listed;
        Span<long> topValue = stackalloc long[Listed + 1];
        Span<int> topArc = stackalloc int[Listed + 1];
        topValue.Fill(long.MinValue);
        topArc.Fill(-1);
        var mentorMin = _mentorMin;
        var arcMentor = _graph.ArcMentor;
        var arcScore = _graph.ArcScore;
        for (var a = _graph.ArcStart[i]; a < _graph.ArcStart[i + 1]; a++)
        {
            var value = unchecked((_scale * arcScore[a]) - mentorMin[arcMentor[a]]);   // in range: see NoSeat
            if (value <= topValue[Listed]) continue;
            var at = Listed;
            while (at > 0 && topValue[at - 1] < value)
            {
                topValue[at] = topValue[at - 1];
                topArc[at] = topArc[at - 1];
                at--;
            }

            topValue[at] = value;
            topArc[at] = a;
        }

        for (var c = 0; c < Listed; c++) _candidate[list + c] = topArc[c];
        _bound[i] = topValue[Listed];
    }

    private int BidAsFiller(long epsilon)
    {
        var j = _cheapest.Min;
        var root = _seatStart[j];
        var size = _seatStart[j + 1] - root;
        var next = long.MaxValue;
        if (size > 1) next = SecondPrice(root, size);
        var other = _cheapest.SecondMin(_mentorMin);
        if (other >= 0) next = Math.Min(next, _mentorMin[other]);
        if (next == long.MaxValue) next = _price[root] + (_scale * (_graph.MaxScore + 1L));
        if (next + epsilon >= NoSeat) return int.MinValue;
        return Take(j, root, size, next + epsilon, Filler);
    }

    private long SecondPrice(int root, int size)
        => size == 2 ? _price[root + 1] : Math.Min(_price[root + 1], _price[root + 2]);

    /// <summary>The cheapest seat of <paramref name="mentor"/> goes to <paramref name="bidder"/> at <paramref name="newPrice"/>.</summary>
    private int Take(int mentor, int root, int size, long newPrice, int bidder)
    {
        var evicted = _holder[root];
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= size) break;
            if (child + 1 < size && _price[root + child + 1] < _price[root + child]) child++;
            if (_price[root + child] >= newPrice) break;
            _price[root + at] = _price[root + child];
            _holder[root + at] = _holder[root + child];
            at = child;
        }

        _price[root + at] = newPrice;
        _holder[root + at] = bidder;
        if (mentor < _m)
        {
            _mentorMin[mentor] = _price[root];
            if (_fillers > 0) _cheapest.Increased(mentor, _mentorMin);
        }

        return evicted;
    }
}
