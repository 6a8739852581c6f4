namespace SalesMentor.Core.Matching;

/// <summary>The exact dual of an auction's assignment, and the certificate built from it.</summary>
internal sealed partial class Auction
{
    /// <summary>
    /// The least integer potentials (mentors 0 … m − 1, the unmatched seats at m, the fillers' level at m + 1)
    /// that are at least ⌊price/D⌋ and satisfy every difference constraint — an exact dual, tight on the assignment,
    /// which exists exactly when the assignment is optimal. Label-correcting, with a budget of two visits per
    /// node; null when the budget runs out (the assignment is not optimal yet, or the prices are still too far).
    /// After the phase with ε = 1 each potential rises by at most 1 (see <see cref="AssignByAuction"/>), so it always fits.
    /// </summary>
    internal long[]? ExactPotentials()
    {
        var arcStart = _graph.ArcStart;
        var arcMentor = _graph.ArcMentor;
        var arcScore = _graph.ArcScore;
        var nodes = _m + 2;
        var level = _m + 1;
        var unmatched = _m;
        var potential = new long[nodes];
        var hasSeats = new bool[nodes];
        for (var x = 0; x <= _m; x++)
        {
            hasSeats[x] = _seatStart[x + 1] > _seatStart[x];
            if (hasSeats[x]) potential[x] = _price[_seatStart[x]] / _scale;
        }

        hasSeats[level] = _fillers > 0;
        potential[level] = long.MinValue;
        for (var j = 0; j < _m; j++)
        {
            if (HostsFiller(j)) potential[level] = Math.Max(potential[level], potential[j]);
        }

        var queue = new Queue<int>();
        var queued = new bool[nodes];
        for (var x = 0; x < nodes; x++)
        {
            if (!hasSeats[x]) continue;
            queue.Enqueue(x);
            queued[x] = true;
        }

        var budget = 2L * nodes;
        void Relax(int y, long value)
        {
            if (value <= potential[y]) return;
            potential[y] = value;
            if (queued[y]) return;
            queued[y] = true;
            queue.Enqueue(y);
        }

        while (queue.Count > 0)
        {
            if (budget-- == 0) return null;
            var x = queue.Dequeue();
            queued[x] = false;
            if (x == level)
            {
                for (var j = 0; j < _m; j++)
                {
                    if (hasSeats[j]) Relax(j, potential[level]);
                }

                continue;
            }

            var sawFiller = false;
            for (var t = _seatStart[x]; t < _seatStart[x + 1]; t++)
            {
                var h = _holder[t];
                if (h == Filler)
                {
                    if (!sawFiller) Relax(level, potential[x]);
                    sawFiller = true;
                    continue;
                }

                // Mentee h sits at x: no other seat may be worth more to it.
                var based = potential[x] - (x == unmatched ? 0 : _bidScore[h]);
                for (var a = arcStart[h]; a < arcStart[h + 1]; a++)
                {
                    var j = arcMentor[a];
                    if (j != x && hasSeats[j]) Relax(j, based + arcScore[a]);
                }

                if (x != unmatched && hasSeats[unmatched]) Relax(unmatched, based);
            }
        }

        return potential;
    }

    private bool HostsFiller(int j)
    {
        for (var t = _seatStart[j]; t < _seatStart[j + 1]; t++)
        {
            if (_holder[t] == Filler) return true;
        }

        return false;
    }

    /// <summary>The matching and its certificate for the weights score + K (see <see cref="MatchCertificate"/>).</summary>
    internal DualAssignment Certificate(long[] potential, MatchCover cover)
    {
        var arcStart = _graph.ArcStart;
        var arcMentor = _graph.ArcMentor;
        var arcScore = _graph.ArcScore;
        var mentorOf = new int[_n];
        var score = new int[_n];
        Array.Fill(mentorOf, -1);
        for (var j = 0; j <= _m; j++)
        {
            for (var t = _seatStart[j]; t < _seatStart[j + 1]; t++)
            {
                var h = _holder[t];
                if (h < 0 || j == _m) continue;
                mentorOf[h] = j;
                score[h] = _bidScore[h];
            }
        }

        // The dual of the symmetric form, shifted so that mentors with an empty seat are at 0: u + v ≥ score on every
        // pair, u + w ≥ 0 for every free mentee, v ≥ 0, with equality on the assignment.
        var hasSeat = new bool[_m];
        var lambda = long.MaxValue;
        for (var j = 0; j < _m; j++)
        {
            hasSeat[j] = _seatStart[j + 1] > _seatStart[j];
            if (hasSeat[j]) lambda = Math.Min(lambda, potential[j]);
        }

        if (_fillers > 0) lambda = potential[_m + 1];
        if (lambda == long.MaxValue) lambda = 0;
        var u = new long[_n];
        var v = new long[_m];
        long w = long.MinValue;
        for (var i = 0; i < _n; i++)
        {
            if (_graph.LockedMentor[i] >= 0) continue;
            u[i] = (mentorOf[i] >= 0 ? score[i] - potential[mentorOf[i]] : -potential[_m]) + lambda;
            if (!HasUnmatchedSeats) w = Math.Max(w, -u[i]);
        }

        if (HasUnmatchedSeats) w = potential[_m] - lambda;
        if (w == long.MinValue) w = 0;
        for (var j = 0; j < _m; j++)
        {
            if (hasSeat[j]) v[j] = potential[j] - lambda;
        }

        // Regions of the König cover: Z_L = free mentees not in the cover, Z_R = mentors in it; no pair joins Z_L
        // to a mentor outside Z_R. u += w on Z_L, u += K off it; v += K − w on Z_R.
        var inCoverMentee = cover.Mentees.Span;
        var inCoverMentor = cover.Mentors.Span;
        var k = _graph.CardinalityWeight();
        for (var j = 0; j < _m; j++)
        {
            if (inCoverMentor[j] && hasSeat[j]) k = Math.Max(k, w - v[j]);
        }

        for (var i = 0; i < _n; i++)
        {
            if (_graph.LockedMentor[i] >= 0 || !inCoverMentee[i]) continue;
            k = Math.Max(k, -u[i]);
            for (var a = arcStart[i]; a < arcStart[i + 1]; a++)
            {
                var j = arcMentor[a];
                if (inCoverMentor[j] && hasSeat[j]) k = Math.Max(k, arcScore[a] - u[i] - v[j] + w);
            }
        }

        var menteePotential = new long[_n];
        var mentorPotential = new long[_m];
        for (var i = 0; i < _n; i++)
        {
            if (_graph.LockedMentor[i] >= 0) continue;
            menteePotential[i] = inCoverMentee[i] ? u[i] + k : u[i] + w;
        }

        for (var j = 0; j < _m; j++)
        {
            if (hasSeat[j]) mentorPotential[j] = inCoverMentor[j] ? v[j] - w + k : v[j];
        }

        // Mentors without seats (no residual capacity) take no mentee: any potential high enough will do.
        for (var i = 0; i < _n; i++)
        {
            for (var a = arcStart[i]; a < arcStart[i + 1]; a++)
            {
                var j = arcMentor[a];
                if (!hasSeat[j]) mentorPotential[j] = Math.Max(mentorPotential[j], arcScore[a] + k - menteePotential[i]);
            }
        }

        return new DualAssignment(mentorOf, score, menteePotential, mentorPotential, k);
    }
}
