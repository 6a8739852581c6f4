using System.Globalization;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.Stars;

namespace SalesMentor.App.Kpis;

/// <summary>The stored star rule (<see cref="StarRuleSettings"/>) as Core's <see cref="StarRule"/>, checked, and in words.</summary>
public static class StarRules
{
    /// <summary>Ids of the KPIs a rule may rank: ranked, and higher is better.</summary>
    public static IReadOnlyList<string> EligibleMetrics { get; } =
        [.. KpiCatalog.All.Where(d => d is { IsRanked: true, Direction: KpiDirection.HigherIsBetter }).Select(d => d.Id)];

    /// <summary>The rule as stored; the default rule when the stored one no longer reads (a KPI id that was renamed).</summary>
    public static StarRule FromSettings(StarRuleSettings? settings)
    {
        if (settings is null) return StarRule.Default;
        var rule = Build(settings.Metric, settings.FallbackMetric, settings.PercentileAtLeast, settings.TrailingPercentileAtLeast,
            settings.QuartersConsidered, settings.QuartersRequired, settings.MinimumClosedDeals, settings.PeerGroup);
        return rule.IsSuccess ? rule.Value : StarRule.Default;
    }

    /// <summary>Reads and checks a rule; every problem is a validation error whose message says how to fix it.</summary>
    public static Result<StarRule> Build(
        string? metric, string? fallbackMetric, double percentileAtLeast, double? trailingPercentileAtLeast,
        int quartersConsidered, int quartersRequired, int minimumClosedDeals, string? peerGroup)
    {
        var choices = string.Join(", ", EligibleMetrics);
        if (KpiCatalog.FromId(metric?.Trim() ?? "") is not { } kpi)
        {
            return Error.Validation("star_rule.metric", $"Choose the metric by its id, one of: {choices}.");
        }

        Kpi? fallback = null;
        if (!string.IsNullOrWhiteSpace(fallbackMetric))
        {
            if (KpiCatalog.FromId(fallbackMetric.Trim()) is not { } parsed)
            {
                return Error.Validation("star_rule.fallback_metric", $"Choose the fallback metric by its id, one of: {choices}; or leave it empty.");
            }

            fallback = parsed;
        }

        if (!Enum.TryParse<StarPeerGroup>(peerGroup?.Trim(), ignoreCase: true, out var peers) || !Enum.IsDefined(peers) || int.TryParse(peerGroup, out _))
        {
            return Error.Validation("star_rule.peer_group", "Compare each rep with Everyone, their Region or their Team.");
        }

        var rule = new StarRule
        {
            Metric = kpi, FallbackMetric = fallback, PercentileAtLeast = percentileAtLeast, TrailingPercentileAtLeast = trailingPercentileAtLeast,
            QuartersConsidered = quartersConsidered, QuartersRequired = quartersRequired, MinimumClosedDeals = minimumClosedDeals, PeerGroup = peers,
        };
        try
        {
            rule.Validate();
        }
        catch (ArgumentException e)
        {
            return Explain(e.ParamName, rule, choices);
        }

        return rule;
    }

    /// <summary>The rule in one sentence, as the stars page and the command line show it.</summary>
    public static string Describe(StarRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var metric = Name(rule.Metric) + (rule.FallbackMetric is { } f ? $" (or {Name(f)} when it is empty)" : "");
        var span = $"the last {rule.QuartersConsidered} completed fiscal quarter{(rule.QuartersConsidered == 1 ? "" : "s")}";
        var peers = rule.PeerGroup switch
        {
            StarPeerGroup.Region => "reps of the same region",
            StarPeerGroup.Team => "reps of the same team",
            _ => "all reps",
        };
        var conditions = new List<string>();
        if (rule.TrailingPercentileAtLeast is { } trailing) conditions.Add($"over {span} together at or above percentile {Number(trailing)} of {peers}");
        if (rule.QuartersRequired > 0)
        {
            conditions.Add($"at or above percentile {Number(rule.PercentileAtLeast)} of {peers} in at least {rule.QuartersRequired} of {span}");
        }

        return $"A proven star has {metric} {string.Join(", and ", conditions)}, with at least {rule.MinimumClosedDeals} closed deals over those quarters.";
    }

    /// <summary>
    /// Peer group per person for <paramref name="group"/>: reps only (others −1); by region or team, reps without
    /// one form a group of their own, so they are still judged.
    /// </summary>
    internal static int[] PeerGroups(StarPeerGroup group, IReadOnlyList<KpiPerson> people) => group switch
    {
        StarPeerGroup.Region => Groups(people, p => p.RegionId),
        StarPeerGroup.Team => Groups(people, p => p.TeamId),
        _ => [.. people.Select(p => p.IsRep ? 0 : -1)],
    };

    private static int[] Groups(IReadOnlyList<KpiPerson> people, Func<KpiPerson, Guid?> key)
    {
        // Dense indexes in order of first appearance; Guid.Empty (never a real id) stands for "none".
        var index = new Dictionary<Guid, int>();
        var groups = new int[people.Count];
        for (var i = 0; i < people.Count; i++)
        {
            if (!people[i].IsRep)
            {
                groups[i] = -1;
                continue;
            }

            var id = key(people[i]) ?? Guid.Empty;
            if (!index.TryGetValue(id, out var group)) index[id] = group = index.Count;
            groups[i] = group;
        }

        return groups;
    }

    private static Error Explain(string? parameter, StarRule rule, string choices) => parameter switch
    {
        nameof(StarRule.Metric) => Error.Validation("star_rule.metric", $"The metric must be a KPI where higher is better and that is ranked among peers, one of: {choices}."),
        nameof(StarRule.FallbackMetric) => Error.Validation("star_rule.fallback_metric", $"The fallback metric must be a KPI where higher is better and that is ranked among peers, one of: {choices}; or leave it empty."),
        nameof(StarRule.PercentileAtLeast) => Error.Validation("star_rule.percentile", "The quarterly percentile threshold is a number from 0 to 100."),
        nameof(StarRule.TrailingPercentileAtLeast) => Error.Validation("star_rule.trailing_percentile", "The trailing percentile threshold is a number from 0 to 100, or empty to switch that condition off."),
        nameof(StarRule.QuartersConsidered) => Error.Validation("star_rule.quarters_considered", "Consider from 1 to 20 completed quarters."),
        nameof(StarRule.QuartersRequired) when rule.QuartersRequired == 0 && rule.TrailingPercentileAtLeast is null =>
            Error.Validation("star_rule.no_condition", "The rule needs a condition: require some quarters at the percentile, or set a trailing threshold."),
        nameof(StarRule.QuartersRequired) => Error.Validation("star_rule.quarters_required", $"Quarters required is from 0 to the quarters considered ({rule.QuartersConsidered})."),
        nameof(StarRule.MinimumClosedDeals) => Error.Validation("star_rule.minimum_closed_deals", "The minimum of closed deals is 0 or more."),
        _ => Error.Validation("star_rule.invalid", "This star rule is not valid; check each setting."),
    };

    private static string Name(Kpi kpi) => KpiCatalog.Of(kpi).Name.ToLowerInvariant();

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
