using System.Globalization;
using SalesMentor.Core.Kpis;

namespace SalesMentor.Core.Skills;

/// <summary>
/// Suggests skill gaps and strengths from a person's KPIs relative to their peers in one period (best a long one,
/// e.g. the trailing four quarters, so that a few deals do not decide): a KPI in the weak quarter of the peers
/// suggests a gap in the skills its rule names, one in the strong quarter a strength.
/// </summary>
public static class SuggestSkillSignals
{
    /// <summary>
    /// Low pipeline created → prospecting; low win rate → qualifying and closing; long sales cycle → qualifying; small
    /// average deals → negotiating (value selling); few activities → time management; and strengths for the opposite.
    /// </summary>
    public static IReadOnlyList<SkillSignalRule> DefaultRules { get; } =
    [
        new(Kpi.PipelineCreated, [SkillIds.Prospecting]),
        new(Kpi.WinRateByCount, [SkillIds.Qualifying, SkillIds.Closing], Kpi.ClosedDeals, 10),
        new(Kpi.SalesCycleMedianDays, [SkillIds.Qualifying], Kpi.SalesCycleDeals, 5),
        new(Kpi.AverageDealSize, [SkillIds.Negotiating], Kpi.WonDeals, 5),
        new(Kpi.Activities, [SkillIds.TimeManagement]),
    ];

    /// <summary>The signals of every person in <paramref name="period"/>, indexed by person (empty lists for people with none).</summary>
    /// <param name="table">The KPIs.</param>
    /// <param name="ranks">Their percentile ranks, computed with the same <paramref name="peerGroups"/>.</param>
    /// <param name="period">Index of the period in <paramref name="table"/>.</param>
    /// <param name="peerGroups">Peer group per person (−1: no signals), or empty for one group of everybody.</param>
    /// <param name="settings">Thresholds and rules; the defaults when null.</param>
    public static IReadOnlyList<IReadOnlyList<SkillSignal>> ForEveryone(
        KpiTable table, KpiRanks ranks, int period, ReadOnlyMemory<int> peerGroups = default, SkillSignalSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(ranks);
        settings ??= new SkillSignalSettings();
        var rules = settings.Rules ?? DefaultRules;
        foreach (var rule in rules) Check(rule);
        var groups = PeerMembers(table.People, peerGroups);
        var stats = new Dictionary<(int Group, Kpi Kpi), (decimal Median, int Peers)>();
        var result = new IReadOnlyList<SkillSignal>[table.People];
        for (var person = 0; person < table.People; person++)
        {
            var group = peerGroups.IsEmpty ? 0 : peerGroups.Span[person];
            var signals = new List<SkillSignal>();
            result[person] = signals;
            if (group < 0 || !table.IsActive(person, period)) continue;
            foreach (var rule in rules)
            {
                if (rule.SampleKpi is { } sample && table.Count(person, period, sample) < rule.MinimumSample) continue;
                if (table.Value(person, period, rule.Kpi) is not { } value) continue;
                if (ranks.Percentile(person, period, rule.Kpi) is not { } percentile) continue;
                if (!stats.TryGetValue((group, rule.Kpi), out var peer))
                {
                    peer = MedianOf(table, period, rule.Kpi, groups[group]);
                    stats[(group, rule.Kpi)] = peer;
                }

                if (peer.Peers < settings.MinimumPeers) continue;
                var kind = KindOf(KpiCatalog.Of(rule.Kpi).Direction, percentile, settings);
                if (kind is not { } signalKind) continue;
                foreach (var skill in rule.Skills)
                {
                    signals.Add(new SkillSignal(skill, signalKind, rule.Kpi, value, peer.Median, percentile, peer.Peers,
                        Reason(skill, signalKind, rule.Kpi, value, peer.Median, percentile, peer.Peers)));
                }
            }
        }

        return result;
    }

    /// <summary>The signals of one person; see <see cref="ForEveryone"/>.</summary>
    public static IReadOnlyList<SkillSignal> For(
        KpiTable table, KpiRanks ranks, int period, int person, ReadOnlyMemory<int> peerGroups = default, SkillSignalSettings? settings = null)
        => ForEveryone(table, ranks, period, peerGroups, settings)[person];

    /// <summary>Median of the defined values of the active members, exactly (money and counts as decimals), and how many there were.</summary>
    internal static (decimal Median, int Peers) MedianOf(KpiTable table, int period, Kpi kpi, IReadOnlyList<int> members)
    {
        var values = new List<decimal>(members.Count);
        foreach (var member in members)
        {
            if (table.IsActive(member, period) && table.Value(member, period, kpi) is { } value) values.Add(value);
        }

        if (values.Count == 0) return (0, 0);
        values.Sort();
        var middle = values.Count / 2;
        var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return (median, values.Count);
    }

    private static SkillSignalKind? KindOf(KpiDirection direction, double percentile, SkillSignalSettings settings) => direction switch
    {
        KpiDirection.HigherIsBetter when percentile <= settings.GapPercentile => SkillSignalKind.Gap,
        KpiDirection.HigherIsBetter when percentile >= settings.StrengthPercentile => SkillSignalKind.Strength,
        KpiDirection.LowerIsBetter when percentile >= 100 - settings.GapPercentile => SkillSignalKind.Gap,
        KpiDirection.LowerIsBetter when percentile <= 100 - settings.StrengthPercentile => SkillSignalKind.Strength,
        _ => null,
    };

    private static string Reason(string skill, SkillSignalKind kind, Kpi kpi, decimal value, decimal median, double percentile, int peers)
    {
        var definition = KpiCatalog.Of(kpi);
        var standing = kind == SkillSignalKind.Gap ? "a possible gap" : "a possible strength";
        return string.Create(CultureInfo.InvariantCulture,
            $"{definition.Name} {Show(definition, value)} against a peer median of {Show(definition, median)} (percentile {percentile:0.#} of {peers}): {standing} in {skill.Replace('-', ' ')}.");
    }

    private static string Show(KpiDefinition definition, decimal value) => definition.Unit switch
    {
        "currency" => value.ToString("#,0.00", CultureInfo.InvariantCulture),
        "ratio" => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        "days" => value.ToString("0.#", CultureInfo.InvariantCulture) + " days",
        _ => value.ToString("#,0", CultureInfo.InvariantCulture),
    };

    private static void Check(SkillSignalRule rule)
    {
        var definition = KpiCatalog.Of(rule.Kpi);
        if (!definition.IsRanked || definition.Direction == KpiDirection.Neutral)
        {
            throw new ArgumentException($"{rule.Kpi} is not ranked with a direction; it cannot signal a skill.", nameof(rule));
        }

        if (rule.SampleKpi is { } sample && KpiCatalog.KindOf(sample) != KpiKind.Count)
        {
            throw new ArgumentException($"{sample} is not a count.", nameof(rule));
        }
    }

    private static List<int>[] PeerMembers(int people, ReadOnlyMemory<int> peerGroups)
    {
        if (peerGroups.IsEmpty) return [[.. Enumerable.Range(0, people)]];
        if (peerGroups.Length != people) throw new ArgumentException("A peer group is given for every person or for none.", nameof(peerGroups));
        var span = peerGroups.Span;
        var count = 0;
        foreach (var group in span) count = Math.Max(count, group + 1);
        var members = new List<int>[count];
        for (var g = 0; g < count; g++) members[g] = [];
        for (var person = 0; person < people; person++)
        {
            if (span[person] >= 0) members[span[person]].Add(person);
        }

        return members;
    }
}
