using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Data;
using SalesMentor.App.Domain;
using SalesMentor.App.Security;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.People;

namespace SalesMentor.App.Tests.Features.People;

/// <summary>
/// The manager tree is shared across requests, and every write to People — through a use case, a raw update, an
/// insert or a delete — is seen by the next request (the triggers of migration PeopleVersion).
/// </summary>
public class HierarchyCacheTests
{
    private static Task<Hierarchy> Tree(TestApp app) => app.InScopeAsync(s => s.Get<Access>().HierarchyAsync(default));

    [Theory, BothProviders]
    public async Task Unchanged_People_ShareOneTree_AcrossScopes(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);

        var first = await Tree(app);
        var second = await Tree(app);

        Assert.Same(first, second);
        Assert.True(first.IsAbove(world.SupervisorA.Id, world.RepA.Id));
    }

    [Theory, BothProviders]
    public async Task EveryKindOfWrite_IsSeen_ByTheNextScope(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        Assert.True((await Tree(app)).IsAbove(world.SupervisorA.Id, world.RepA.Id));

        // A manager change written around EF's change tracker, as an import or another instance would.
        await app.InScopeAsync(s => s.Get<SalesMentorDb>().People.Where(p => p.Id == world.RepA.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ManagerId, world.SupervisorB.Id)));
        var moved = await Tree(app);
        Assert.False(moved.IsAbove(world.SupervisorA.Id, world.RepA.Id));
        Assert.True(moved.IsAbove(world.SupervisorB.Id, world.RepA.Id));

        // An insert.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var newcomer = new Person { Name = "New Rep", Email = "new.rep@world.test", ManagerId = world.SupervisorA.Id, CreatedAt = now, UpdatedAt = now };
        newcomer.RefreshKeys();
        await app.InScopeAsync(async s =>
        {
            var db = s.Get<SalesMentorDb>();
            db.People.Add(newcomer);
            return await db.SaveChangesAsync();
        });
        Assert.True((await Tree(app)).IsAbove(world.SupervisorA.Id, newcomer.Id));

        // A delete.
        await app.InScopeAsync(s => s.Get<SalesMentorDb>().People.Where(p => p.Id == newcomer.Id).ExecuteDeleteAsync());
        Assert.DoesNotContain(newcomer.Id, (await Tree(app)).People);
    }

    [Theory, BothProviders]
    public async Task OtherColumns_DoNotInvalidateTheTree(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var before = await Tree(app);

        await app.InScopeAsync(s => s.Get<SalesMentorDb>().People.Where(p => p.Id == world.RepA.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Title, "Senior AE")));

        Assert.Same(before, await Tree(app));
    }

    [Theory, BothProviders]
    public async Task AChangeInsideATransaction_ThatRollsBack_LeavesTheStoredTree(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        await Tree(app);

        await app.InScopeAsync(async s =>
        {
            var db = s.Get<SalesMentorDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.People.Where(p => p.Id == world.RepA.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ManagerId, world.SupervisorB.Id));
            // Seen inside its own transaction...
            Assert.True((await s.Get<Access>().HierarchyAsync(default)).IsAbove(world.SupervisorB.Id, world.RepA.Id));
            await transaction.RollbackAsync();
            return 0;
        });

        // ...and gone for everyone once it rolled back, even after another write brought the counter to the number the
        // rolled-back one had (what is read inside a transaction is never kept).
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var newcomer = new Person { Name = "New Rep", Email = "new.rep@world.test", ManagerId = world.SupervisorB.Id, CreatedAt = now, UpdatedAt = now };
        newcomer.RefreshKeys();
        await app.SeedAsync(db => db.People.Add(newcomer));
        var after = await Tree(app);
        Assert.True(after.IsAbove(world.SupervisorA.Id, world.RepA.Id));
        Assert.False(after.IsAbove(world.SupervisorB.Id, world.RepA.Id));
    }
}
