using SalesMentor.App.Tests.Features.Impact;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>An admin opens a program's impact page from the program page and reads the verdict, the effect and the evidence; a thin pilot says "can't tell".</summary>
public class ImpactPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Admin_ReadsTheVerdictWithChart_AndHealthInNumbers_PilotSaysCantTell_RepGetsNotFound() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var org = await ImpactOrg.CreateAsync(host.Services, DateTime.UtcNow);
        var admin = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);

        await GotoAsync(admin, $"/programs/{org.Cohort.Id}");
        await admin.GetByTestId("open-impact").ClickAsync();
        await Expect(admin.GetByTestId("impact-verdict")).ToContainTextAsync("win rate", new() { IgnoreCase = true });
        await Expect(admin.GetByTestId("impact-effect")).ToContainTextAsync("95 % interval");
        await Expect(admin.GetByTestId("impact-event-study")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("impact-balance")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("impact-mentors")).ToContainTextAsync("Impact Mentor A");

        await KpiScorecardTests.ChooseAsync(admin, "impact-kpi", "Won revenue");
        await Expect(admin.GetByTestId("impact-verdict")).ToContainTextAsync("won revenue", new() { IgnoreCase = true });

        await GotoAsync(admin, $"/programs/{org.Cohort.Id}");
        await admin.GetByTestId("open-metrics").ClickAsync();
        await Expect(admin.GetByTestId("metrics-tiles")).ToContainTextAsync("Running pairs");
        await Expect(admin.GetByTestId("metrics-chart")).ToBeVisibleAsync();
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByTestId("metrics-csv").ClickAsync());
        Assert.Equal("csv", Path.GetExtension(download.SuggestedFilename).TrimStart('.'));

        await GotoAsync(admin, $"/programs/{org.Pilot.Id}/impact");
        await Expect(admin.GetByTestId("impact-verdict")).ToContainTextAsync("Can't tell: only 3 mentees");
        await Expect(admin.GetByTestId("impact-effect")).ToHaveCountAsync(0);

        var rep = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await GotoAsync(rep, $"/programs/{org.Cohort.Id}/impact");
        await Expect(rep.GetByTestId("not-found")).ToBeVisibleAsync();
        await Expect(rep.GetByTestId("impact-mentors")).ToHaveCountAsync(0);
    });
}
