namespace SalesMentor.Core.Matching.Scoring;

/// <summary>
/// How much each factor counts in a pair's score, each an integer from 0 (ignored) to <see cref="MaxWeight"/>.
/// Only the ratios matter: a factor's share of the 0–1000 score is its weight divided by <see cref="Total"/>.
/// </summary>
/// <param name="Gaps">Mentor strengths covering the mentee's skill gaps (those shared for matching), by gap size.</param>
/// <param name="Values">Company values the mentor models among those the mentee wants to grow in.</param>
/// <param name="Readiness">The article's attributes, rated, on both sides.</param>
/// <param name="Preferences">The mentee's ranking of mentors and the mentor's ranking of mentees.</param>
/// <param name="Location">Same region, and hours between the two time zones.</param>
/// <param name="Seniority">How much longer the mentor has been with the company.</param>
public sealed record ScoreWeights(int Gaps, int Values, int Readiness, int Preferences, int Location, int Seniority)
{
    /// <summary>The largest weight of one factor.</summary>
    public const int MaxWeight = 10;

    /// <summary>Gaps 5, values 2, readiness 2, preferences 2, location 1, seniority 1: skills first, as the article's mentor is chosen for what they can teach.</summary>
    public static ScoreWeights Default { get; } = new(5, 2, 2, 2, 1, 1);

    /// <summary>The sum of the weights.</summary>
    public int Total => Gaps + Values + Readiness + Preferences + Location + Seniority;

    /// <summary>Every weight in [0, <see cref="MaxWeight"/>] and at least one above 0.</summary>
    public bool IsValid => All.All(w => w is >= 0 and <= MaxWeight) && Total > 0;

    /// <summary>The weights in the order of <see cref="ScoreFactor"/>.</summary>
    public IReadOnlyList<int> All => [Gaps, Values, Readiness, Preferences, Location, Seniority];

    /// <summary>The weight of one factor.</summary>
    public int Of(ScoreFactor factor) => All[(int)factor];
}
