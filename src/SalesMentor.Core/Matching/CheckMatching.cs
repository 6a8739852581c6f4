namespace SalesMentor.Core.Matching;

/// <summary>
/// The independent checker: verifies a <see cref="MatchResult"/> against its <see cref="MatchProblem"/> from scratch.
/// It shares nothing with the solvers but these two types — it re-derives candidates, locks and capacities itself,
/// streams over the listed pairs, and does all sums in <see cref="Int128"/>, so a corrupted or forged result can
/// neither pass nor overflow it.
/// <list type="bullet">
/// <item>Feasibility: each mentee at most one mentor, loads within capacities, locked pairs present, every other
/// pair a candidate (listed once, not forbidden, score ≥ the minimum).</item>
/// <item>The reported count, total and worst score, and each unmatched mentee's reason (a mentee left unmatched
/// "for capacity" must have no candidate with a seat left).</item>
/// <item>Best fit: the dual certificate (see <see cref="MatchCertificate"/>). Fairest: the covers, the threshold and
/// the dual certificate above it. Stable: the number of blocking pairs, which must be 0.</item>
/// <item>A result without a matching: that its status is true of the input.</item>
/// </list>
/// O(pairs + mentees + mentors + forbidden pairs) time and O(mentees + mentors + forbidden pairs) memory.
/// </summary>
public static partial class CheckMatching
{
    /// <summary>Verifies <paramref name="result"/> as a solution of <paramref name="problem"/>; never throws for a bad result.</summary>
    public static MatchVerdict Verify(MatchProblem problem, MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.HasMatching) return VerifyStatus(problem, result);
        if (result.Status == MatchStatus.NoMentees)
        {
            return problem.Mentees == 0 && result.MentorOf.Length == 0 ? Pass("nothing to match") : Fail("the problem has mentees");
        }

