using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Stars;
using SalesMentor.App.Kpis;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.App.Tests.Kpis;

namespace SalesMentor.App.Tests.Features.Stars;

/// <summary>Reading, checking, saving and previewing the star rule.</summary>
public class StarRuleTests
{
    /// <summary>Won revenue over the last 4 quarters together at or above p80, no minimum of deals: in <see cref="KpiWorld"/> only C (p87.5).</summary>
    private static StarRuleRequest Generous(int version) => new("won-revenue", null, 75, 80, 4, 0, 0, "Everyone", version);

    [Theory, BothProviders]
    public async Task Update_ByAdmin_IsStoredAuditedAndJudgesAgainWithoutReloading(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);
        var cache = app.Services.GetRequiredService<KpiCache>();
        var before = await ListAsync(app, "Star");
        var rule = (await app.InScopeAsync(s => s.Get<GetStarRule>().HandleAsync(TestApp.As(world.RepA), default))).Value;

        var updated = await app.InScopeAsync(s => s.Get<UpdateStarRule>().HandleAsync(TestApp.AdminActor, Generous(rule.Version), default));
        var after = await ListAsync(app, "Star");

        Assert.True(updated.IsSuccess, updated.Error?.Message);
        Assert.Equal((0, 1), (before.Stars, after.Stars));
        var star = Assert.Single(after.Items);
        Assert.Equal(("Cara Gamma", "Team B"), (star.Name, star.Team));
        Assert.Equal(87.5, star.Verdict.Trailing?.Percentile);
        Assert.StartsWith("Star: won revenue over the last 4 quarters together at percentile 87.5", star.Verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(["FY2025 Q2", "FY2025 Q3", "FY2025 Q4", "FY2026 Q1"], after.Quarters.Select(q => q.Label));
        Assert.Equal(rule.Version + 1, updated.Value.Version);
        Assert.Contains("at or above percentile 80", updated.Value.Description, StringComparison.Ordinal);
        Assert.Equal(1, cache.Builds);   // a new rule re-judges the cached KPIs; nothing is read again
        await using var scope = app.Scope();
        Assert.True(await scope.Db.AuditEvents.AnyAsync(a => a.Action == "star_rule.update"));
    }

    [Theory]
    [InlineData("no-such-kpi", null, 75, 90.0, 4, 0, 20, "Everyone", "star_rule.metric")]
    [InlineData("lost-deals", null, 75, 90.0, 4, 0, 20, "Everyone", "star_rule.metric")]
    [InlineData("won-revenue", "quota", 75, 90.0, 4, 0, 20, "Everyone", "star_rule.fallback_metric")]
    [InlineData("won-revenue", null, 150, 90.0, 4, 2, 20, "Everyone", "star_rule.percentile")]
    [InlineData("won-revenue", null, 75, -1.0, 4, 0, 20, "Everyone", "star_rule.trailing_percentile")]
    [InlineData("won-revenue", null, 75, 90.0, 0, 0, 20, "Everyone", "star_rule.quarters_considered")]
    [InlineData("won-revenue", null, 75, 90.0, 4, 5, 20, "Everyone", "star_rule.quarters_required")]
    [InlineData("won-revenue", null, 75, null, 4, 0, 20, "Everyone", "star_rule.no_condition")]
    [InlineData("won-revenue", null, 75, 90.0, 4, 0, -1, "Everyone", "star_rule.minimum_closed_deals")]
    [InlineData("won-revenue", null, 75, 90.0, 4, 0, 20, "Galaxy", "star_rule.peer_group")]
    [InlineData("won-revenue", null, 75, 90.0, 4, 0, 20, "1", "star_rule.peer_group")]
    [InlineData("", null, 75, 90.0, 4, 0, 20, "Everyone", "star_rule.metric")]
    public async Task Update_WithABadSetting_SaysWhichAndChangesNothing(
        string metric, string? fallback, double percentile, double? trailing, int considered, int required, int deals, string peers, string code)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var before = (await app.InScopeAsync(s => s.Get<GetStarRule>().HandleAsync(TestApp.AdminActor, default))).Value;

