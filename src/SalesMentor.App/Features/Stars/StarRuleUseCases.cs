using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.Stars;

namespace SalesMentor.App.Features.Stars;

/// <summary>Everyone signed in may read the star rule: it says what "proven star" means on every page.</summary>
public sealed class GetStarRule(SalesMentorDb db)
{
    public async Task<Result<StarRuleView>> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var settings = await db.StarRuleSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new StarRuleSettings();
        return StarRuleViews.Of(settings);
    }
}

/// <summary>Admins change the star rule; a stale edit is refused (409); every setting is checked with a message that says how to fix it.</summary>
public sealed class UpdateStarRule(SalesMentorDb db, AuditLog audit)
{
    public async Task<Result<StarRuleView>> HandleAsync(Actor actor, StarRuleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("star_rule.admin_only", "Only an admin can change the star rule.");
        var rule = StarRuleViews.Read(request);
        if (!rule.IsSuccess) return rule.Error!;

        var settings = await db.StarRuleSettings.SingleOrDefaultAsync(ct);
        if (settings is null) db.StarRuleSettings.Add(settings = new StarRuleSettings());
        else db.Entry(settings).Property(s => s.Version).OriginalValue = request.Version;
        var r = rule.Value;
        settings.Metric = KpiCatalog.Of(r.Metric).Id;
        settings.FallbackMetric = r.FallbackMetric is { } f ? KpiCatalog.Of(f).Id : null;
        settings.PercentileAtLeast = r.PercentileAtLeast;
        settings.TrailingPercentileAtLeast = r.TrailingPercentileAtLeast;
        settings.QuartersConsidered = r.QuartersConsidered;
        settings.QuartersRequired = r.QuartersRequired;
        settings.MinimumClosedDeals = r.MinimumClosedDeals;
        settings.PeerGroup = r.PeerGroup.ToString();
        audit.Record(actor, "star_rule.update", "star-rule", null, $"metric={settings.Metric} peers={settings.PeerGroup}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleEdit("star rule");
        }

        return StarRuleViews.Of(settings);
    }
}

/// <summary>How many stars a rule would find, for the admin's live preview; nothing is saved.</summary>
public sealed class PreviewStarRule(KpiCache cache)
{
    private const int NamesShown = 10;

    public async Task<Result<StarRulePreview>> HandleAsync(Actor actor, StarRuleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Access.CanAdminister(actor)) return Error.Forbidden("star_rule.admin_only", "Only an admin can try out star rules.");
        var rule = StarRuleViews.Read(request);
        if (!rule.IsSuccess) return rule.Error!;
        var snapshot = await cache.GetAsync(ct);
        var stars = snapshot.Stars.Rule == rule.Value ? snapshot.Stars : KpiSnapshotBuilder.Stars(rule.Value, snapshot.Calendar, snapshot.Data);
        var verdicts = stars.Verdicts.OfType<StarVerdict>().ToList();
        var names = verdicts.Where(v => v.Status == StarStatus.Star).Select(v => snapshot.People[v.Person].Name)
            .Order(StringComparer.CurrentCulture).Take(NamesShown).ToList();
        return new StarRulePreview(StarRules.Describe(rule.Value), snapshot.AsOf,
            verdicts.Count(v => v.Status == StarStatus.Star), verdicts.Count(v => v.Status == StarStatus.NotStar),
            verdicts.Count(v => v.Status == StarStatus.NotEnoughData), names);
    }
}

internal static class StarRuleViews
{
    public static Result<StarRule> Read(StarRuleRequest r) => StarRules.Build(
        r.Metric, r.FallbackMetric, r.PercentileAtLeast, r.TrailingPercentileAtLeast, r.QuartersConsidered, r.QuartersRequired, r.MinimumClosedDeals, r.PeerGroup);

    public static StarRuleView Of(StarRuleSettings s) => new(
        s.Metric, s.FallbackMetric, s.PercentileAtLeast, s.TrailingPercentileAtLeast, s.QuartersConsidered, s.QuartersRequired,
        s.MinimumClosedDeals, s.PeerGroup, s.Version, StarRules.Describe(StarRules.FromSettings(s)),
        [.. StarRules.EligibleMetrics.Select(id => new KpiChoice(id, KpiCatalog.Of(KpiCatalog.FromId(id)!.Value).Name))]);
}
