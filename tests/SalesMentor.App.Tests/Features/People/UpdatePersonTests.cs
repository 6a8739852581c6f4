using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.People;

public class UpdatePersonTests
{
    private static UpdatePersonRequest From(PersonDetails p) =>
        new(p.Name, p.Email, p.Title, p.TeamId, p.RegionId, (p.ManagerChain.Count > 0 ? p.ManagerChain[0].Id : null), p.HireDate, p.LeftOn, p.TimeZone, p.Version);

    private static Task<Result<PersonDetails>> Get(TestApp app, Domain.Person person) =>
        app.InScopeAsync(s => s.Get<GetPerson>().HandleAsync(TestApp.AdminActor, person.Id, default));

    [Theory, BothProviders]
    public async Task Update_MovesAPersonToAnotherManager(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var current = (await Get(app, world.RepA)).Value;

        var result = await app.InScopeAsync(s => s.Get<UpdatePerson>().HandleAsync(TestApp.AdminActor, world.RepA.Id,
            From(current) with { ManagerId = world.SupervisorB.Id, TeamId = world.TeamB.Id, Title = "Senior AE" }, default));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal([world.SupervisorB.Id, world.Vp.Id], result.Value.ManagerChain.Select(m => m.Id));
        Assert.Equal("Team B", result.Value.Team);
        Assert.Equal(current.Version + 1, result.Value.Version);
    }

    [Theory, BothProviders]
    public async Task Update_StaleVersion_IsAConflict(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var current = (await Get(app, world.RepA)).Value;
        var first = await app.InScopeAsync(s => s.Get<UpdatePerson>().HandleAsync(TestApp.AdminActor, world.RepA.Id, From(current) with { Title = "First" }, default));
        var second = await app.InScopeAsync(s => s.Get<UpdatePerson>().HandleAsync(TestApp.AdminActor, world.RepA.Id, From(current) with { Title = "Second" }, default));
        Assert.True(first.IsSuccess);
        Assert.Equal("concurrency.conflict", second.Error?.Code);
        Assert.Equal("First", (await Get(app, world.RepA)).Value.Title);
    }

    [Fact]
    public async Task Update_ManagerCycle_IsRefused()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var vp = (await Get(app, world.Vp)).Value;
        var result = await app.InScopeAsync(s => s.Get<UpdatePerson>().HandleAsync(TestApp.AdminActor, world.Vp.Id, From(vp) with { ManagerId = world.RepA.Id }, default));
        Assert.Equal("person.manager_cycle", result.Error?.Code);
        Assert.Empty((await Get(app, world.Vp)).Value.ManagerChain);
    }

    [Theory]
    [InlineData("", null, null, "person.invalid")]
    [InlineData("Name", "not an email", null, "person.invalid")]
    [InlineData("Name", null, "Nowhere/Atlantis", "person.invalid")]
    [InlineData("Name", "rep.b@world.test", null, "person.email_taken")]
    public async Task Update_BadInput_IsRefusedAndNothingChanges(string name, string? email, string? zone, string code)
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var before = (await Get(app, world.RepA)).Value;
        var result = await app.InScopeAsync(s => s.Get<UpdatePerson>().HandleAsync(TestApp.AdminActor, world.RepA.Id,
            From(before) with { Name = name, Email = email, TimeZone = zone }, default));
        Assert.Equal(code, result.Error?.Code);
        Assert.Equivalent(before, (await Get(app, world.RepA)).Value);
    }

    [Fact]
    public async Task Update_ByNonAdmin_IsForbidden()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var before = (await Get(app, world.RepA)).Value;
        var result = await app.InScopeAsync(s => s.Get<UpdatePerson>().HandleAsync(TestApp.As(world.SupervisorA), world.RepA.Id, From(before) with { Title = "x" }, default));
        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
    }

    [Theory, BothProviders]
    public async Task Update_RealNames_RoundTripUnchanged(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        foreach (var name in NaughtyStrings.RealNames)
        {
            var before = (await Get(app, world.RepA)).Value;
            var result = await app.InScopeAsync(s => s.Get<UpdatePerson>().HandleAsync(TestApp.AdminActor, world.RepA.Id, From(before) with { Name = name, Title = name }, default));
            Assert.True(result.IsSuccess, result.Error?.Message);
            var after = (await Get(app, world.RepA)).Value;
            Assert.Equal((name, name), (after.Name, after.Title));
        }

        await using var scope = app.Scope();
        Assert.Single(await scope.Db.People.Where(p => p.SearchKey.Contains("NGUYEN")).ToListAsync());
    }
}
