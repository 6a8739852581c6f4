namespace SalesMentor.Core.Matching.Scoring;

/// <summary>The factors of a pair's score, in the order of <see cref="ScoreWeights.All"/>.</summary>
public enum ScoreFactor
{
    /// <summary>Mentor strengths covering the mentee's shared skill gaps.</summary>
    Gaps = 0,

    /// <summary>Shared company values.</summary>
    Values = 1,

    /// <summary>Attribute readiness of both sides.</summary>
    Readiness = 2,

    /// <summary>Explicit rankings by either side.</summary>
    Preferences = 3,

    /// <summary>Region and time zone.</summary>
    Location = 4,

    /// <summary>Tenure gap.</summary>
    Seniority = 5,
}

/// <summary>One factor's part of a score, in words.</summary>
/// <param name="Factor">Which factor.</param>
/// <param name="Points">Points this factor gave, 0 … <paramref name="MaxPoints"/>.</param>
/// <param name="MaxPoints">The most this factor can give under the program's weights.</param>
/// <param name="Text">What the admin reads, e.g. "covers 3 of 4 gaps: closing, negotiating, qualifying".</param>
public sealed record ScoreReason(ScoreFactor Factor, int Points, int MaxPoints, string Text);

/// <summary>A pair's compatibility score and its reasons.</summary>
/// <param name="Score">0 … <see cref="PairScore.MaxScore"/>: the sum of the reasons' points.</param>
/// <param name="Reasons">One per factor with a weight above 0, in factor order.</param>
public sealed record PairScore(int Score, IReadOnlyList<ScoreReason> Reasons)
{
    /// <summary>The best possible score.</summary>
    public const int MaxScore = 1000;
}
