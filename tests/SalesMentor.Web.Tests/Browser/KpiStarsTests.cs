using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Demo;
using SalesMentor.App.Features.Stars;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>The proven stars page and the admin's star rule page on the demo.</summary>
public class KpiStarsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Stars_Demo_ListsTheStarsWithEvidenceAndWhoHasNotEnoughData() => RunAsync(async () =>
    {
        var host = await StartDemoHostAsync();
        Task<StarListView> ListAsync(params string[] statuses) => UseCaseAsync<ListStars, StarListView>(host,
            uc => uc.HandleAsync(Actor.System, new ListStarsRequest(statuses, new PageRequest(0, 50)), default));
        var stars = await ListAsync("Star");
        var newcomers = await ListAsync("NotEnoughData");
        Assert.True(stars.Stars > 0, "the demo plants stars");

        var page = await SignedInPageAsync(host, DemoSignIns.Default.Manager, DemoSignIns.Password);
        await MenuLink(page, "Proven stars").ClickAsync();

        await Expect(page.GetByTestId("star-rule-text")).ToContainTextAsync(stars.Rule);
        await Expect(page.GetByTestId("star-person")).ToHaveTextAsync([.. stars.Items.Select(r => r.Name)]);
        await Expect(page.GetByTestId("star-row").First.GetByTestId("star-reason")).ToHaveTextAsync(stars.Items[0].Verdict.Reason);
        await page.GetByTestId("star-row").First.GetByTestId("star-reason").ClickAsync();
        await Expect(page.GetByTestId("star-row").First.GetByTestId("star-evidence").Locator("tbody tr"))
            .ToHaveCountAsync(stars.Items[0].Verdict.Quarters.Count + (stars.Items[0].Verdict.Trailing is null ? 0 : 1));

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = $"Not enough data ({newcomers.NotEnoughData})" }).ClickAsync();
        await Expect(page.GetByTestId("star-person")).ToHaveCountAsync(newcomers.Items.Count);
        await Expect(page.GetByTestId("star-reason").First).ToContainTextAsync("Not enough data");
    });

    [Fact]
    public Task StarRule_AdminChangesTheThreshold_PreviewCountsThenSaveChangesTheStars() => RunAsync(async () =>
    {
        var host = await StartDemoHostAsync();
        var rule = await UseCaseAsync<GetStarRule, StarRuleView>(host, uc => uc.HandleAsync(Actor.System, default));
        var looser = new StarRuleRequest(rule.Metric, rule.FallbackMetric, rule.PercentileAtLeast, 75, rule.QuartersConsidered, rule.QuartersRequired, rule.MinimumClosedDeals, rule.PeerGroup);
        var expected = await UseCaseAsync<PreviewStarRule, StarRulePreview>(host, uc => uc.HandleAsync(Actor.System, looser, default));
        var now = await UseCaseAsync<PreviewStarRule, StarRulePreview>(host, uc => uc.HandleAsync(Actor.System, looser with { TrailingPercentileAtLeast = rule.TrailingPercentileAtLeast }, default));
        Assert.NotEqual(now.Stars, expected.Stars);

        var page = await SignedInPageAsync(host, DemoSignIns.Default.Admin, DemoSignIns.Password);
        await MenuLink(page, "Star rule").ClickAsync();
        await Expect(page.GetByTestId("star-rule-preview-stars")).ToHaveTextAsync(now.Stars.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("star-rule-trailing").FillAsync("75");
        await Expect(page.GetByTestId("star-rule-preview-stars")).ToHaveTextAsync(expected.Stars.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await page.GetByTestId("save-star-rule").ClickAsync();
        await Expect(page.GetByTestId("star-rule-message")).ToContainTextAsync("Saved.");
        var stars = await UseCaseAsync<ListStars, StarListView>(host, uc => uc.HandleAsync(Actor.System, new ListStarsRequest(), default));
        Assert.Equal(expected.Stars, stars.Stars);
    });
}
