using SalesMentor.Core.Matching;

namespace SalesMentor.Core.Tests.Matching;

/// <summary>
/// Enumerates every feasible matching of a tiny problem (a handful of people), written straight from the definitions
/// and sharing no code with the solver or the checker.
/// </summary>
internal sealed class MatchingBruteForce
{
    private readonly MatchProblem _problem;
    private readonly int[] _locked;
    private readonly int[][] _candidates;
    private readonly Dictionary<(int, int), int> _score = [];
    private readonly Dictionary<(int, int), int> _arcIndex = [];

    internal MatchingBruteForce(MatchProblem problem)
    {
        _problem = problem;
        var n = problem.Mentees;
        _locked = Enumerable.Repeat(-1, n).ToArray();
        foreach (var pair in problem.Locked.ToArray()) _locked[pair.Mentee] = pair.Mentor;
        var forbidden = problem.Forbidden.ToArray().Select(p => (p.Mentee, p.Mentor)).ToHashSet();
        var arcs = problem.Arcs.ToArray();
        for (var a = 0; a < arcs.Length; a++)
        {
            _score[(arcs[a].Mentee, arcs[a].Mentor)] = arcs[a].Score;
            _arcIndex[(arcs[a].Mentee, arcs[a].Mentor)] = a;
        }

        _candidates = Enumerable.Range(0, n)
            .Select(i => _locked[i] >= 0 ? [] : arcs
                .Where(a => a.Mentee == i && a.Score >= problem.MinimumScore && !forbidden.Contains((a.Mentee, a.Mentor)))
                .Select(a => a.Mentor).ToArray())
            .ToArray();
    }

    /// <summary>Every feasible matching: per mentee a mentor or −1.</summary>
    internal List<int[]> All()
    {
        var n = _problem.Mentees;
        var load = new int[_problem.Mentors];
        var current = new int[n];
        var all = new List<int[]>();
        for (var i = 0; i < n; i++)
        {
            if (_locked[i] >= 0) load[_locked[i]]++;
        }

        void Walk(int i)
        {
            if (i == n)
            {
                all.Add((int[])current.Clone());
                return;
            }

            if (_locked[i] >= 0)
            {
                current[i] = _locked[i];
                Walk(i + 1);
                return;
            }

            current[i] = -1;
            Walk(i + 1);
            foreach (var j in _candidates[i])
            {
                if (load[j] >= _problem.Capacities.Span[j]) continue;
                load[j]++;
                current[i] = j;
                Walk(i + 1);
                load[j]--;
            }
        }

        Walk(0);
        return all;
    }

    internal (int Matched, long Total, int? Worst) Objective(int[] mentorOf)
    {
        var matched = 0;
        long total = 0;
        int? worst = null;
        for (var i = 0; i < mentorOf.Length; i++)
        {
            if (mentorOf[i] < 0) continue;
            var s = _score[(i, mentorOf[i])];
            matched++;
            total += s;
            worst = Math.Min(worst ?? int.MaxValue, s);
        }

        return (matched, total, worst);
    }

    /// <summary>(matched, total) of the best-fit optimum.</summary>
    internal (int Matched, long Total) Best()
        => All().Select(Objective).Select(o => (o.Matched, o.Total)).Max();

    /// <summary>(matched, worst, total) of the fairest optimum.</summary>
    internal (int Matched, int Worst, long Total) Fairest()
        => All().Select(Objective).Select(o => (o.Matched, o.Worst ?? int.MaxValue, o.Total)).Max();

    /// <summary>How mentee <paramref name="i"/> ranks mentor <paramref name="j"/> (smaller is better; unmatched is worst).</summary>
    internal (int, int, int) MenteePreference(int i, int j)
    {
        if (j < 0) return (int.MaxValue, int.MaxValue, int.MaxValue);
        var a = _arcIndex[(i, j)];
        var rank = _problem.MenteeRanks.IsEmpty || _problem.MenteeRanks.Span[a] == 0 ? int.MaxValue - 1 : _problem.MenteeRanks.Span[a];
        return (rank, -_score[(i, j)], j);
    }

    private (int, int, int) MentorPreference(int j, int i)
    {
        var a = _arcIndex[(i, j)];
        var rank = _problem.MentorRanks.IsEmpty || _problem.MentorRanks.Span[a] == 0 ? int.MaxValue - 1 : _problem.MentorRanks.Span[a];
        return (rank, -_score[(i, j)], i);
    }

    internal bool IsStable(int[] mentorOf)
    {
        for (var i = 0; i < mentorOf.Length; i++)
        {
            foreach (var j in _candidates[i])
            {
                if (mentorOf[i] == j || MenteePreference(i, j).CompareTo(MenteePreference(i, mentorOf[i])) >= 0) continue;
                var held = Enumerable.Range(0, mentorOf.Length).Where(x => mentorOf[x] == j && _locked[x] < 0).ToList();
                var seats = _problem.Capacities.Span[j] - _locked.Count(l => l == j);
                if (held.Count < seats) return false;
                if (held.Any(x => MentorPreference(j, i).CompareTo(MentorPreference(j, x)) < 0)) return false;
            }
        }

        return true;
    }

    /// <summary>The mentee-optimal stable matching: every mentee with its best partner over all stable matchings.</summary>
    internal int[] MenteeOptimalStable()
    {
        var stable = All().Where(IsStable).ToList();
        return Enumerable.Range(0, _problem.Mentees)
            .Select(i => stable.Select(s => s[i]).MinBy(j => MenteePreference(i, j)))
            .ToArray();
    }
}
