using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>The organization's sales-data visibility setting, set by an admin in the browser.</summary>
public class SalesDataVisibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task SalesDataVisibility_OwnAndManagementChain_HidesOtherRepsDealsButNotFromTheirSupervisor() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();

        // Before: everyone signed in sees everyone's sales data.
        var rep = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await GotoAsync(rep, $"people/{world.RepC.Id}");
        await Expect(rep.GetByTestId("person-name")).ToHaveTextAsync(world.RepC.Name);
        await Expect(Rows(rep.GetByTestId("opportunities-grid"))).ToHaveCountAsync(3);

        // The admin switches the setting on the settings page.
        var admin = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);
        await MenuLink(admin, "Settings").ClickAsync();
        var ownAndChain = admin.GetByRole(AriaRole.Radio, new PageGetByRoleOptions { Name = "Each person sees their own; managers see their reports'" });
        await Expect(admin.GetByRole(AriaRole.Radio, new PageGetByRoleOptions { Name = "Everyone signed in sees everyone's sales data" })).ToBeCheckedAsync();
        await ownAndChain.CheckAsync();
        await admin.GetByTestId("save-settings").ClickAsync();
        await Expect(admin.GetByTestId("settings-message")).ToHaveTextAsync("Saved.");
        Assert.Equal(SalesDataVisibility.OwnAndManagementChain, await QueryAsync(host, db => db.OrganizationSettings.Select(s => s.SalesDataVisibility).SingleAsync()));
        await GotoAsync(admin, "admin/settings");
        await Expect(ownAndChain).ToBeCheckedAsync();

        // Rep A opening Rep C's page (another team): no sales tables, the note instead.
        await GotoAsync(rep, $"people/{world.RepC.Id}");
        await Expect(rep.GetByTestId("person-name")).ToHaveTextAsync(world.RepC.Name);
        await Expect(rep.GetByTestId("sales-hidden")).ToBeVisibleAsync();
        await Expect(rep.GetByTestId("opportunities-grid")).ToHaveCountAsync(0);
        await Expect(rep.GetByTestId("sales-tabs")).ToHaveCountAsync(0);

        // Rep A still sees their own.
        await GotoAsync(rep, $"people/{world.RepA.Id}");
        await Expect(Rows(rep.GetByTestId("opportunities-grid"))).ToHaveCountAsync(3);

        // Supervisor A opening Rep A's page (their report): the table, with Rep A's deals.
        var supervisor = await SignedInPageAsync(host, world.SupervisorA.Email!, TestWorld.Password);
        await GotoAsync(supervisor, $"people/{world.RepA.Id}");
        await Expect(supervisor.GetByTestId("person-name")).ToHaveTextAsync(world.RepA.Name);
        await Expect(supervisor.GetByTestId("sales-hidden")).ToHaveCountAsync(0);
        var deals = Rows(supervisor.GetByTestId("opportunities-grid"));
        await Expect(deals).ToHaveCountAsync(3);
        await Expect(deals.First).ToContainTextAsync($"of {world.RepA.Name}");
    });
}
