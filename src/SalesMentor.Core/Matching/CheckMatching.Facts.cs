namespace SalesMentor.Core.Matching;

public static partial class CheckMatching
{
    /// <summary>What the checker derives from the problem and the matching in one pass over the pairs.</summary>
    private sealed class Facts
    {
        private Facts(int mentees, int mentors)
        {
            LockedTo = new int[mentees];
            PairScore = new int[mentees];
            Listed = new bool[mentees];
            HasCandidate = new bool[mentees];
            SeatLeft = new bool[mentees];
            Residual = new int[mentors];
            Load = new int[mentors];
            Array.Fill(LockedTo, -1);
            Array.Fill(PairScore, -1);
        }

        internal int[] LockedTo { get; }

        internal int[] MentorOf { get; private set; } = [];

        /// <summary>Score of each matched mentee's pair as listed; −1 until found.</summary>
        internal int[] PairScore { get; }

        internal bool[] Listed { get; }

        internal bool[] HasCandidate { get; }

        /// <summary>The mentee has a candidate whose mentor is not full.</summary>
        internal bool[] SeatLeft { get; }

        /// <summary>Capacity minus locked pairs.</summary>
        internal int[] Residual { get; }

        internal int[] Load { get; }

        internal bool[] Candidate { get; private set; } = [];

        internal bool HasCandidates { get; private set; }

        internal int Matched { get; private set; }

        internal int FreeMatched { get; private set; }

        internal Int128 Total { get; private set; }

        internal int? Worst { get; private set; }

        internal HashSet<int> LockScores(MatchProblem problem)
        {
            var scores = new HashSet<int>();
            foreach (var pair in problem.Locked.Span) scores.Add(PairScore[pair.Mentee]);
            return scores;
        }

        internal static Facts? Gather(MatchProblem problem, MatchResult result, out string? failure)
        {
            var n = problem.Mentees;
            var m = problem.Mentors;
            var capacities = problem.Capacities.Span;
            var mentorOf = result.MentorOf.Span;
            failure = null;
            if (n < 0 || mentorOf.Length != n || result.Reasons.Length != n)
            {
                failure = "the matching does not list every mentee";
                return null;
            }

            var facts = new Facts(n, m) { MentorOf = mentorOf.ToArray() };
            for (var j = 0; j < m; j++)
            {
                if (capacities[j] < 0)
                {
                    failure = "a capacity is negative, yet the input was solved";
                    return null;
                }

                facts.Residual[j] = capacities[j];
            }

            foreach (var pair in problem.Locked.Span)
            {
                if (!InRange(pair.Mentee, n) || !InRange(pair.Mentor, m) || facts.LockedTo[pair.Mentee] >= 0)
                {
                    failure = "the locks are invalid, yet the input was solved";
                    return null;
                }

                facts.LockedTo[pair.Mentee] = pair.Mentor;
                if (--facts.Residual[pair.Mentor] < 0)
                {
                    failure = $"mentor {pair.Mentor} has more locks than capacity, yet the input was solved";
                    return null;
                }
            }

            for (var i = 0; i < n; i++)
            {
                var j = mentorOf[i];
                if (j == MatchResult.Unmatched)
                {
                    if (facts.LockedTo[i] >= 0)
                    {
                        failure = $"locked mentee {i} is unmatched";
                        return null;
                    }

                    continue;
                }

                if (!InRange(j, m))
                {
                    failure = $"mentee {i} has mentor {j}, which does not exist";
                    return null;
                }

                if (facts.LockedTo[i] >= 0 && facts.LockedTo[i] != j)
                {
                    failure = $"locked mentee {i} is not with its locked mentor";
                    return null;
                }

                if (++facts.Load[j] > capacities[j])
                {
                    failure = $"mentor {j} has more mentees than its capacity {capacities[j]}";
                    return null;
                }
            }

            failure = facts.ReadPairs(problem);
            return failure is null ? facts : null;
        }

        /// <summary>The one pass over the listed pairs: candidate flags, the score of each matched pair, reasons' facts.</summary>
        private string? ReadPairs(MatchProblem problem)
        {
            var n = problem.Mentees;
            var m = problem.Mentors;
            var capacities = problem.Capacities.Span;
            var forbidden = new HashSet<long>();
            foreach (var pair in problem.Forbidden.Span) forbidden.Add(((long)pair.Mentee << 32) | (uint)pair.Mentor);
            var arcs = problem.Arcs.Span;
            Candidate = new bool[arcs.Length];
            for (var a = 0; a < arcs.Length; a++)
            {
                var (i, j, score) = arcs[a];
                if (!InRange(i, n) || !InRange(j, m) || !InRange(score, MatchProblem.MaxScore + 1)) return $"pair #{a} is invalid, yet the input was solved";
                Listed[i] = true;
                var candidate = score >= problem.MinimumScore && LockedTo[i] < 0
                    && (forbidden.Count == 0 || !forbidden.Contains(((long)i << 32) | (uint)j));
                Candidate[a] = candidate;
                if (candidate)
                {
                    HasCandidates = true;
                    HasCandidate[i] = true;
                    if (Load[j] < capacities[j]) SeatLeft[i] = true;
                }

                if (MentorOf[i] != j) continue;
                if (PairScore[i] >= 0) return $"the matched pair (mentee {i}, mentor {j}) is listed twice";
                if (!candidate && LockedTo[i] != j) return $"the matched pair (mentee {i}, mentor {j}) is not a candidate";
                PairScore[i] = score;
            }

            for (var i = 0; i < n; i++)
            {
                if (MentorOf[i] == MatchResult.Unmatched) continue;
                if (PairScore[i] < 0) return $"the matched pair (mentee {i}, mentor {MentorOf[i]}) is not listed";
                Matched++;
                if (LockedTo[i] < 0) FreeMatched++;
                Total += PairScore[i];
                Worst = Math.Min(Worst ?? int.MaxValue, PairScore[i]);
            }

            return null;
        }

        internal string? CheckObjective(MatchResult result)
        {
            if (result.Matched != Matched) return $"the result says {result.Matched} matched, the pairs say {Matched}";
            if (result.TotalScore != Total) return $"the result says total {result.TotalScore}, the pairs add up to {Total}";
            return result.WorstScore != Worst ? "the result's worst score is not the smallest matched score" : null;
        }

        internal string? CheckReasons(ReadOnlySpan<UnmatchedReason> reasons)
        {
            for (var i = 0; i < reasons.Length; i++)
            {
                var expected = MentorOf[i] != MatchResult.Unmatched ? UnmatchedReason.None
                    : !Listed[i] ? UnmatchedReason.NoCandidate
                    : !HasCandidate[i] ? UnmatchedReason.AllExcluded
                    : UnmatchedReason.CapacityExhausted;
                if (reasons[i] != expected) return $"mentee {i} is given reason {reasons[i]}, not {expected}";
                if (expected == UnmatchedReason.CapacityExhausted && SeatLeft[i]) return $"unmatched mentee {i} has a candidate with a seat left";
            }

            return null;
        }
    }
}
