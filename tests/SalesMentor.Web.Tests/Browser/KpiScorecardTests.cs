using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Demo;
using SalesMentor.App.Features.Kpis;
using SalesMentor.Web.Components.Pages.Kpis;
using SalesMentor.Web.Components.Pages.People;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>A demo rep's scorecard tab: the numbers the use case computes, for the period the viewer picks.</summary>
public class KpiScorecardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Scorecard_DemoStarRep_ShowsTheKpisAndFollowsThePeriodSelector() => RunAsync(async () =>
    {
        var host = await StartDemoHostAsync();
        var star = await QueryAsync(host, db => db.Users.Where(u => u.Email == DemoSignIns.Default.Star).Select(u => u.PersonId).SingleAsync());
        Task<ScorecardView> CardAsync(string? kind, string? period) => UseCaseAsync<GetScorecard, ScorecardView>(host,
            uc => uc.HandleAsync(Actor.System, star, new GetScorecardRequest(kind, period), default));
        var current = await CardAsync(null, null);
        var earlier = await CardAsync("quarter", current.Periods[^2].Key);
        var month = await CardAsync("month", "2026-05");
        Assert.NotEqual(Tile(current, "won-revenue").Value, Tile(earlier, "won-revenue").Value);

        var page = await SignedInPageAsync(host, DemoSignIns.Default.Star, DemoSignIns.Password);
        await GotoAsync(page, $"people/{star}");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Scorecard" }).ClickAsync();

        // The quarter of the demo's last day, then the one before it, then a month: every tile follows.
        await ExpectTilesAsync(page, current);
        await Expect(page.GetByTestId("scorecard-star")).ToContainTextAsync(KpiFormat.Status(current.Star!.Status.ToString()));
        await Expect(page.GetByTestId("scorecard-star").GetByTestId("star-evidence").Locator("tbody tr")).ToHaveCountAsync(current.Star.Quarters.Count + (current.Star.Trailing is null ? 0 : 1));
        await Expect(page.GetByTestId("chart-won-revenue").Locator("svg")).ToBeVisibleAsync();

        // The behaviours with a CRM signal, month by month, as the use case computes them.
        var signals = await UseCaseAsync<GetBehaviourSignals, BehaviourSignalsView>(host, uc => uc.HandleAsync(Actor.System, star, new GetBehaviourSignalsRequest(), default));
        var behaviours = page.GetByTestId("behaviour-signal");
        await Expect(behaviours).ToHaveCountAsync(signals.Behaviours.Count);
        for (var i = 0; i < signals.Behaviours.Count; i++)
        {
            var b = signals.Behaviours[i];
            await Expect(behaviours.Nth(i).Locator("td").Last).ToHaveTextAsync(ScorecardBehaviours.Format(b.Signal, b.Values[^1]));
        }

        await ChooseAsync(page, "scorecard-period", earlier.Period.Label);
        await ExpectTilesAsync(page, earlier);

        await ChooseAsync(page, "scorecard-kind", "Month");
        await ChooseAsync(page, "scorecard-period", "2026-05");
        await ExpectTilesAsync(page, month);
        await Expect(page.GetByTestId("scorecard-range")).ToContainTextAsync("2026-05-01 to 2026-05-31");
    });

    private static async Task ExpectTilesAsync(IPage page, ScorecardView card)
    {
        foreach (var id in new[] { "won-revenue", "quota-attainment", "win-rate-by-count", "pipeline-created", "closed-deals" })
        {
            var tile = Tile(card, id);
            await Expect(page.GetByTestId($"kpi-value-{id}")).ToHaveTextAsync(KpiFormat.Value(tile.Kpi, tile.Value, card.Currency));
        }

        var won = Tile(card, "won-revenue");
        await Expect(page.GetByTestId("kpi-tile-won-revenue").GetByTestId("kpi-band")).ToHaveTextAsync(KpiFormat.Band(won.Band));
    }

    private static KpiTileView Tile(ScorecardView card, string id) => card.Tiles.Single(t => t.Kpi.Id == id);

    /// <summary>Opens a MudSelect and picks the option with this text.</summary>
    internal static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = option, Exact = true }).ClickAsync();
    }
}
