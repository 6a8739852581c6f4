using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.People;

public class SalesDataVisibilityTests
{
    public enum Viewer { Self, Teammate, Supervisor, Vp, OtherSupervisor, Admin }

    [Theory]
    [InlineData(SalesDataVisibility.Everyone, Viewer.Self, true)]
    [InlineData(SalesDataVisibility.Everyone, Viewer.Teammate, true)]
    [InlineData(SalesDataVisibility.Everyone, Viewer.OtherSupervisor, true)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, Viewer.Self, true)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, Viewer.Supervisor, true)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, Viewer.Vp, true)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, Viewer.Admin, true)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, Viewer.Teammate, false)]
    [InlineData(SalesDataVisibility.OwnAndManagementChain, Viewer.OtherSupervisor, false)]
    public async Task Opportunities_FollowTheOrganizationSetting(SalesDataVisibility visibility, Viewer viewer, bool visible)
    {
        foreach (var provider in new[] { Provider.Sqlite, Provider.Postgres })
        {
            await using var app = await TestApp.StartAsync(provider);
            var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
            await app.SeedAsync(db => db.OrganizationSettings.Single().SalesDataVisibility = visibility);
            var actor = viewer switch
            {
                Viewer.Self => TestApp.As(world.RepA),
                Viewer.Teammate => TestApp.As(world.RepB),
                Viewer.Supervisor => TestApp.As(world.SupervisorA),
                Viewer.Vp => TestApp.As(world.Vp),
                Viewer.OtherSupervisor => TestApp.As(world.SupervisorB),
                _ => TestApp.As(world.Admin, admin: true),
            };

            var opportunities = await app.InScopeAsync(s => s.Get<GetPersonOpportunities>().HandleAsync(actor, world.RepA.Id, default, default));
            var activities = await app.InScopeAsync(s => s.Get<GetPersonActivities>().HandleAsync(actor, world.RepA.Id, default, default));
            var person = await app.InScopeAsync(s => s.Get<GetPerson>().HandleAsync(actor, world.RepA.Id, default));

            Assert.Equal(visible, opportunities.IsSuccess);
            Assert.Equal(visible, activities.IsSuccess);
            Assert.Equal(visible, person.Value.CanSeeSalesData);
            if (visible) Assert.Equal(3, opportunities.Value.Total);
            else Assert.Equal(ErrorKind.NotFound, opportunities.Error!.Kind);
        }
    }

    [Fact]
    public async Task MissingPerson_IsNotFound()
    {
        await using var app = await TestApp.StartAsync(Provider.Sqlite);
        var result = await app.InScopeAsync(s => s.Get<GetPersonOpportunities>().HandleAsync(TestApp.AdminActor, Core.People.PersonId.New(), default, default));
        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
    }
}