        var result = await app.InScopeAsync(s => s.Get<UpdateStarRule>().HandleAsync(TestApp.AdminActor,
            new StarRuleRequest(metric, fallback, percentile, trailing, considered, required, deals, peers, before.Version), default));
        var preview = await app.InScopeAsync(s => s.Get<PreviewStarRule>().HandleAsync(TestApp.AdminActor,
            new StarRuleRequest(metric, fallback, percentile, trailing, considered, required, deals, peers), default));
        var after = (await app.InScopeAsync(s => s.Get<GetStarRule>().HandleAsync(TestApp.AdminActor, default))).Value;

        Assert.Equal((ErrorKind.Validation, code), (result.Error?.Kind, result.Error?.Code));
        Assert.Equal(code, preview.Error?.Code);
        Assert.DoesNotContain("StarRule", result.Error!.Message, StringComparison.Ordinal);   // words for people, not parameter names
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(after));
    }

    [Theory, BothProviders]
    public async Task Update_WithAStaleVersion_IsAConflictAndKeepsTheWinner(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var version = (await app.InScopeAsync(s => s.Get<GetStarRule>().HandleAsync(TestApp.AdminActor, default))).Value.Version;

        var first = await app.InScopeAsync(s => s.Get<UpdateStarRule>().HandleAsync(TestApp.AdminActor, Generous(version), default));
        var second = await app.InScopeAsync(s => s.Get<UpdateStarRule>().HandleAsync(TestApp.AdminActor, Generous(version) with { MinimumClosedDeals = 99 }, default));

        Assert.True(first.IsSuccess);
        Assert.Equal((ErrorKind.Conflict, "concurrency.conflict"), (second.Error?.Kind, second.Error?.Code));
        Assert.Equal(0, (await app.InScopeAsync(s => s.Get<GetStarRule>().HandleAsync(TestApp.AdminActor, default))).Value.MinimumClosedDeals);
    }

    [Fact]
    public async Task UpdateAndPreview_ByANonAdmin_AreForbidden()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var world = await KpiWorld.CreateAsync(app);
        var version = (await app.InScopeAsync(s => s.Get<GetStarRule>().HandleAsync(TestApp.AdminActor, default))).Value.Version;

        var update = await app.InScopeAsync(s => s.Get<UpdateStarRule>().HandleAsync(TestApp.As(world.Manager), Generous(version), default));
        var preview = await app.InScopeAsync(s => s.Get<PreviewStarRule>().HandleAsync(TestApp.As(world.RepA), Generous(0), default));

        Assert.Equal((ErrorKind.Forbidden, ErrorKind.Forbidden), (update.Error?.Kind, preview.Error?.Kind));
    }

    [Fact]
    public async Task Preview_CountsWithoutSaving()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await KpiWorld.CreateAsync(app);

        var preview = (await app.InScopeAsync(s => s.Get<PreviewStarRule>().HandleAsync(TestApp.AdminActor, Generous(0), default))).Value;
        var stored = (await app.InScopeAsync(s => s.Get<GetStarRule>().HandleAsync(TestApp.AdminActor, default))).Value;

        // C is a star; A and B are not; D started in February 2026, after the first quarter judged began.
        Assert.Equal((1, 2, 1), (preview.Stars, preview.NotStars, preview.NotEnoughData));
        Assert.Equal(["Cara Gamma"], preview.StarNames);
        Assert.Equal((90.0, 20), (stored.TrailingPercentileAtLeast!.Value, stored.MinimumClosedDeals));
    }

    internal static async Task<StarListView> ListAsync(TestApp app, params string[] statuses) =>
        (await app.InScopeAsync(s => s.Get<ListStars>().HandleAsync(TestApp.AdminActor, new ListStarsRequest(statuses), default))).Value;
}
