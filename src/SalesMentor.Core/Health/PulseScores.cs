namespace SalesMentor.Core.Health;

/// <summary>
/// One pulse answer of one side of a mentorship: trust, safety to speak openly, value of the time and commitment to
/// the goals, each on the scale 1 (low) to 5 (high).
/// </summary>
public sealed record PulseScores(int Trust, int Safety, int Value, int Commitment)
{
    /// <summary>The lowest allowed score.</summary>
    public const int Min = 1;

    /// <summary>The highest allowed score.</summary>
    public const int Max = 5;

    /// <summary>An answer at or below this is an alert ("a pulse answer ≤ 2").</summary>
    public const int Low = 2;

    /// <summary>The four scores, in the order trust, safety, value, commitment.</summary>
    public IEnumerable<int> All => [Trust, Safety, Value, Commitment];

    /// <summary>Whether every score lies in [<see cref="Min"/>, <see cref="Max"/>].</summary>
    public bool InRange => All.All(s => s is >= Min and <= Max);

    /// <summary>Whether any score is at or below <see cref="Low"/>.</summary>
    public bool HasLowAnswer => All.Any(s => s <= Low);
}

/// <summary>
/// The cohesion score of a mentorship: the mean of every score of the latest pulse answer of each side (up to eight
/// numbers), 1–5, rounded to two decimals. It is never shown — it mixes the two sides' answers, so showing it to one side
/// or to an admin (an aggregate of two people) would reveal the other's answers — it only raises the "cohesion low" flag.
/// </summary>
public static class Cohesion
{
    /// <summary>A cohesion score below this raises "cohesion low".</summary>
    public const decimal LowBelow = 3m;

    /// <summary>The score over the given latest answers (one per side that answered); null when nobody answered.</summary>
    public static decimal? Score(IEnumerable<PulseScores> latestPerSide)
    {
        ArgumentNullException.ThrowIfNull(latestPerSide);
        var scores = latestPerSide.SelectMany(p => p.All).ToList();
        return scores.Count == 0 ? null : Math.Round((decimal)scores.Sum() / scores.Count, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Whether the pulse answers of a mentorship say "cohesion low": a score ≤ 2 in the latest answer of either side,
    /// trust falling two pulses in a row on either side (three answers, each lower than the one before), or a cohesion
    /// score below <see cref="LowBelow"/>. <paramref name="bySide"/> holds each side's answers, oldest first.
    /// </summary>
    public static bool IsLow(IReadOnlyList<IReadOnlyList<PulseScores>> bySide)
    {
        ArgumentNullException.ThrowIfNull(bySide);
        var latest = bySide.Where(s => s.Count > 0).Select(s => s[^1]).ToList();
        if (latest.Any(p => p.HasLowAnswer)) return true;
        if (bySide.Any(TrustFellTwiceInARow)) return true;
        return Score(latest) is { } score && score < LowBelow;
    }

    /// <summary>The last three answers of one side, oldest first, have strictly falling trust.</summary>
    public static bool TrustFellTwiceInARow(IReadOnlyList<PulseScores> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.Count >= 3 && answers[^3].Trust > answers[^2].Trust && answers[^2].Trust > answers[^1].Trust;
    }
}
