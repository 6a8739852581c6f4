using System.Text.Json.Serialization;
using SalesMentor.App.Features.Kpis;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.Stars;

namespace SalesMentor.App.Features.Stars;

/// <summary>How one quarter (or the quarters together) fared: the metric used, its value, the percentile among peers, passed or not, closed deals.</summary>
public sealed record StarEvidenceView(PeriodView Period, string? Metric, decimal? Value, double? Percentile, bool Passed, int ClosedDeals)
{
    public static StarEvidenceView Of(StarEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(PeriodView.Of(e.Period), e.MetricUsed is { } m ? KpiCatalog.Of(m).Id : null, e.Value, e.Percentile, e.Passed, e.ClosedDeals);
    }
}

/// <summary>A person's star status (Star, NotStar, NotEnoughData) with the reason in words and the evidence behind it.</summary>
public sealed record StarVerdictView(
    [property: JsonConverter(typeof(JsonStringEnumConverter<StarStatus>))] StarStatus Status,
    string Reason, int QuartersPassed, int ClosedDeals, IReadOnlyList<StarEvidenceView> Quarters, StarEvidenceView? Trailing)
{
    public static StarVerdictView Of(StarVerdict v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Status, v.Reason, v.QuartersPassed, v.ClosedDeals, [.. v.Quarters.Select(StarEvidenceView.Of)],
            v.Trailing is null ? null : StarEvidenceView.Of(v.Trailing));
    }
}

/// <summary>A KPI a star rule may rank.</summary>
public sealed record KpiChoice(string Id, string Name);

/// <summary>The organization's star rule as stored, in words, with the metrics it may use.</summary>
public sealed record StarRuleView(
    string Metric, string? FallbackMetric, double PercentileAtLeast, double? TrailingPercentileAtLeast,
    int QuartersConsidered, int QuartersRequired, int MinimumClosedDeals, string PeerGroup, int Version,
    string Description, IReadOnlyList<KpiChoice> Metrics);

/// <summary>
/// A star rule to save (with the <see cref="Version"/> read, or 409) or to preview. <see cref="Metric"/> and
/// <see cref="FallbackMetric"/> are KPI ids (won-revenue, quota-attainment, …); <see cref="PeerGroup"/> is
/// Everyone, Region or Team; an empty <see cref="TrailingPercentileAtLeast"/> switches the trailing condition off,
/// a <see cref="QuartersRequired"/> of 0 the quarterly one.
/// </summary>
public sealed record StarRuleRequest(
    string? Metric, string? FallbackMetric, double PercentileAtLeast, double? TrailingPercentileAtLeast,
    int QuartersConsidered, int QuartersRequired, int MinimumClosedDeals, string? PeerGroup, int Version = 0);

/// <summary>How many people a rule would make stars, as of the last day with data, without saving it.</summary>
public sealed record StarRulePreview(string Description, DateOnly AsOf, int Stars, int NotStars, int NotEnoughData, IReadOnlyList<string> StarNames);