        var facts = Facts.Gather(problem, result, out var failure);
        if (facts is null) return Fail(failure!);
        var objective = facts.CheckObjective(result) ?? facts.CheckReasons(result.Reasons.Span);
        if (objective is not null) return Fail(objective);
        if (result.Status == MatchStatus.NoMentors && problem.Mentors != 0) return Fail("the problem has mentors");
        if (result.Status == MatchStatus.NoCandidates && facts.HasCandidates) return Fail("the problem has candidate pairs");
        if (problem.Mentors == 0) return Pass("nothing to match");
        return result.Mode switch
        {
            MatchMode.Stable => VerifyStable(problem, facts),
            MatchMode.Fairest => VerifyFairest(problem, result, facts),
            _ => VerifyBest(problem, result, facts),
        };
    }

    private static MatchVerdict Pass(string summary) => new(true, summary);

    /// <summary>0 ≤ <paramref name="value"/> &lt; <paramref name="count"/>.</summary>
    private static bool InRange(int value, int count) => value >= 0 && value < count;

    private static MatchVerdict Fail(string summary) => new(false, summary);

    private static MatchVerdict VerifyBest(MatchProblem problem, MatchResult result, Facts facts)
    {
        if (result.Certificate is not { } certificate) return Fail("no certificate");
        var dual = CheckDual(problem, facts, certificate, int.MinValue);
        return dual is null ? Pass("optimality verified") : Fail(dual);
    }

    private static MatchVerdict VerifyFairest(MatchProblem problem, MatchResult result, Facts facts)
    {
        if (result.Certificate is not { } certificate) return Fail("no certificate");
        if (certificate.MaximumCardinalityCover is not { } maximum) return Fail("no maximum-cardinality cover");
        var (coverError, weight) = CheckCover(problem, facts, maximum, int.MinValue);
        if (coverError is not null) return Fail("maximum-cardinality cover: " + coverError);
        if (weight != facts.FreeMatched) return Fail($"the cover weighs {weight} but {facts.FreeMatched} free pairs are matched: a larger matching may exist");
        if (certificate.Threshold is not { } threshold)
        {
            return facts.Matched == 0 ? Pass("optimality verified") : Fail("no threshold for a non-empty matching");
        }

        if (facts.Worst != threshold) return Fail($"the worst matched score is {facts.Worst?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, not the threshold {threshold}");
        if (!facts.LockScores(problem).Contains(threshold))
        {
            if (certificate.AboveThresholdCover is not { } above) return Fail("no cover above the threshold");
            if (threshold == int.MaxValue) return Fail("threshold out of range");
            var (aboveError, aboveWeight) = CheckCover(problem, facts, above, threshold + 1);
            if (aboveError is not null) return Fail("cover above the threshold: " + aboveError);
            if (aboveWeight >= facts.FreeMatched) return Fail($"the cover above the threshold weighs {aboveWeight}, not less than {facts.FreeMatched}: a fairer matching may exist");
        }

        var dual = CheckDual(problem, facts, certificate, threshold);
        return dual is null ? Pass("optimality verified") : Fail(dual);
    }

    /// <summary>
    /// The LP dual of the maximum-weight matching for weights score + K on the free candidate pairs scoring at least
    /// <paramref name="threshold"/>: K large enough, potentials ≥ 0, every pair's reduced cost ≥ 0, dual = primal.
    /// </summary>
    private static string? CheckDual(MatchProblem problem, Facts facts, MatchCertificate certificate, int threshold)
    {
        var u = certificate.MenteePotentials.Span;
        var v = certificate.MentorPotentials.Span;
        if (u.Length != problem.Mentees || v.Length != problem.Mentors) return "the potentials have the wrong length";
        Int128 k = certificate.CardinalityWeight;
        Int128 seats = 0;
        Int128 dual = 0;
        for (var j = 0; j < v.Length; j++)
        {
            if (v[j] < 0) return $"mentor {j} has a negative potential";
            seats += facts.Residual[j];
            dual += (Int128)facts.Residual[j] * v[j];
        }

        var freeMentees = 0;
        for (var i = 0; i < u.Length; i++)
        {
            if (facts.LockedTo[i] >= 0) continue;
            if (u[i] < 0) return $"mentee {i} has a negative potential";
            freeMentees++;
            dual += u[i];
        }

        var arcs = problem.Arcs.Span;
        var largest = 0;
        for (var a = 0; a < arcs.Length; a++)
        {
            var arc = arcs[a];
            if (arc.Score < threshold || !facts.Candidate[a]) continue;
            largest = Math.Max(largest, arc.Score);
            if ((Int128)u[arc.Mentee] + v[arc.Mentor] < arc.Score + k)
            {
                return $"the pair (mentee {arc.Mentee}, mentor {arc.Mentor}) has a negative reduced cost";
            }
        }

        if (k < (Int128.Min(freeMentees, seats) * largest) + 1) return $"K = {certificate.CardinalityWeight} is too small to put cardinality first";
        Int128 primal = 0;
        for (var i = 0; i < u.Length; i++)
        {
            if (facts.LockedTo[i] >= 0 || facts.MentorOf[i] < 0) continue;
            if (facts.PairScore[i] < threshold) return $"mentee {i} is matched below the threshold";
            primal += facts.PairScore[i] + k;
        }

        return dual == primal ? null : $"the dual objective {dual} differs from the matching's weight {primal}";
    }

    /// <summary>Whether <paramref name="cover"/> covers every free candidate pair scoring at least <paramref name="from"/>, and its weight.</summary>
    private static (string? Error, Int128 Weight) CheckCover(MatchProblem problem, Facts facts, MatchCover cover, int from)
    {
        var mentees = cover.Mentees.Span;
        var mentors = cover.Mentors.Span;
        if (mentees.Length != problem.Mentees || mentors.Length != problem.Mentors) return ("wrong length", 0);
        var arcs = problem.Arcs.Span;
        for (var a = 0; a < arcs.Length; a++)
        {
            var arc = arcs[a];
            if (arc.Score < from || !facts.Candidate[a]) continue;
            if (!mentees[arc.Mentee] && !mentors[arc.Mentor]) return ($"the pair (mentee {arc.Mentee}, mentor {arc.Mentor}) is not covered", 0);
        }

        Int128 weight = 0;
        for (var i = 0; i < mentees.Length; i++)
        {
            if (mentees[i] && facts.LockedTo[i] < 0) weight++;
        }

        for (var j = 0; j < mentors.Length; j++)
        {
            if (mentors[j]) weight += facts.Residual[j];
        }

        return (null, weight);
    }
}
