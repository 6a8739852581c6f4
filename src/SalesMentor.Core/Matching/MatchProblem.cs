namespace SalesMentor.Core.Matching;

/// <summary>
/// A listed pair: <paramref name="Mentee"/> may be matched with <paramref name="Mentor"/>, with a fit of
/// <paramref name="Score"/> (an integer in [0, <see cref="MatchProblem.MaxScore"/>]; higher is a better fit).
/// </summary>
/// <param name="Mentee">Mentee index in [0, <see cref="MatchProblem.Mentees"/>).</param>
/// <param name="Mentor">Mentor index in [0, <see cref="MatchProblem.Mentors"/>).</param>
/// <param name="Score">Fit of the pair, 0 … 1,000,000.</param>
public readonly record struct MatchArc(int Mentee, int Mentor, int Score);

/// <summary>A mentee and a mentor, without a score: a forbidden pair, a locked pair or a proposed pair.</summary>
/// <param name="Mentee">Mentee index.</param>
/// <param name="Mentor">Mentor index.</param>
public readonly record struct MatchPair(int Mentee, int Mentor);

/// <summary>
/// The input of <see cref="SolveMatching"/>: mentees 0 … <see cref="Mentees"/> − 1, mentors 0 … <see cref="Mentors"/> − 1
/// with their capacities, and a sparse list of candidate pairs with integer scores. The caller keeps the mapping from
/// indexes to people. The arrays are read, never changed or copied; the caller must not change them during a solve.
/// <para>
/// A pair is a <b>candidate</b> when it is listed in <see cref="Arcs"/>, its score is at least
/// <see cref="MinimumScore"/>, it is not in <see cref="Forbidden"/>, and its mentee is not locked. A pair that is not
/// listed can never be matched. A <b>locked</b> pair is in every solution and takes one seat of its mentor's capacity;
/// it must be listed (its score counts in the total) but overrides <see cref="Forbidden"/> and
/// <see cref="MinimumScore"/>: the administrator decided it by hand.
/// </para>
/// <para>
/// Nothing here throws for bad data: <see cref="SolveMatching.Solve(MatchProblem, MatchMode, bool)"/> answers out-of-range indexes, negative
/// capacities, scores outside [0, <see cref="MaxScore"/>], pairs listed twice and impossible locks with a status.
/// </para>
/// </summary>
/// <param name="mentees">Number of mentees.</param>
/// <param name="capacities">Capacity of each mentor: how many mentees it may take (≥ 0); its length is the number of mentors.</param>
/// <param name="arcs">The listed pairs, in any order, each pair at most once.</param>
public sealed class MatchProblem(int mentees, ReadOnlyMemory<int> capacities, ReadOnlyMemory<MatchArc> arcs)
{
    /// <summary>The largest score accepted: 1,000,000. It keeps every sum the solver forms far inside 64 bits.</summary>
    public const int MaxScore = 1_000_000;

    /// <summary>Number of mentees; indexes run from 0.</summary>
    public int Mentees { get; } = mentees;

    /// <summary>Number of mentors: the length of <see cref="Capacities"/>.</summary>
    public int Mentors => Capacities.Length;

    /// <summary>Capacity per mentor: the most mentees it may take, locked pairs included.</summary>
    public ReadOnlyMemory<int> Capacities { get; } = capacities;

    /// <summary>The listed pairs with their scores.</summary>
    public ReadOnlyMemory<MatchArc> Arcs { get; } = arcs;

    /// <summary>Pairs that must not be matched (excluded by a rule or an avoid list), subtracted from <see cref="Arcs"/>;
    /// a forbidden pair that is not listed is ignored.</summary>
    public ReadOnlyMemory<MatchPair> Forbidden { get; init; }

    /// <summary>Pairs that must be in the solution: each mentee at most once, at most a mentor's capacity per mentor, each listed.</summary>
    public ReadOnlyMemory<MatchPair> Locked { get; init; }

    /// <summary>Listed pairs scoring below this are not candidates (locked pairs excepted). Default 0: every listed pair is.</summary>
    public int MinimumScore { get; init; }

    /// <summary>
    /// For <see cref="MatchMode.Stable"/> only, parallel to <see cref="Arcs"/> (or empty): the mentee's explicit ranking
    /// of that mentor, 1 for the first choice; 0 when not ranked. Ranked mentors come first, in rank order, then the
    /// others by score (higher first), ties by mentor index.
    /// </summary>
    public ReadOnlyMemory<int> MenteeRanks { get; init; }

    /// <summary>
    /// For <see cref="MatchMode.Stable"/> only, parallel to <see cref="Arcs"/> (or empty): the mentor's explicit ranking
    /// of that mentee, 1 first; 0 when not ranked. Ranked mentees come first, then by score, ties by mentee index.
    /// </summary>
    public ReadOnlyMemory<int> MentorRanks { get; init; }
}
