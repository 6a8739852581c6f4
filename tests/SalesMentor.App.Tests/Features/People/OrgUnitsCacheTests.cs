using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.People;

/// <summary>
/// The team and region lists are kept per instance (<see cref="OrgUnitsCache"/>), and every write they depend on —
/// a team renamed, a person moved, leaving or arriving, through EF or plain SQL — is seen by the next request (the
/// <c>org-units</c> counter of migration CacheCounters); other columns keep them.
/// </summary>
public class OrgUnitsCacheTests
{
    private static Task<IReadOnlyList<TeamRow>> Teams(TestApp app) =>
        app.InScopeAsync(async s => (await s.Get<ListTeams>().HandleAsync(TestApp.AdminActor, default)).Value);

    private static Task<IReadOnlyList<RegionRow>> Regions(TestApp app) =>
        app.InScopeAsync(async s => (await s.Get<ListRegions>().HandleAsync(TestApp.AdminActor, default)).Value);

    private static Task<int> Sql(TestApp app, FormattableString sql) =>
        app.InScopeAsync(s => s.Db.Database.ExecuteSqlInterpolatedAsync(sql));

    [Theory, BothProviders]
    public async Task EveryWriteTheListsDependOn_IsSeenByTheNextRequest(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var teamA = (await Teams(app)).Single(t => t.Name == "Team A");
        var teamB = (await Teams(app)).Single(t => t.Name == "Team B");
        var north = (await Regions(app)).Single();

        // A person moved to another team, around EF's change tracker.
        await app.InScopeAsync(s => s.Db.People.Where(p => p.Id == world.RepA.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.TeamId, teamB.Id)));
        var moved = await Teams(app);
        Assert.Equal(teamA.Members - 1, moved.Single(t => t.Id == teamA.Id).Members);
        Assert.Equal(teamB.Members + 1, moved.Single(t => t.Id == teamB.Id).Members);

        // A person leaving (plain SQL) no longer counts, in the team or the region.
        Assert.Equal(1, await Sql(app, $"""UPDATE "People" SET "LeftOn" = '2026-01-31' WHERE "Email" = {world.RepB.Email}"""));
        Assert.Equal(north.Members - 1, (await Regions(app)).Single().Members);

        // A team renamed, a region added.
        Assert.Equal(1, await Sql(app, $"""UPDATE "Teams" SET "Name" = 'Team Alpha' WHERE "Name" = 'Team A'"""));
        Assert.Equal("Team Alpha", (await Teams(app)).Single(t => t.Id == teamA.Id).Name);
        await app.SeedAsync(db => db.Regions.Add(new Region { Name = "South" }));
        Assert.Equal(["North", "South"], (await Regions(app)).Select(r => r.Name));

        // A newcomer counts.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var newcomer = new Person { Name = "New Rep", Email = "new.rep@world.test", TeamId = teamB.Id, RegionId = north.Id, CreatedAt = now, UpdatedAt = now };
        newcomer.RefreshKeys();
        await app.SeedAsync(db => db.People.Add(newcomer));
        Assert.Equal(teamB.Members + 2, (await Teams(app)).Single(t => t.Id == teamB.Id).Members);
    }

    [Theory, BothProviders]
    public async Task OtherColumns_KeepTheLists(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var cache = app.Services.GetRequiredService<OrgUnitsCache>();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var before = await app.InScopeAsync(s => cache.GetAsync(s.Db, today, default));

        await app.InScopeAsync(s => s.Db.People.Where(p => p.Id == world.RepA.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Title, "Senior AE")));

        Assert.Same(before, await app.InScopeAsync(s => cache.GetAsync(s.Db, today, default)));
    }

    [Theory, BothProviders]
    public async Task AChangeThatRollsBack_IsNeverKept_EvenWhenLaterWritesReachItsVersion(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        await Teams(app);

        await using (var scope = app.Scope())
        {
            await using var transaction = await scope.Db.Database.BeginTransactionAsync();
            await scope.Db.Database.ExecuteSqlRawAsync("""UPDATE "Teams" SET "Name" = 'Rolled Back' WHERE "Name" = 'Team A'""");
            Assert.Contains("Rolled Back", (await scope.Get<ListTeams>().HandleAsync(TestApp.AdminActor, default)).Value.Select(t => t.Name));
            await transaction.RollbackAsync();
        }

        // Another write brings the counter to the number the rolled-back one had.
        Assert.Equal(1, await Sql(app, $"""UPDATE "Teams" SET "Name" = 'Team Beta' WHERE "Name" = 'Team B'"""));
        Assert.Equal(["Team A", "Team Beta"], (await Teams(app)).Select(t => t.Name));
    }
}
