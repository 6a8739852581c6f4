namespace SalesMentor.Core.Matching.Scoring;

/// <summary>A skill with a level: for a mentee the size of the gap, for a mentor the strength; 1 (small) to 5 (large).</summary>
/// <param name="Key">The skill's stable key (e.g. <c>closing</c>).</param>
/// <param name="Name">The skill's name, for the reasons.</param>
/// <param name="Level">1 … 5.</param>
public sealed record ScoredSkill(string Key, string Name, int Level);

/// <summary>A company value, by stable key, with its name for the reasons.</summary>
/// <param name="Key">Stable key (the value's id as text).</param>
/// <param name="Name">The value's name.</param>
public sealed record ScoredValue(string Key, string Name);

/// <summary>
/// What scoring knows of one side of a pair. It holds only what the program admin may see: a mentee's skill gaps
/// marked "mentor only" must never be put here (they are not used in scoring, by promise to the mentee).
/// Unknown facts are null (or empty) and score as neutral, half of the factor.
/// </summary>
public sealed record ScoringProfile
{
    /// <summary>Mentee: skill gaps shared for matching, level = gap size. Mentor: strengths, level = how strong.</summary>
    public IReadOnlyList<ScoredSkill> Skills { get; init; } = [];

    /// <summary>Mentee: values to grow in. Mentor: values they model.</summary>
    public IReadOnlyList<ScoredValue> Values { get; init; } = [];

    /// <summary>Mean rating of the side's attributes (self, supervisor, peers), 1 … 5; null when nobody rated.</summary>
    public double? Readiness { get; init; }

    /// <summary>Offset of the person's time zone from UTC, in hours, at the program's start.</summary>
    public double? UtcOffsetHours { get; init; }

    /// <summary>The person's region (any stable text, compared for equality); null when unknown.</summary>
    public string? Region { get; init; }

    /// <summary>Years with the company at the program's start; null when the hire date is unknown.</summary>
    public double? TenureYears { get; init; }
}

/// <summary>Explicit preferences between the two people of a pair. A rank of 0 means "not ranked".</summary>
/// <param name="MenteeRank">The mentee's rank of this mentor, 1 first; 0 when not ranked.</param>
/// <param name="MenteeRanked">How many mentors the mentee ranked (0: no preferences given).</param>
/// <param name="MentorRank">The mentor's rank of this mentee, 1 first; 0 when not ranked.</param>
/// <param name="MentorRanked">How many mentees the mentor ranked.</param>
public readonly record struct PairPreference(int MenteeRank, int MenteeRanked, int MentorRank, int MentorRanked);
