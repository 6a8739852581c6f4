using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Demo;
using SalesMentor.App.Features.Kpis;
using SalesMentor.Web.Components.Pages.Kpis;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>The leaderboards page on the demo: ranked, sorted, filtered, linked to people.</summary>
public class KpiLeaderboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Leaderboard_DemoQuarter_IsRankedSortableFilterableAndLinksToPeople() => RunAsync(async () =>
    {
        var host = await StartDemoHostAsync();
        Task<LeaderboardView> BoardAsync(GetLeaderboardRequest request) =>
            UseCaseAsync<GetLeaderboard, LeaderboardView>(host, uc => uc.HandleAsync(Actor.System, request, default));
        var ranked = await BoardAsync(new GetLeaderboardRequest());
        var byValue = await BoardAsync(new GetLeaderboardRequest(Sort: "value"));
        var team = ranked.Items.Select(r => r.Team).OfType<string>().Order(StringComparer.Ordinal).First();
        var teamId = await QueryAsync(host, db => db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync());
        var inTeam = await BoardAsync(new GetLeaderboardRequest(TeamId: teamId, Scope: "team"));

        var page = await SignedInPageAsync(host, DemoSignIns.Default.Admin, DemoSignIns.Password);
        await MenuLink(page, "Leaderboards").ClickAsync();
        var grid = page.GetByTestId("leaderboard-grid");
        var names = Rows(grid).GetByTestId("leaderboard-person");

        // Best first: the use case's order, ranks and values.
        await Expect(names).ToHaveTextAsync([.. ranked.Items.Take(25).Select(r => r.Name)]);
        await Expect(PagerCaption(grid)).ToHaveTextAsync($"1-25 of {ranked.Total}");
        await Expect(Rows(grid).GetByTestId("leaderboard-rank").First).ToHaveTextAsync("1");
        await Expect(Rows(grid).GetByTestId("leaderboard-value").First).ToHaveTextAsync(KpiFormat.Value(ranked.Kpi, ranked.Items[0].Value, ranked.Currency));

        // Sorted by value (smallest first), then filtered to one team ranked among itself.
        await grid.Locator(".sortable-column-header").Filter(new LocatorFilterOptions { HasText = "Won revenue" }).ClickAsync();
        await Expect(names).ToHaveTextAsync([.. byValue.Items.Take(25).Select(r => r.Name)]);
        await KpiScorecardTests.ChooseAsync(page, "leaderboard-team", team);
        await KpiScorecardTests.ChooseAsync(page, "leaderboard-scope", "Same team");
        await Expect(PagerCaption(grid)).ToHaveTextAsync($"1-{inTeam.Total} of {inTeam.Total}");
        var shown = await Rows(grid).Locator("td[data-label='Team']").AllInnerTextsAsync();
        Assert.All(shown, t => Assert.Equal(team, t.Trim()));
        Assert.Equal(inTeam.Items.Select(r => r.Name).Order(StringComparer.Ordinal), (await names.AllInnerTextsAsync()).Order(StringComparer.Ordinal));

        // A name leads to the person's page.
        var first = await names.First.InnerTextAsync();
        await names.First.ClickAsync();
        await Expect(page.GetByTestId("person-name")).ToHaveTextAsync(first);
    });
}
