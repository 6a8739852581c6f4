using Microsoft.Playwright;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>A manager logs an interaction on the rep's page, sees it in role balance; the rep sees role, date and topic, never the note.</summary>
public class ManagerRolesPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Note = "CANARY-b41 thinking about a promotion";

    [Fact]
    public Task LogOnRepPage_SeeInRoleBalance_RepSeesNoNote() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var manager = await SignedInPageAsync(host, world.SupervisorA.Email!, TestWorld.Password);

        await GotoAsync(manager, $"/people/{world.RepA.Id}");
        var form = manager.GetByTestId("interaction-form");
        await form.GetByText("Mentor", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await manager.GetByTestId("interaction-minutes").FillAsync("45");
        await manager.GetByTestId("interaction-topic").FillAsync("Career path: team lead?");
        await manager.GetByTestId("interaction-note").FillAsync(Note);
        await manager.GetByTestId("interaction-save").ClickAsync();
        await Expect(manager.GetByTestId("interaction-message")).ToContainTextAsync("Logged mentor time");
        var row = manager.GetByTestId("interaction-list").Locator("tbody tr");
        await Expect(row).ToContainTextAsync("Career path: team lead?");
        await Expect(row).ToContainTextAsync(Note);

        await MenuLink(manager, "Role balance").ClickAsync();
        var mine = manager.GetByTestId("balance-table").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = world.SupervisorA.Name });
        await Expect(mine).ToContainTextAsync("45");
        await Expect(manager.GetByTestId("balance-chart")).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("no-coaching")).ToContainTextAsync(world.RepA.Name);

        var rep = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await GotoAsync(rep, $"/people/{world.RepA.Id}");
        var support = rep.GetByTestId("support-table");
        await Expect(support).ToContainTextAsync(world.SupervisorA.Name);
        await Expect(support).ToContainTextAsync("Mentor");
        var seen = rep.GetByTestId("interaction-list").Locator("tbody tr");
        await Expect(seen).ToContainTextAsync("Career path: team lead?");
        await Expect(seen).Not.ToContainTextAsync("45");
        Assert.DoesNotContain("CANARY", await rep.ContentAsync(), StringComparison.Ordinal);
        await Expect(rep.GetByTestId("interaction-form")).ToHaveCountAsync(0);
    });
}
