using Google.OrTools.Graph;
using SalesMentor.Core.Matching;

namespace SalesMentor.Bench;

/// <summary>
/// OR-Tools, the peer of the match-* scenarios, on the network the task prescribes: source → mentee (capacity 1),
/// mentee → mentor (capacity 1, cost −(score + K)), mentor → sink (capacity c_j), with K = mentees·(largest score) + 1
/// so that the cheapest maximum flow matches the most mentees and then the largest total score. Only candidate pairs
/// (listed, not forbidden) become arcs. Building the network is input building; only the solves are timed.
/// </summary>
internal sealed class MatchPeer : IDisposable
{
    private readonly MatchProblem _problem;
    private readonly List<MatchArc> _candidates;
    private readonly MinCostFlow _flow = new();
    private readonly int _source;
    private readonly int _sink;
    private readonly int _firstPairArc;

    internal MatchPeer(MatchProblem problem)
    {
        _problem = problem;
        var n = problem.Mentees;
        var m = problem.Mentors;
        var forbidden = new HashSet<long>();
        foreach (var pair in problem.Forbidden.Span) forbidden.Add(((long)pair.Mentee << 32) | (uint)pair.Mentor);
        _candidates = [];
        foreach (var arc in problem.Arcs.Span)
        {
            if (arc.Score >= problem.MinimumScore && !forbidden.Contains(((long)arc.Mentee << 32) | (uint)arc.Mentor)) _candidates.Add(arc);
        }

        Weight = ((long)n * _candidates.Select(a => a.Score).DefaultIfEmpty(0).Max()) + 1;
        _source = 0;
        _sink = n + m + 1;
        for (var i = 0; i < n; i++) _flow.AddArcWithCapacityAndUnitCost(_source, 1 + i, 1, 0);
        for (var j = 0; j < m; j++) _flow.AddArcWithCapacityAndUnitCost(1 + n + j, _sink, problem.Capacities.Span[j], 0);
        _firstPairArc = n + m;
        foreach (var arc in _candidates) _flow.AddArcWithCapacityAndUnitCost(1 + arc.Mentee, 1 + n + arc.Mentor, 1, -(arc.Score + Weight));
        _flow.SetNodeSupply(_source, n);
        _flow.SetNodeSupply(_sink, -n);
    }

    /// <summary>K of the peer's costs.</summary>
    internal long Weight { get; }

    internal long Flow { get; private set; }

    internal long Cost { get; private set; }

    /// <summary>Min-cost max-flow on all candidate pairs.</summary>
    internal void Solve()
    {
        var status = _flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL) throw new InvalidOperationException("OR-Tools: " + status);
        Flow = _flow.MaximumFlow();
        Cost = _flow.OptimalCost();
    }

    /// <summary>
    /// The fairest matching OR-Tools' way: binary search over the distinct scores for the largest threshold t at which
    /// a max-flow on the pairs scoring ≥ t still matches as many mentees as on all pairs, then min-cost max-flow on
    /// those pairs for the total. Arcs are switched on and off by capacity, so each network is built once.
    /// </summary>
    internal (int Threshold, long Flow, long Cost) SolveFairest(MaxFlow maxFlow, bool[] maxFlowOpen)
    {
        var n = _problem.Mentees;
        var m = _problem.Mentors;
        var scores = _candidates.Select(a => a.Score).Distinct().Order().ToArray();
        long MaxFlowAt(int threshold)
        {
            for (var a = 0; a < _candidates.Count; a++)
            {
                var open = _candidates[a].Score >= threshold;
                if (open == maxFlowOpen[a]) continue;
                maxFlowOpen[a] = open;
                maxFlow.SetArcCapacity(n + m + a, open ? 1 : 0);
            }

            if (maxFlow.Solve(0, n + m + 1) != MaxFlow.Status.OPTIMAL) throw new InvalidOperationException("OR-Tools max flow failed.");
            return maxFlow.OptimalFlow();
        }

        var k = MaxFlowAt(scores[0]);
        int lo = 0, hi = scores.Length;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (MaxFlowAt(scores[mid]) == k) lo = mid;
            else hi = mid;
        }

        for (var a = 0; a < _candidates.Count; a++)
        {
            if (_candidates[a].Score < scores[lo]) _flow.SetArcCapacity(_firstPairArc + a, 0);
        }

        var status = _flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL) throw new InvalidOperationException("OR-Tools: " + status);
        var result = (scores[lo], _flow.MaximumFlow(), _flow.OptimalCost());
        for (var a = 0; a < _candidates.Count; a++)
        {
            if (_candidates[a].Score < scores[lo]) _flow.SetArcCapacity(_firstPairArc + a, 1);
        }

        return result;
    }

    /// <summary>Whether each candidate arc of a new <see cref="BuildMaxFlow"/> network is open (all are).</summary>
    internal bool[] AllOpen()
    {
        var open = new bool[_candidates.Count];
        Array.Fill(open, true);
        return open;
    }

    /// <summary>The max-flow network of the fairest search: the same nodes and arcs, without costs.</summary>
    internal MaxFlow BuildMaxFlow()
    {
        var n = _problem.Mentees;
        var m = _problem.Mentors;
        var maxFlow = new MaxFlow();
        for (var i = 0; i < n; i++) maxFlow.AddArcWithCapacity(0, 1 + i, 1);
        for (var j = 0; j < m; j++) maxFlow.AddArcWithCapacity(1 + n + j, n + m + 1, _problem.Capacities.Span[j]);
        foreach (var arc in _candidates) maxFlow.AddArcWithCapacity(1 + arc.Mentee, 1 + n + arc.Mentor, 1);
        return maxFlow;
    }

    public void Dispose() => _flow.Dispose();
}
