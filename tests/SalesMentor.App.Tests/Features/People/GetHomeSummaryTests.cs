using SalesMentor.App.Common;
using SalesMentor.App.Features.People;
using SalesMentor.App.Features.Settings;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.People;

/// <summary>The home page's figures are the directory's and the team list's, counted without reading them.</summary>
public class GetHomeSummaryTests
{
    [Theory, BothProviders]
    public async Task Summary_CountsWhatTheDirectoryAndTeamListShow_WithoutPeopleWhoLeft(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var actor = TestApp.As(world.RepC);
        var before = (await app.InScopeAsync(s => s.Get<GetHomeSummary>().HandleAsync(actor, default))).Value;
        await app.SeedAsync(db =>
        {
            db.Attach(world.RepB);
            world.RepB.LeftOn = new DateOnly(2026, 3, 1);
        });

        var summary = (await app.InScopeAsync(s => s.Get<GetHomeSummary>().HandleAsync(actor, default))).Value;
        var active = (await app.InScopeAsync(s => s.Get<SearchPeople>().HandleAsync(actor, new SearchPeopleRequest(Active: true), default))).Value;
        var teams = (await app.InScopeAsync(s => s.Get<ListTeams>().HandleAsync(actor, default))).Value;
        var settings = (await app.InScopeAsync(s => s.Get<GetOrganizationSettings>().HandleAsync(actor, default))).Value;
        Assert.Equal((settings.Name, active.Total, teams.Count), (summary.OrganizationName, summary.ActivePeople, summary.Teams));
        Assert.Equal(before.ActivePeople - 1, summary.ActivePeople);
        Assert.DoesNotContain(active.Items, p => p.Id == world.RepB.Id);
    }
}
