using SalesMentor.Core.People;

namespace SalesMentor.Core.Matching.Scoring;

/// <summary>A mentee of a program as the model sees it.</summary>
/// <param name="Person">Who, their team and their avoid list.</param>
/// <param name="Profile">What scoring may use (never "mentor only" gaps).</param>
/// <param name="RankedMentors">The mentors the mentee prefers, first choice first (may be empty).</param>
public sealed record ModelMentee(PairPerson Person, ScoringProfile Profile, IReadOnlyList<PersonId> RankedMentors);

/// <summary>An eligible mentor of a program as the model sees it.</summary>
/// <param name="Person">Who, their team and their avoid list.</param>
/// <param name="Profile">Strengths, values, readiness, location, tenure.</param>
/// <param name="Capacity">How many mentees they take, seats already taken by locked pairs included.</param>
/// <param name="RankedMentees">The mentees the mentor prefers, first choice first (may be empty).</param>
/// <param name="Eligible">False for a mentor who may not be matched (not a proven star, say): their pairs are scored but
/// not listed, except a locked one (decided by hand).</param>
public sealed record ModelMentor(PairPerson Person, ScoringProfile Profile, int Capacity, IReadOnlyList<PersonId> RankedMentees, bool Eligible = true);

/// <summary>
/// A program's matching problem: every mentee × eligible mentor pair scored (<see cref="ScorePair"/>) and listed,
/// excluded pairs forbidden with their reason, locked pairs fixed, and the explicit rankings passed on for the
/// stable mode. Every pair with an eligible mentor is listed (and a forbidden one subtracted), so the solver tells
/// unmatched mentees with no eligible mentor ("no candidate") from those whose candidates were all excluded.
/// </summary>
public sealed class MatchingModel
{
    private readonly PairScore[] _scores;
    private readonly ExclusionReason[] _exclusions;

    private MatchingModel(MatchProblem problem, PairScore[] scores, ExclusionReason[] exclusions, int mentors)
    {
        Problem = problem;
        _scores = scores;
        _exclusions = exclusions;
        Mentors = mentors;
    }

    /// <summary>The input of <see cref="SolveMatching"/>.</summary>
    public MatchProblem Problem { get; }

    /// <summary>Number of mentors (the stride of the dense score table).</summary>
    public int Mentors { get; }

    /// <summary>Score and reasons of pair (<paramref name="mentee"/>, <paramref name="mentor"/>), by index.</summary>
    public PairScore ScoreOf(int mentee, int mentor) => _scores[(mentee * Mentors) + mentor];

    /// <summary>Why pair (<paramref name="mentee"/>, <paramref name="mentor"/>) is excluded, or <see cref="ExclusionReason.None"/>.</summary>
    public ExclusionReason ExclusionOf(int mentee, int mentor) => _exclusions[(mentee * Mentors) + mentor];

    /// <summary>Builds the model. Locks name (mentee index, mentor index) pairs decided by hand; they override exclusions and the minimum score.</summary>
    /// <param name="mentees">The program's mentees.</param>
    /// <param name="mentors">Its eligible mentors.</param>
    /// <param name="weights">The program's weights.</param>
    /// <param name="minimumScore">Pairs scoring below it are not candidates (0 … 1000).</param>
    /// <param name="exclusions">The program's exclusion rules.</param>
    /// <param name="locked">Pairs that stay as they are.</param>
    public static MatchingModel Build(
        IReadOnlyList<ModelMentee> mentees, IReadOnlyList<ModelMentor> mentors, ScoreWeights weights, int minimumScore,
        PairExclusions exclusions, IReadOnlyList<MatchPair> locked)
    {
        ArgumentNullException.ThrowIfNull(mentees);
        ArgumentNullException.ThrowIfNull(mentors);
        ArgumentNullException.ThrowIfNull(exclusions);
        ArgumentNullException.ThrowIfNull(locked);
        int n = mentees.Count, m = mentors.Count;
        var pairs = checked(n * m);
        var scores = new PairScore[pairs];
        var reasons = new ExclusionReason[pairs];
        var arcs = new List<MatchArc>(pairs);
        var menteeRanks = new List<int>(pairs);
        var mentorRanks = new List<int>(pairs);
        var forbidden = new List<MatchPair>();
        var lockedSet = locked.ToHashSet();
        var mentorRankOf = mentors.Select(r => RankMap(r.RankedMentees)).ToArray();
        var ranked = false;
        for (var i = 0; i < n; i++)
        {
            var mentee = mentees[i];
            var menteeRankOf = RankMap(mentee.RankedMentors);
            for (var j = 0; j < m; j++)
            {
                var mentor = mentors[j];
                var a = (i * m) + j;
                var preference = new PairPreference(
                    menteeRankOf.GetValueOrDefault(mentor.Person.Person), menteeRankOf.Count,
                    mentorRankOf[j].GetValueOrDefault(mentee.Person.Person), mentorRankOf[j].Count);
                scores[a] = ScorePair.Score(mentee.Profile, mentor.Profile, preference, weights);
                reasons[a] = exclusions.Check(mentee.Person, mentor.Person);
                if (!mentor.Eligible && !lockedSet.Contains(new MatchPair(i, j))) continue;
                arcs.Add(new MatchArc(i, j, scores[a].Score));
                menteeRanks.Add(preference.MenteeRank);
                mentorRanks.Add(preference.MentorRank);
                ranked |= preference.MenteeRank > 0 || preference.MentorRank > 0;
                if (reasons[a] != ExclusionReason.None) forbidden.Add(new MatchPair(i, j));
            }
        }

        var problem = new MatchProblem(n, mentors.Select(r => Math.Max(0, r.Capacity)).ToArray(), arcs.ToArray())
        {
            Forbidden = forbidden.ToArray(),
            Locked = locked.ToArray(),
            MinimumScore = Math.Clamp(minimumScore, 0, PairScore.MaxScore),
            MenteeRanks = ranked ? menteeRanks.ToArray() : ReadOnlyMemory<int>.Empty,
            MentorRanks = ranked ? mentorRanks.ToArray() : ReadOnlyMemory<int>.Empty,
        };
        return new MatchingModel(problem, scores, reasons, m);
    }

    /// <summary>Rank 1 for the first person listed; a person listed twice keeps their first rank.</summary>
    private static Dictionary<PersonId, int> RankMap(IReadOnlyList<PersonId> ranking)
    {
        var map = new Dictionary<PersonId, int>();
        foreach (var person in ranking) map.TryAdd(person, map.Count + 1);
        return map;
    }
}
