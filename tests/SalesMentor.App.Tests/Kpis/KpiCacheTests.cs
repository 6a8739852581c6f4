using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Features.Settings;
using SalesMentor.App.Kpis;
using SalesMentor.App.Tests.Infrastructure;
using static SalesMentor.App.Tests.Features.Kpis.GetScorecardTests;

namespace SalesMentor.App.Tests.Kpis;

/// <summary>When the cached KPIs are recomputed: after the sales-data stamp moves or a setting they depend on changes, and only then.</summary>
public class KpiCacheTests
{
    [Theory, BothProviders]
    public async Task Cache_AfterAnImportRaisesTheStamp_Recomputes(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);
        var cache = app.Services.GetRequiredService<KpiCache>();
        var before = Value((await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "quarter", "2026-Q1")).Value, "won-revenue");
        var builds = cache.Builds;

        // What an import does: change the records and raise the stamp in the same transaction.
        await using (var scope = app.Scope())
        {
            await using var transaction = await scope.Db.Database.BeginTransactionAsync();
            scope.Db.Opportunities.Add(new Opportunity
            {
                Source = "test", ExternalId = "A8", OwnerId = world.RepA.Id, Amount = 500m, Currency = "USD", CreatedOn = new DateOnly(2026, 2, 2),
                CloseDate = new DateOnly(2026, 3, 3), IsClosed = true, IsWon = true, ImportedAt = DateTime.UtcNow,
            });
            await scope.Db.SaveChangesAsync();
            await SalesDataStamp.BumpAsync(scope.Db, default);
            await transaction.CommitAsync();
        }

        var after = Value((await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "quarter", "2026-Q1")).Value, "won-revenue");
        var again = Value((await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "quarter", "2026-Q1")).Value, "won-revenue");

        Assert.Equal((3400.00m, 3900.00m, 3900.00m), (before!.Value, after!.Value, again!.Value));
        Assert.Equal(builds + 1, cache.Builds);
    }

    [Fact]
    public async Task Cache_WithoutAStampChange_ServesTheSameSnapshot()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await KpiWorld.CreateAsync(app);
        var cache = app.Services.GetRequiredService<KpiCache>();

        var first = await cache.GetAsync(default);
        var second = await cache.GetAsync(default);

        Assert.Same(first, second);
        Assert.Equal(1, cache.Builds);
    }

    [Theory, BothProviders]
    public async Task Cache_AfterTheFiscalYearStartChanges_RecomputesWithTheNewQuarters(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);
        var cache = app.Services.GetRequiredService<KpiCache>();
        await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "quarter", "2026-Q1");
        var settings = (await app.InScopeAsync(s => s.Get<GetOrganizationSettings>().HandleAsync(TestApp.AdminActor, default))).Value;

        var updated = await app.InScopeAsync(s => s.Get<UpdateOrganizationSettings>().HandleAsync(TestApp.AdminActor, new UpdateOrganizationSettingsRequest(
            settings.Name, settings.TimeZone, 4, settings.CorporateCurrency, settings.SalesDataVisibility, settings.Version), default));
        var card = (await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "quarter", "2026-Q4")).Value;

        // A fiscal year starting in April: January to March 2026 is the last quarter of FY2026.
        Assert.True(updated.IsSuccess);
        Assert.Equal(("FY2026 Q4", new DateOnly(2026, 1, 1), 3400.00m), (card.Period.Label, card.Period.Start, Value(card, "won-revenue")!.Value));
        Assert.Equal(2, cache.Builds);
    }

    [Theory, BothProviders]
    public async Task Cache_AfterAnExchangeRateIsAdded_RecomputesEvenWithoutTheStamp(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);
        var before = (await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "quarter", "2025-Q4")).Value;

        await app.SeedAsync(db => db.ExchangeRates.Add(new ExchangeRate { Currency = "EUR", ValidFrom = new DateOnly(2025, 11, 1), Rate = 1.05m }));
        var after = (await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "quarter", "2025-Q4")).Value;

        // A6 (700.00 EUR, won on 2025-11-20) now has a rate: 735.00, and is no longer a data problem.
        Assert.Equal((0m, 1), (Value(before, "won-revenue")!.Value, before.DataProblems.DealsWithoutRate));
        Assert.Equal((735.00m, 0), (Value(after, "won-revenue")!.Value, after.DataProblems.DealsWithoutRate));
    }

    [Theory, BothProviders]
    public async Task Cache_AfterARateIsChangedAroundEf_Recomputes(Provider provider)
    {
        // The key is reread only when the settings counter moves; a write that bypasses EF (another instance, an import,
        // an operator's SQL) moves it too, through the triggers of migration ChangeCounters.
        await using var app = await TestApp.StartAsync(provider);
        var world = await KpiWorld.CreateAsync(app);
        await app.SeedAsync(db => db.ExchangeRates.Add(new ExchangeRate { Currency = "EUR", ValidFrom = new DateOnly(2025, 11, 1), Rate = 1.05m }));
        var before = (await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "quarter", "2025-Q4")).Value;

        await app.InScopeAsync(s => s.Db.ExchangeRates.Where(r => r.Currency == "EUR").ExecuteUpdateAsync(u => u.SetProperty(r => r.Rate, 1.10m)));
        var after = (await ScorecardAsync(app, TestApp.AdminActor, world.RepA.Id, "quarter", "2025-Q4")).Value;

        // A6: 700.00 EUR won on 2025-11-20.
        Assert.Equal(735.00m, Value(before, "won-revenue")!.Value);
        Assert.Equal(770.00m, Value(after, "won-revenue")!.Value);
    }

    [Fact]
    public async Task Cache_ConcurrentReadersOfAStaleSnapshot_ShareOneRecompute()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        await KpiWorld.CreateAsync(app);
        var cache = app.Services.GetRequiredService<KpiCache>();

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetAsync(default))));

        Assert.All(snapshots, s => Assert.Same(snapshots[0], s));
        Assert.Equal(1, cache.Builds);
        Assert.Contains(app.Logs.Lines, l => l.Contains("KPIs recomputed for sales data version", StringComparison.Ordinal) && l.Contains("5 people", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cache_ForAnEmptyOrganization_HasThePeriodOfToday()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);

        var overview = (await app.InScopeAsync(s => s.Get<GetKpiOverview>().HandleAsync(TestApp.AdminActor, default))).Value;

        Assert.Equal((new DateOnly(2026, 6, 15), "2026-06", "2026-Q2", "FY2026"), (overview.AsOf, overview.CurrentMonth, overview.CurrentQuarter, overview.CurrentYear));
        Assert.Equal(28, overview.Kpis.Count);
    }
}
