using System.Globalization;

namespace SalesMentor.Core.Matching.Scoring;

/// <summary>
/// The compatibility score of one mentee–mentor pair, 0 … 1000, broken into one named reason per factor. Each
/// factor yields a fit in [0, 1] (unknown data: ½, neutral); its points are ⌊1000 · weight · fit / total weight⌋,
/// so the score — the sum of the points — never exceeds 1000 and every point is explained. Pure and deterministic.
/// See docs/matching.md for each factor's formula.
/// </summary>
public static class ScorePair
{
    /// <summary>Tenure gap, in years, at which the seniority factor is full.</summary>
    public const double FullSeniorityYears = 5;

    /// <summary>Time-zone distance, in hours, at which the time-zone half of the location factor is 0.</summary>
    public const double FarHours = 12;

    /// <summary>A mentor strength at or above this level "covers" a gap; below it, it covers it partly.</summary>
    public const int CoveringLevel = 3;

    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    /// <summary>Scores <paramref name="mentee"/> with <paramref name="mentor"/> under <paramref name="weights"/>.</summary>
    /// <exception cref="ArgumentException">The weights are not valid (see <see cref="ScoreWeights.IsValid"/>).</exception>
    public static PairScore Score(ScoringProfile mentee, ScoringProfile mentor, PairPreference preference, ScoreWeights weights)
    {
        ArgumentNullException.ThrowIfNull(mentee);
        ArgumentNullException.ThrowIfNull(mentor);
        ArgumentNullException.ThrowIfNull(weights);
        if (!weights.IsValid) throw new ArgumentException("Each weight is 0 to 10 and at least one is above 0.", nameof(weights));
        var reasons = new List<ScoreReason>(6);
        var total = 0;
        foreach (var factor in Enum.GetValues<ScoreFactor>())
        {
            var weight = weights.Of(factor);
            if (weight == 0) continue;
            var (fit, text) = factor switch
            {
                ScoreFactor.Gaps => Gaps(mentee.Skills, mentor.Skills),
                ScoreFactor.Values => Values(mentee.Values, mentor.Values),
                ScoreFactor.Readiness => Readiness(mentee.Readiness, mentor.Readiness),
                ScoreFactor.Preferences => Preferences(preference),
                ScoreFactor.Location => Location(mentee, mentor),
                _ => Seniority(mentee.TenureYears, mentor.TenureYears),
            };
            var max = PairScore.MaxScore * weight / weights.Total;
            var points = (int)Math.Floor(PairScore.MaxScore * (double)weight * Math.Clamp(fit, 0, 1) / weights.Total + 1e-9);
            points = Math.Min(points, max);
            total += points;
            reasons.Add(new ScoreReason(factor, points, max, text));
        }

        return new PairScore(total, reasons);
    }

    private static (double Fit, string Text) Gaps(IReadOnlyList<ScoredSkill> gaps, IReadOnlyList<ScoredSkill> strengths)
    {
        if (gaps.Count == 0) return (0.5, "the mentee shared no skill gaps for matching");
        var strength = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in strengths) strength[s.Key] = Math.Max(strength.GetValueOrDefault(s.Key), Math.Clamp(s.Level, 0, 5));
        double covered = 0, needed = 0;
        var full = new List<string>();
        var partly = new List<string>();
        foreach (var gap in gaps)
        {
            var size = Math.Clamp(gap.Level, 1, 5);
            var level = strength.GetValueOrDefault(gap.Key);
            needed += size;
            covered += size * level / 5.0;
            if (level >= CoveringLevel) full.Add(gap.Name);
            else if (level > 0) partly.Add(gap.Name);
        }

        full.Sort(StringComparer.OrdinalIgnoreCase);
        partly.Sort(StringComparer.OrdinalIgnoreCase);
        var text = full.Count == 0
            ? string.Create(Text, $"covers none of {Count(gaps.Count, "gap")}")
            : string.Create(Text, $"covers {full.Count} of {Count(gaps.Count, "gap")}: {string.Join(", ", full)}");
        if (partly.Count > 0) text += "; partly " + string.Join(", ", partly);
        return (covered / needed, text);
    }

    private static (double Fit, string Text) Values(IReadOnlyList<ScoredValue> wanted, IReadOnlyList<ScoredValue> modelled)
    {
        if (wanted.Count == 0) return (0.5, "the mentee chose no values");
        if (modelled.Count == 0) return (0.5, "the mentor chose no values");
        var keys = modelled.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var shared = wanted.Where(v => keys.Contains(v.Key)).Select(v => v.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var text = shared.Count == 0
            ? string.Create(Text, $"shares none of the mentee's {Count(wanted.Count, "value")}")
            : string.Create(Text, $"shares {shared.Count} of {Count(wanted.Count, "value")}: {string.Join(", ", shared)}");
        return (shared.Count / (double)wanted.Count, text);
    }

    private static (double Fit, string Text) Readiness(double? mentee, double? mentor)
    {
        static double Fit(double? r) => r is { } v ? Math.Clamp((v - 1) / 4, 0, 1) : 0.5;
        static string Show(double? r) => r is { } v ? string.Create(Text, $"{v:0.0} of 5") : "not rated";
        return ((Fit(mentee) + Fit(mentor)) / 2, $"readiness: mentee {Show(mentee)}, mentor {Show(mentor)}");
    }

    private static (double Fit, string Text) Preferences(PairPreference p)
    {
        if (p.MenteeRanked == 0 && p.MentorRanked == 0) return (0.5, "no preferences given");
        var (menteeFit, menteeText) = Side(p.MenteeRank, p.MenteeRanked, "mentee");
        var (mentorFit, mentorText) = Side(p.MentorRank, p.MentorRanked, "mentor");
        return ((menteeFit + mentorFit) / 2, $"{menteeText}; {mentorText}");

        static (double, string) Side(int rank, int ranked, string who)
        {
            if (ranked <= 0) return (0.5, $"the {who} ranked nobody");
            if (rank <= 0) return (0.25, string.Create(Text, $"not among the {who}'s {ranked} choices"));
            return (1 - (0.5 * (rank - 1) / ranked), string.Create(Text, $"the {who}'s choice #{rank}"));
        }
    }

    private static (double Fit, string Text) Location(ScoringProfile mentee, ScoringProfile mentor)
    {
        double regionFit = 0.5, zoneFit = 0.5;
        var region = "region unknown";
        var zone = "time zone unknown";
        if (mentee.Region is { } a && mentor.Region is { } b)
        {
            var same = string.Equals(a, b, StringComparison.Ordinal);
            (regionFit, region) = same ? (1.0, "same region") : (0.0, "other region");
        }

        if (mentee.UtcOffsetHours is { } x && mentor.UtcOffsetHours is { } y)
        {
            var hours = Math.Abs(x - y);
            zoneFit = 1 - (Math.Min(hours, FarHours) / FarHours);
            zone = hours < 0.01 ? "same time zone" : string.Create(Text, $"{hours:0.#} h apart");
        }

        return ((regionFit + zoneFit) / 2, $"{region}, {zone}");
    }

    private static (double Fit, string Text) Seniority(double? mentee, double? mentor)
    {
        if (mentee is not { } a || mentor is not { } b) return (0.5, "tenure unknown");
        var gap = b - a;
        if (gap <= 0) return (0, "the mentor is not longer with the company than the mentee");
        return (Math.Min(gap / FullSeniorityYears, 1), string.Create(Text, $"the mentor has {gap:0.#} more years with the company"));
    }

    private static string Count(int n, string noun) => string.Create(Text, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
