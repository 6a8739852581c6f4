using SalesMentor.App.Common;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.People;

public class SearchPeopleTests
{
    [Theory, BothProviders]
    public async Task Search_IgnoresCaseAndAccents(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var page = await app.InScopeAsync(s => s.Get<SearchPeople>().HandleAsync(TestApp.As(world.RepC), new SearchPeopleRequest("zoe o'brien"), default));
        Assert.Equal([world.RepA.Id], page.Value.Items.Select(p => p.Id));
    }

    [Theory, BothProviders]
    public async Task Search_FindsNonLatinNamesAndEmails(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var byName = await app.InScopeAsync(s => s.Get<SearchPeople>().HandleAsync(TestApp.As(world.RepC), new SearchPeopleRequest("小龍"), default));
        var byEmail = await app.InScopeAsync(s => s.Get<SearchPeople>().HandleAsync(TestApp.As(world.RepC), new SearchPeopleRequest("REP.C@"), default));
        Assert.Equal("李小龍", Assert.Single(byName.Value.Items).Name);
        Assert.Equal(world.RepC.Id, Assert.Single(byEmail.Value.Items).Id);
    }

    [Theory, BothProviders]
    public async Task Filters_ByTeamManagerAndActive(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        await app.SeedAsync(db =>
        {
            db.Attach(world.RepB);
            world.RepB.LeftOn = new DateOnly(2026, 3, 1);
        });
        var actor = TestApp.As(world.RepC);
        var team = await app.InScopeAsync(s => s.Get<SearchPeople>().HandleAsync(actor, new SearchPeopleRequest(TeamId: world.TeamA.Id, Active: null), default));
        var active = await app.InScopeAsync(s => s.Get<SearchPeople>().HandleAsync(actor, new SearchPeopleRequest(ManagerId: world.SupervisorA.Id, Active: true), default));
        var left = await app.InScopeAsync(s => s.Get<SearchPeople>().HandleAsync(actor, new SearchPeopleRequest(Active: false), default));
        Assert.Equal(
            new[] { world.SupervisorA.Id, world.RepA.Id, world.RepB.Id, world.Disabled.Id }.Order(),
            team.Value.Items.Select(p => p.Id).Order());
        Assert.Equal(new[] { world.RepA.Id, world.Disabled.Id }.Order(), active.Value.Items.Select(p => p.Id).Order());
        Assert.Equal([world.RepB.Id], left.Value.Items.Select(p => p.Id));
        Assert.False(left.Value.Items[0].IsActive);
    }

    [Theory, BothProviders]
    public async Task Paging_ReportsTotalAndSortsDescending(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var first = await app.InScopeAsync(s => s.Get<SearchPeople>().HandleAsync(TestApp.As(world.RepA),
            new SearchPeopleRequest(Sort: PeopleSort.Name, Descending: true, Paging: new PageRequest(0, 4)), default));
        var second = await app.InScopeAsync(s => s.Get<SearchPeople>().HandleAsync(TestApp.As(world.RepA),
            new SearchPeopleRequest(Sort: PeopleSort.Name, Descending: true, Paging: new PageRequest(1, 4)), default));
        Assert.Equal(world.Everyone.Count(), first.Value.Total);
        Assert.Equal(4, first.Value.Items.Count);
        Assert.Empty(first.Value.Items.Select(p => p.Id).Intersect(second.Value.Items.Select(p => p.Id)));
        Assert.Equal("李小龍", first.Value.Items[0].Name);
    }

    [Theory, BothProviders]
    public async Task NaughtySearch_NeverFails(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        foreach (var text in NaughtyStrings.All.Where(s => s.Length <= 200))
        {
            var result = await app.InScopeAsync(s => s.Get<SearchPeople>().HandleAsync(TestApp.As(world.RepA), new SearchPeopleRequest(text), default));
            Assert.True(result.IsSuccess, $"search for {text} failed");
        }
    }
}
