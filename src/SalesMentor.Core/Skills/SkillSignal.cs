using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Skills;

/// <summary>Stable ids of the sales skills the KPI signals point at; stored and matched on, never renamed.</summary>
public static class SkillIds
{
    /// <summary>Finding and opening new opportunities.</summary>
    public const string Prospecting = "prospecting";

    /// <summary>Telling good opportunities from bad ones early, and moving the good ones on.</summary>
    public const string Qualifying = "qualifying";

    /// <summary>Turning qualified opportunities into won deals.</summary>
    public const string Closing = "closing";

    /// <summary>Negotiating and selling on value, which shows in deal size.</summary>
    public const string Negotiating = "negotiating";

    /// <summary>Planning the week and keeping the activity up: pipeline and time management.</summary>
    public const string TimeManagement = "time-management";
}

/// <summary>Whether a signal suggests something to learn or something to teach.</summary>
public enum SkillSignalKind
{
    /// <summary>The KPI is in the weak tail among peers: a possible skill gap.</summary>
    Gap,

    /// <summary>The KPI is in the strong tail among peers: a possible strength.</summary>
    Strength,
}

/// <summary>
/// One rule: a KPI, the skills it points at, and how many deals are needed before it says anything.
/// The KPI's <see cref="KpiDefinition.Direction"/> decides which tail is weak (a long sales cycle is weak).
/// </summary>
/// <param name="Kpi">The KPI judged; must be ranked and higher- or lower-is-better.</param>
/// <param name="Skills">Skill ids it points at (see <see cref="SkillIds"/>).</param>
/// <param name="SampleKpi">A count KPI that must reach <paramref name="MinimumSample"/> for the rule to apply, or null.</param>
/// <param name="MinimumSample">Minimum of <paramref name="SampleKpi"/> (e.g. 10 closed deals before judging a win rate).</param>
public sealed record SkillSignalRule(Kpi Kpi, IReadOnlyList<string> Skills, Kpi? SampleKpi = null, int MinimumSample = 0);

/// <summary>A suggested skill gap or strength, with the numbers that triggered it.</summary>
/// <param name="SkillId">The skill (see <see cref="SkillIds"/>).</param>
/// <param name="Kind">Gap or strength.</param>
/// <param name="Kpi">The KPI that triggered it.</param>
/// <param name="Value">The person's value: money in currency units, ratios as fractions, days, counts.</param>
/// <param name="PeerMedian">Median of the same KPI among the person's peers in the period.</param>
/// <param name="Percentile">The person's percentile rank (0–100; high means a high value, whichever way is good).</param>
/// <param name="Peers">How many peers were ranked (the person included).</param>
/// <param name="Reason">One plain-English line with the numbers.</param>
public sealed record SkillSignal(
    string SkillId, SkillSignalKind Kind, Kpi Kpi, decimal Value, decimal PeerMedian, double Percentile, int Peers, string Reason);

/// <summary>Thresholds and rules of <see cref="SuggestSkillSignals"/>.</summary>
/// <param name="GapPercentile">A higher-is-better KPI at or below this percentile is a gap (a lower-is-better one at or above 100 − this).</param>
/// <param name="StrengthPercentile">A higher-is-better KPI at or above this percentile is a strength (lower-is-better: at or below 100 − this).</param>
/// <param name="MinimumPeers">No signal when fewer peers (the person included) have a value.</param>
/// <param name="Rules">The rules; <see cref="SuggestSkillSignals.DefaultRules"/> when null.</param>
public sealed record SkillSignalSettings(
    double GapPercentile = 25, double StrengthPercentile = 75, int MinimumPeers = 5, IReadOnlyList<SkillSignalRule>? Rules = null);
