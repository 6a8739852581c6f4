using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Demo;
using SalesMentor.App.Features.People;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>Signing in and browsing the organization: home, directory, person page, org chart.</summary>
public class BrowseOrganizationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task SignIn_DemoAdmin_LandsOnHomeShowingTheirName() => RunAsync(async () =>
    {
        var host = await StartDemoHostAsync();
        var name = await QueryAsync(host, db => db.Users.Where(u => u.Email == DemoSignIns.Default.Admin).Select(u => u.Person!.Name).SingleAsync());
        var active = await UseCaseAsync<SearchPeople, Paged<PersonRow>>(host, uc => uc.HandleAsync(Actor.System, new SearchPeopleRequest(Active: true), default));

        var page = await SignedInPageAsync(host, DemoSignIns.Default.Admin, DemoSignIns.Password);

        await Expect(page).ToHaveURLAsync(host.BaseAddress.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = $"Welcome, {name}" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("active-people")).ToHaveTextAsync(active.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(MenuLink(page, "Accounts")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Directory_SearchTeamFilterAndPaging_ShowOnlyMatchingPeople() => RunAsync(async () =>
    {
        var host = await StartDemoHostAsync();
        var everyone = await Search(host, new SearchPeopleRequest(Active: true, Paging: new PageRequest(0, PageRequest.MaxPageSize)));
        Assert.True(everyone.Total > 50, $"The demo should fill more than two pages; it has {everyone.Total} active people.");

        // A surname a few people share (one with an accent when there is one): typed in lower case, without its accents.
        var surname = everyone.Items.Select(p => p.Name.Split(' ')[^1]).GroupBy(s => s)
            .Where(g => g.Count() is >= 2 and <= 10 && RemoveAccents(g.Key).All(char.IsAsciiLetter))
            .Select(g => g.Key).OrderBy(s => s.All(char.IsAscii)).ThenBy(s => s, StringComparer.Ordinal).First();
        var typed = RemoveAccents(surname).ToLowerInvariant();
        var found = await Search(host, new SearchPeopleRequest(typed, Active: true));
        var team = everyone.Items.Where(p => p.Team is not null).GroupBy(p => p.Team!).OrderBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var teamId = await QueryAsync(host, db => db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync());
        var inTeam = await Search(host, new SearchPeopleRequest(TeamId: teamId, Active: true));
        var pageTwo = await Search(host, new SearchPeopleRequest(Active: true, Paging: new PageRequest(1, 25)));

        var page = await SignedInPageAsync(host, DemoSignIns.Default.Admin, DemoSignIns.Password);
        await MenuLink(page, "People").ClickAsync();
        var grid = page.GetByTestId("people-grid");
        var names = Rows(grid).GetByTestId("person-link");
        await Expect(names).ToHaveTextAsync(everyone.Items.Take(25).Select(p => p.Name).ToArray());
        await Expect(PagerCaption(grid)).ToHaveTextAsync($"1-25 of {everyone.Total}");

        // Paging: the next page shows the next 25 people.
        await grid.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Next page" }).ClickAsync();
        await Expect(PagerCaption(grid)).ToHaveTextAsync($"26-50 of {everyone.Total}");
        await Expect(names).ToHaveTextAsync(pageTwo.Items.Select(p => p.Name).ToArray());

        // Search: only the people whose name (or email) matches, whatever the case and accents.
        await page.GetByTestId("people-search").FillAsync(typed);
        await Expect(PagerCaption(grid)).ToHaveTextAsync($"1-{found.Total} of {found.Total}");
        await Expect(names).ToHaveTextAsync(found.Items.Select(p => p.Name).ToArray());
        Assert.InRange(found.Total, 2, 24);
        Assert.All(found.Items, p => Assert.Contains(typed, RemoveAccents(p.Name + " " + p.Email).ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Contains(found.Items, p => p.Name.EndsWith(surname, StringComparison.Ordinal));

        // Clearing the search brings everyone back; a team filter keeps only that team.
        await page.GetByTestId("people-search").FillAsync("");
        await Expect(PagerCaption(grid)).ToHaveTextAsync($"1-25 of {everyone.Total}");
        await page.GetByTestId("team-filter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = team, Exact = true }).ClickAsync();
        await Expect(PagerCaption(grid)).ToHaveTextAsync($"1-{Math.Min(25, inTeam.Total)} of {inTeam.Total}");
        await Expect(names).ToHaveTextAsync(inTeam.Items.Select(p => p.Name).ToArray());
        Assert.True(inTeam.Total < everyone.Total);
        var teams = await Rows(grid).Locator("td[data-label='Team']").AllInnerTextsAsync();
        Assert.All(teams, t => Assert.Equal(team, t.Trim()));
    });

    [Fact]
    public Task PersonPage_ManagerThenTheirRep_ShowsDetailsChainReportsAndPagedSalesTables() => RunAsync(async () =>
    {
        var host = await StartDemoHostAsync();
        var (managerId, repId) = await QueryAsync(host, async db =>
        {
            var people = await db.People.Select(p => new { p.Id, p.ManagerId, p.LeftOn }).ToListAsync();
            var activeManagers = people.Where(p => p.LeftOn is null).Select(p => p.Id).ToHashSet();
            var deals = (await db.Opportunities.GroupBy(o => o.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
                .Where(g => g.Key is not null).ToDictionary(g => g.Key!.Value, g => g.Count);
            var calls = (await db.Activities.GroupBy(a => a.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
                .Where(g => g.Key is not null).ToDictionary(g => g.Key!.Value, g => g.Count);
            var vp = people.Single(p => p.ManagerId is null && people.Any(r => r.ManagerId == p.Id)).Id;
            var rep = people.Where(p => p.ManagerId is { } m && m != vp && activeManagers.Contains(m) && deals.GetValueOrDefault(p.Id) > 20 && calls.GetValueOrDefault(p.Id) > 10)
                .OrderBy(p => p.Id.ToString(), StringComparer.Ordinal).First();
            return (rep.ManagerId!.Value, rep.Id);
        });
        var manager = await UseCaseAsync<GetPerson, PersonDetails>(host, uc => uc.HandleAsync(Actor.System, managerId, default));
        var rep = await UseCaseAsync<GetPerson, PersonDetails>(host, uc => uc.HandleAsync(Actor.System, repId, default));
        var (deals, calls) = await QueryAsync(host, async db => (
            await db.Opportunities.CountAsync(o => o.OwnerId == repId),
            await db.Activities.CountAsync(a => a.OwnerId == repId)));

        var page = await SignedInPageAsync(host, DemoSignIns.Default.Admin, DemoSignIns.Password);
        await MenuLink(page, "People").ClickAsync();
        var matches = await Search(host, new SearchPeopleRequest(manager.Name, Active: true));
        await page.GetByTestId("people-search").FillAsync(manager.Name);
        await Expect(PagerCaption(page.GetByTestId("people-grid"))).ToHaveTextAsync($"1-{matches.Total} of {matches.Total}"); // the search has run
        await Rows(page.GetByTestId("people-grid")).GetByTestId("person-link").GetByText(manager.Name, new LocatorGetByTextOptions { Exact = true }).ClickAsync();

        // The manager: title, team, region, chain up to the VP, and every direct report.
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, $"people/{managerId}").ToString());
        await Expect(page.GetByTestId("person-name")).ToHaveTextAsync(manager.Name);
        await Expect(page.GetByText(manager.Title!, new PageGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        await ExpectDetailsAsync(page, manager);
        await Expect(page.GetByText($"Direct reports ({manager.DirectReports.Count})")).ToBeVisibleAsync();
        Assert.NotEmpty(manager.DirectReports);
        var reports = page.GetByTestId("direct-reports").GetByRole(AriaRole.Option);
        await Expect(reports).ToHaveTextAsync(manager.DirectReports.Select(r => NameThenTitle(r.Name, r.Title)).ToArray());

        // One of their reps, reached through the list: the chain grows, and the sales tables are paged.
        await reports.Filter(new LocatorFilterOptions { HasTextRegex = NameThenTitle(rep.Name, rep.Title) }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, $"people/{repId}").ToString());
        await Expect(page.GetByTestId("person-name")).ToHaveTextAsync(rep.Name);
        await ExpectDetailsAsync(page, rep);
        await Expect(page.GetByTestId("direct-reports").Locator(".mud-list-item")).ToHaveCountAsync(0);

        var opportunities = page.GetByTestId("opportunities-grid");
        await Expect(Rows(opportunities)).ToHaveCountAsync(10);
        await Expect(PagerCaption(opportunities)).ToHaveTextAsync($"1-10 of {deals}");
        var first = await Rows(opportunities).First.TextContentAsync() ?? "";
        await opportunities.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Next page" }).ClickAsync();
        await Expect(PagerCaption(opportunities)).ToHaveTextAsync($"11-{Math.Min(20, deals)} of {deals}");
        await Expect(Rows(opportunities).First).Not.ToHaveTextAsync(first);

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Activities" }).ClickAsync();
        var activities = page.GetByTestId("activities-grid");
        await Expect(Rows(activities)).ToHaveCountAsync(10);
        await Expect(PagerCaption(activities)).ToHaveTextAsync($"1-10 of {calls}");
    });

    [Fact]
    public Task PersonPage_EditorOpenThenAnotherPersonsLink_EditorDoesNotCarryOverToThem() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var page = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);
        await GotoAsync(page, $"people/{world.SupervisorA.Id}");
        await page.GetByTestId("edit-person").ClickAsync();
        await Expect(page.GetByTestId("edit-name")).ToHaveValueAsync(world.SupervisorA.Name);

        // Following a link to someone else (same page, another id) must not leave Sam's values in a form for Zoë.
        await page.GetByTestId("direct-reports").GetByRole(AriaRole.Option).Filter(new LocatorFilterOptions { HasText = world.RepA.Name }).ClickAsync();
        await Expect(page.GetByTestId("person-name")).ToHaveTextAsync(world.RepA.Name);
        await Expect(page.GetByTestId("edit-person-form")).ToHaveCountAsync(0);
        await page.GetByTestId("edit-person").ClickAsync();
        await Expect(page.GetByTestId("edit-name")).ToHaveValueAsync(world.RepA.Name);
    });

    [Fact]
    public Task OrgChart_ExpandAndCollapseManager_ShowsAndHidesTheirReports() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var page = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);

        await MenuLink(page, "Org chart").ClickAsync();
        var tree = page.GetByTestId("org-tree");
        await Expect(tree.Locator(":scope > li")).ToHaveCountAsync(1);
        await Expect(tree.GetByTestId("org-node").First).ToHaveTextAsync(world.Vp.Name);

        // The VP's level is open; the managers' levels start closed.
        var supervisorA = Node(tree, world.SupervisorA.Name);
        await Expect(supervisorA).ToBeVisibleAsync();
        await Expect(Node(tree, world.SupervisorB.Name)).ToBeVisibleAsync();
        await Expect(Node(tree, world.RepA.Name)).ToBeHiddenAsync();
        await Expect(Node(tree, world.RepB.Name)).ToBeHiddenAsync();

        await supervisorA.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Expand" }).ClickAsync();
        await Expect(Node(tree, world.RepA.Name)).ToBeVisibleAsync();
        await Expect(Node(tree, world.RepB.Name)).ToBeVisibleAsync();
        await Expect(Node(tree, world.RepC.Name)).ToBeHiddenAsync();

        await supervisorA.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Collapse" }).ClickAsync();
        await Expect(Node(tree, world.RepA.Name)).ToBeHiddenAsync();
        await Expect(Node(tree, world.RepB.Name)).ToBeHiddenAsync();
        await Expect(supervisorA).ToBeVisibleAsync();
    });

    /// <summary>The row of a person in the org chart (their link, and the expand button when they have reports).</summary>
    private static ILocator Node(ILocator tree, string name) =>
        tree.Locator(".mud-treeview-item-content").Filter(new LocatorFilterOptions
        {
            Has = tree.Page.GetByTestId("org-node").GetByText(name, new LocatorGetByTextOptions { Exact = true }),
        });

    private static async Task ExpectDetailsAsync(IPage page, PersonDetails person)
    {
        var details = page.GetByTestId("person-details");
        await Expect(Detail(details, "Team")).ToHaveTextAsync(person.Team ?? "");
        await Expect(Detail(details, "Region")).ToHaveTextAsync(person.Region ?? "");
        await Expect(Detail(details, "Manager")).ToHaveTextAsync(person.ManagerChain[0].Name);
        Assert.False(string.IsNullOrEmpty(person.Team));
        Assert.False(string.IsNullOrEmpty(person.Region));

        // People / VP / … / manager / the person, top down.
        string[] chain = ["People", .. person.ManagerChain.Reverse().Select(m => m.Name), person.Name];
        await Expect(page.GetByTestId("manager-chain").Locator(".mud-breadcrumb-item")).ToHaveTextAsync(chain);
    }

    /// <summary>A list item showing a name, then a title under it.</summary>
    private static Regex NameThenTitle(string name, string? title) => new($"^\\s*{Regex.Escape(name)}\\s*{Regex.Escape(title ?? "")}\\s*$");

    private static ILocator Detail(ILocator details, string label) =>
        details.Locator("tr").Filter(new LocatorFilterOptions { Has = details.Page.Locator("th", new PageLocatorOptions { HasTextString = label }) }).Locator("td");

    private static Task<Paged<PersonRow>> Search(Infrastructure.WebTestHost host, SearchPeopleRequest request) =>
        UseCaseAsync<SearchPeople, Paged<PersonRow>>(host, uc => uc.HandleAsync(Actor.System, request, default));

    private static string RemoveAccents(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
}
