using System.Net;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Audit;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;
using SalesMentor.Web.Tests.Security;

namespace SalesMentor.Web.Tests.Api;

/// <summary>The people API's happy paths: directory, person, sales records, org chart, teams and regions, edits.</summary>
public class PeopleEndpointsTests
{
    [Fact]
    public async Task SearchPeople_SignedIn_ReturnsThePage()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.RepA.Email!);
        var page = await client.GetFromJsonAsync<Paged<PersonRow>>("/api/people?search=zoe");
        Assert.Equal(world.RepA.Name, Assert.Single(page!.Items).Name);
    }

    [Fact]
    public async Task SearchPeople_Anonymous_Is401()
    {
        await using var host = await WebTestHost.StartAsync();
        using var client = host.CreateClient();
        using var response = await client.GetAsync("/api/people");
        Assert.Equal("auth.required", await TestHttp.AssertProblemAsync(response, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task SearchPeople_Filters_NarrowTheDirectory()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var repC = (await admin.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepC.Id}"))!;
        using var left = await admin.PutAsJsonAsync($"/api/people/{world.RepC.Id}", TestHttp.UpdateOf(repC) with { LeftOn = new DateOnly(2025, 1, 31) });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        using var rep = await host.SignedInClientAsync(world.RepB.Email!);

        async Task<string[]> NamesAsync(string query) =>
            [.. (await rep.GetFromJsonAsync<Paged<PersonRow>>("/api/people?pageSize=100&" + query))!.Items.Select(p => p.Name).Order(StringComparer.Ordinal)];
        string[] Of(params Person[] people) => [.. people.Select(p => p.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(Of(world.SupervisorA, world.RepA, world.RepB, world.Disabled), await NamesAsync($"teamId={world.TeamA.Id}"));
        Assert.Equal(Of(world.RepA, world.RepB, world.Disabled), await NamesAsync($"managerId={world.SupervisorA.Id}"));
        Assert.Equal(Of([.. world.Everyone]), await NamesAsync($"regionId={world.Region.Id}"));
        Assert.Equal(Of(world.RepC), await NamesAsync("active=false"));
        Assert.Equal(Of([.. world.Everyone.Where(p => p != world.RepC)]), await NamesAsync("active=true"));
        Assert.Equal(Of(world.RepB), await NamesAsync("search=" + Uri.EscapeDataString("李")));
        Assert.Equal(Of(world.SupervisorA), await NamesAsync("search=SUP.A%40WORLD"));

        var byTitle = (await rep.GetFromJsonAsync<Paged<PersonRow>>("/api/people?sort=Title&descending=true&pageSize=100"))!.Items.Select(p => p.Title).ToList();
        Assert.Equal(byTitle.OrderDescending(StringComparer.Ordinal), byTitle);

        var page = (await rep.GetFromJsonAsync<Paged<PersonRow>>("/api/people?page=1&pageSize=4"))!;
        Assert.Equal((9, 1, 4, 4), (page.Total, page.Page, page.PageSize, page.Items.Count));
        var last = (await rep.GetFromJsonAsync<Paged<PersonRow>>("/api/people?page=2&pageSize=4"))!;
        Assert.Single(last.Items);
        Assert.DoesNotContain(last.Items[0].Id, page.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task GetPerson_SignedIn_ShowsTheChainReportsAndWhatTheCallerMaySee()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var rep = await host.SignedInClientAsync(world.RepB.Email!);

        var repA = (await rep.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepA.Id}"))!;
        Assert.Equal((world.RepA.Name, world.RepA.Email, "Account Executive", "Team A", "North", "Europe/Berlin"), (repA.Name, repA.Email, repA.Title, repA.Team, repA.Region, repA.TimeZone));
        Assert.Equal(new[] { world.SupervisorA.Id, world.Vp.Id }, repA.ManagerChain.Select(m => m.Id));
        Assert.Empty(repA.DirectReports);
        Assert.True(repA.IsActive);
        Assert.True(repA.CanSeeSalesData);

        var supA = (await rep.GetFromJsonAsync<PersonDetails>($"/api/people/{world.SupervisorA.Id}"))!;
        Assert.Equal(new[] { world.RepA, world.RepB, world.Disabled }.Select(p => p.Id).Order(), supA.DirectReports.Select(r => r.Id).Order());

        using var missing = await rep.GetAsync($"/api/people/{Guid.NewGuid()}");
        Assert.Equal("person.not_found", await TestHttp.AssertProblemAsync(missing, HttpStatusCode.NotFound));
        using var notAnId = await rep.GetAsync("/api/people/not-an-id");
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
    }

    [Fact]
    public async Task GetPerson_OwnAndChainVisibility_TellsTheCallerWhetherSalesDataIsVisible()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using (var admin = await host.SignedInClientAsync(world.Admin.Email!)) await TestHttp.SetVisibilityAsync(admin, SalesDataVisibility.OwnAndManagementChain);
        using var repB = await host.SignedInClientAsync(world.RepB.Email!);
        using var supA = await host.SignedInClientAsync(world.SupervisorA.Email!);
        Assert.False((await repB.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepA.Id}"))!.CanSeeSalesData);
        Assert.True((await supA.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepA.Id}"))!.CanSeeSalesData);
        Assert.True((await repB.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepB.Id}"))!.CanSeeSalesData);
    }

    [Fact]
    public async Task PersonOpportunities_Paging_PagesNewestCloseDateFirst()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.SupervisorA.Email!);
        var first = (await client.GetFromJsonAsync<Paged<OpportunityRow>>($"/api/people/{world.RepA.Id}/opportunities?page=0&pageSize=2"))!;
        var second = (await client.GetFromJsonAsync<Paged<OpportunityRow>>($"/api/people/{world.RepA.Id}/opportunities?page=1&pageSize=2"))!;
        Assert.Equal((3, 2, 1), (first.Total, first.Items.Count, second.Items.Count));
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal(all.Select(o => o.CloseDate).OrderDescending(), all.Select(o => o.CloseDate));
        Assert.All(all, o => Assert.Contains(world.RepA.Name, o.Name, StringComparison.Ordinal));
        Assert.Equal(3, all.Select(o => o.Id).Distinct().Count());
        var won = Assert.Single(all, o => o.IsWon);
        Assert.Equal((1000m, "USD", true), (won.Amount, won.Currency, won.IsClosed));

        var everything = (await client.GetFromJsonAsync<Paged<OpportunityRow>>($"/api/people/{world.RepA.Id}/opportunities"))!;
        Assert.Equal((3, 25), (everything.Items.Count, everything.PageSize));
        var none = (await client.GetFromJsonAsync<Paged<OpportunityRow>>($"/api/people/{world.SupervisorA.Id}/opportunities"))!;
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task PersonActivities_Paging_PagesNewestFirst()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.RepA.Email!);
        var first = (await client.GetFromJsonAsync<Paged<ActivityRow>>($"/api/people/{world.RepA.Id}/activities?page=0&pageSize=2"))!;
        var second = (await client.GetFromJsonAsync<Paged<ActivityRow>>($"/api/people/{world.RepA.Id}/activities?page=1&pageSize=2"))!;
        Assert.Equal((3, 2, 1), (first.Total, first.Items.Count, second.Items.Count));
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal(new[] { new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 7), new DateOnly(2026, 1, 6) }, all.Select(a => a.Date));
        Assert.All(all, a => Assert.Equal((ActivityType.Call, 15, true), (a.Type, a.DurationMinutes, a.Completed)));
    }

    [Fact]
    public async Task OrgChart_SignedIn_ShowsTheManagerTree()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.RepC.Email!);
        var roots = (await client.GetFromJsonAsync<List<OrgChartNode>>("/api/org-chart"))!;
        var vp = Assert.Single(roots);
        Assert.Equal((world.Vp.Id, 8), (vp.Id, vp.TotalBelow));
        Assert.Equal(new[] { world.SupervisorA, world.SupervisorB, world.Admin }.Select(p => p.Id).Order(), vp.Reports.Select(r => r.Id).Order());
        var supA = vp.Reports.Single(r => r.Id == world.SupervisorA.Id);
        Assert.Equal(new[] { world.RepA, world.RepB, world.Disabled }.Select(p => p.Id).Order(), supA.Reports.Select(r => r.Id).Order());
        Assert.Equal("Team A", supA.Team);
        Assert.True(supA.IsActive);

        var withInactive = (await client.GetFromJsonAsync<List<OrgChartNode>>("/api/org-chart?includeInactive=true"))!;
        Assert.Equal(8, Assert.Single(withInactive).TotalBelow);
    }

    [Fact]
    public async Task TeamsAndRegions_SignedIn_CountActiveMembers()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var client = await host.SignedInClientAsync(world.Star.Email!);
        var teams = (await client.GetFromJsonAsync<List<TeamRow>>("/api/teams"))!;
        Assert.Equal(new[] { ("Team A", 4, "North"), ("Team B", 3, "North") }, teams.Select(t => (t.Name, t.Members, t.Region!)));
        var regions = (await client.GetFromJsonAsync<List<RegionRow>>("/api/regions"))!;
        Assert.Equal(("North", 9), (Assert.Single(regions).Name, regions[0].Members));
    }

    [Fact]
    public async Task UpdatePerson_AsAdmin_SavesBumpsTheVersionAndAudits()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var before = (await admin.GetFromJsonAsync<PersonDetails>($"/api/people/{world.RepA.Id}"))!;
        var edit = TestHttp.UpdateOf(before) with
        {
            Name = "Zoë O'Brien-Ångström", Email = "Zoe.New@World.Test", Title = "Senior Account Executive", TeamId = world.TeamB.Id,
            ManagerId = world.SupervisorB.Id, HireDate = new DateOnly(2021, 3, 1), TimeZone = "America/New_York",
        };
        using var response = await admin.PutAsJsonAsync($"/api/people/{world.RepA.Id}", edit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = (await response.Content.ReadFromJsonAsync<PersonDetails>())!;
        Assert.Equal((edit.Name, "zoe.new@world.test", edit.Title, "Team B", edit.HireDate, edit.TimeZone, before.Version + 1),
            (after.Name, after.Email, after.Title, after.Team, after.HireDate, after.TimeZone, after.Version));
        Assert.Equal(new[] { world.SupervisorB.Id, world.Vp.Id }, after.ManagerChain.Select(m => m.Id));

        var audit = (await admin.GetFromJsonAsync<Paged<AuditRow>>("/api/audit?action=person.update"))!;
        Assert.Equal(world.RepA.Id.ToString(), Assert.Single(audit.Items).ResourceId);
        Assert.DoesNotContain("Ångström", await admin.GetStringAsync("/api/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatePerson_BreaksARule_IsRefusedWithItsCodeAndChangesNothing()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var valid = TestHttp.UpdateOf((await admin.GetFromJsonAsync<PersonDetails>($"/api/people/{world.SupervisorA.Id}"))!);
        var cases = new (string What, UpdatePersonRequest Edit, HttpStatusCode Status, string Code)[]
        {
            ("manager is the person", valid with { ManagerId = world.SupervisorA.Id }, HttpStatusCode.BadRequest, "person.manager_self"),
            ("manager reports to the person", valid with { ManagerId = world.RepA.Id }, HttpStatusCode.BadRequest, "person.manager_cycle"),
            ("unknown manager", valid with { ManagerId = Core.People.PersonId.New() }, HttpStatusCode.BadRequest, "person.manager"),
            ("unknown team", valid with { TeamId = Guid.NewGuid() }, HttpStatusCode.BadRequest, "person.team"),
            ("unknown region", valid with { RegionId = Guid.NewGuid() }, HttpStatusCode.BadRequest, "person.region"),
            ("left before hired", valid with { LeftOn = new DateOnly(2020, 1, 1) }, HttpStatusCode.BadRequest, "person.invalid"),
            ("no name", valid with { Name = " " }, HttpStatusCode.BadRequest, "person.invalid"),
            ("not an email", valid with { Email = "sam at world" }, HttpStatusCode.BadRequest, "person.invalid"),
            ("unknown time zone", valid with { TimeZone = "Mars/Olympus_Mons" }, HttpStatusCode.BadRequest, "person.invalid"),
            ("email of another person", valid with { Email = world.RepA.Email!.ToUpperInvariant() }, HttpStatusCode.Conflict, "person.email_taken"),
        };
        var before = TestHttp.Snapshot(await TestHttp.StoredPersonAsync(host, world.SupervisorA.Id));
        foreach (var (what, edit, status, code) in cases)
        {
            using var response = await admin.PutAsJsonAsync($"/api/people/{world.SupervisorA.Id}", edit);
            Assert.True(response.StatusCode == status && await TestHttp.ProblemCodeAsync(response) == code,
                $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(before, TestHttp.Snapshot(await TestHttp.StoredPersonAsync(host, world.SupervisorA.Id)));
        }
    }

    [Fact]
    public async Task UpdatePerson_StaleVersion_Is409()
    {
        await using var host = await WebTestHost.StartAsync();
        var world = await host.CreateWorldAsync();
        using var admin = await host.SignedInClientAsync(world.Admin.Email!);
        var read = (await admin.GetFromJsonAsync<PersonDetails>($"/api/people/{world.Star.Id}"))!;
        using var first = await admin.PutAsJsonAsync($"/api/people/{world.Star.Id}", TestHttp.UpdateOf(read) with { Title = "Star of the year" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var stale = await admin.PutAsJsonAsync($"/api/people/{world.Star.Id}", TestHttp.UpdateOf(read) with { Title = "Overwritten" });
        Assert.Equal("concurrency.conflict", await TestHttp.AssertProblemAsync(stale, HttpStatusCode.Conflict));
        Assert.Equal("Star of the year", (await TestHttp.StoredPersonAsync(host, world.Star.Id))!.Title);
    }
}
