namespace SalesMentor.Core.Matching;

/// <summary>
/// A proposed matching with its objective, the reason for each unmatched mentee, the optimality certificate and the
/// independent checker's verdict on it.
/// </summary>
public sealed record MatchResult
{
    /// <summary>Marks an unmatched mentee in <see cref="MentorOf"/>.</summary>
    public const int Unmatched = -1;

    /// <summary>The outcome; see <see cref="HasMatching"/>.</summary>
    public required MatchStatus Status { get; init; }

    /// <summary>One sentence for the administrator: what was solved, or what is wrong with the input.</summary>
    public required string Message { get; init; }

    /// <summary>The mode solved.</summary>
    public required MatchMode Mode { get; init; }

    /// <summary>Per mentee, the mentor index, or <see cref="Unmatched"/>; locked pairs included. Empty when there is no matching.</summary>
    public required ReadOnlyMemory<int> MentorOf { get; init; }

    /// <summary>Per mentee, why it is unmatched (<see cref="UnmatchedReason.None"/> when matched). Empty when there is no matching.</summary>
    public required ReadOnlyMemory<UnmatchedReason> Reasons { get; init; }

    /// <summary>Number of matched mentees, locked pairs included.</summary>
    public required int Matched { get; init; }

    /// <summary>Sum of the scores of the matched pairs, locked pairs included.</summary>
    public required long TotalScore { get; init; }

    /// <summary>The smallest score among matched pairs (locked included); null when nobody is matched.</summary>
    public required int? WorstScore { get; init; }

    /// <summary>The proof of optimality (best and fairest modes); null for the stable mode and when there is no matching.</summary>
    public MatchCertificate? Certificate { get; init; }

    /// <summary>What <see cref="CheckMatching"/> found; <see cref="MatchVerdict.NotChecked"/> when the solve was asked not to check.</summary>
    public required MatchVerdict Verdict { get; init; }

    /// <summary>True when <see cref="MentorOf"/> holds a valid (possibly empty) matching.</summary>
    public bool HasMatching => Status is MatchStatus.Solved or MatchStatus.NoMentees or MatchStatus.NoMentors or MatchStatus.NoCandidates;

    /// <summary>The matched pairs in mentee order.</summary>
    public IEnumerable<MatchPair> Pairs()
    {
        for (var mentee = 0; mentee < MentorOf.Length; mentee++)
        {
            var mentor = MentorOf.Span[mentee];
            if (mentor != Unmatched) yield return new MatchPair(mentee, mentor);
        }
    }
}
