using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Components.Pages.Kpis;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>
/// The import wizard for deals from another CRM: upload (streamed HTTP request), map the columns,
/// preview, save the mapping, import, and see the owner's scorecard change.
/// </summary>
public partial class ImportWizardPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // The issue's example of another CRM's export. Zoë (rep A of the test world) already has 1,000 won in the quarter holding February 2026.
    private const string OtherCrm =
        "deal_ref,rep,customer,value,status,opened,closed\r\n" +
        "D-1,Zoë O'Brien,Acme,\"12,500.50\",Closed Won,2026-01-05,2026-02-20\r\n" +
        "D-2,Zoë O'Brien,Beta,8000,Closed Lost,2026-01-06,2026-02-21\r\n" +
        "D-3,Nobody Known,Gamma,3000,Open,2026-01-07,\r\n";

    [Fact]
    public Task UploadMapPreviewImport_TheScorecardChanges() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        Task<ScorecardView> CardAsync() => UseCaseAsync<GetScorecard, ScorecardView>(host,
            uc => uc.HandleAsync(Actor.System, world.RepA.Id, new GetScorecardRequest(), default));
        var before = await CardAsync();
        Assert.Equal(1000m, Tile(before, "won-revenue").Value);

        var page = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);
        await ScorecardAsync(page, world.RepA.Id);
        await Expect(page.GetByTestId("kpi-value-won-revenue")).ToHaveTextAsync(Formatted(before, "won-revenue"));

        // Upload: not recognised as any known export, so it stays staged with the mapping editor open.
        await GotoAsync(page, "imports");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "acme-crm.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(OtherCrm) });
        await page.GetByTestId("upload-file").ClickAsync();
        await Expect(page).ToHaveURLAsync(RunUrl());
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("import-file")).ToHaveTextAsync("acme-crm.csv");
        await Expect(page.GetByTestId("mapping-editor")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("deal_ref");

        // Map: columns guessed from their names; owners by full name; won/lost from the status column.
        await KpiScorecardTests.ChooseAsync(page, "map-owner", "rep");
        await KpiScorecardTests.ChooseAsync(page, "map-outcome", "status");
        await page.GetByTestId("map-won").FillAsync("Closed Won");
        await page.GetByTestId("map-lost").FillAsync("Closed Lost");
        await page.GetByTestId("preview-mapping").ClickAsync();

        // Preview: the parsed result beside the file's cells, and what importing would do.
        await Expect(page.GetByTestId("count-added")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("count-rejected")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("import-preview").GetByTestId("preview-row")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("As imported");
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("12,500.50 USD");

        // Save the mapping under a name: the file is read with the saved profile.
        await page.Locator("input[data-testid=map-name]").FillAsync("Acme CRM");
        await page.GetByTestId("save-mapping").ClickAsync();
        await Expect(page.GetByTestId("mapping-editor")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("count-added")).ToHaveTextAsync("3");
        Assert.Equal(["Acme CRM"], await QueryAsync(host, db => db.ImportProfiles.Select(p => p.Name).ToListAsync()));

        // Import.
        await page.GetByTestId("commit-import").ClickAsync();
        await Expect(page.GetByTestId("import-status")).ToHaveTextAsync("imported");
        await Expect(page.GetByTestId("count-added")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("unknown-owners")).ToContainTextAsync("Nobody Known");
        Assert.Equal(3, await QueryAsync(host, db => db.Opportunities.CountAsync(o => o.Source.StartsWith("csv:"))));

        // The scorecard follows: 1,000 + 12,500.50 won in the quarter.
        var after = await CardAsync();
        Assert.Equal((before.Period.Key, 13_500.50m), (after.Period.Key, Tile(after, "won-revenue").Value));
        await ScorecardAsync(page, world.RepA.Id);
        await Expect(page.GetByTestId("kpi-value-won-revenue")).ToHaveTextAsync(Formatted(after, "won-revenue"));
        await Expect(page.GetByTestId("kpi-value-win-rate-by-count")).ToHaveTextAsync(Formatted(after, "win-rate-by-count"));

        // History: the run with its counts.
        await GotoAsync(page, "imports");
        var history = page.GetByTestId("import-history");
        await Expect(Rows(history)).ToHaveCountAsync(1);
        await Expect(Rows(history).First).ToContainTextAsync("acme-crm.csv");
    });

    // A HubSpot export: no won/closed flags, so the stages' meanings are confirmed on the page and saved.
    private const string HubSpot =
        "Record ID,Deal Name,Deal Stage,Pipeline,Amount,Close Date,Deal Owner,Create Date\r\n" +
        "101,Alpha,Closed won,Sales Pipeline,5000,2026-02-25,Zoë O'Brien,2026-01-02\r\n" +
        "102,Beta,Signed (custom),Sales Pipeline,3000,2026-02-26,Zoë O'Brien,2026-01-03\r\n" +
        "103,Gamma,Contract sent,Sales Pipeline,7000,2026-04-30,Zoë O'Brien,2026-01-04\r\n";

    [Fact]
    public Task HubSpot_StagesAreConfirmedOnThePage_SavedForTheNextFile() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var page = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);

        await UploadAsync(page, "deals.csv", HubSpot);
        await Expect(page.GetByTestId("import-kind")).ToContainTextAsync("HubSpot export");
        var stages = page.GetByTestId("stage-choices").GetByTestId("stage-row");
        await Expect(stages).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("stage-choices")).ToContainTextAsync("a guess: please confirm");

        // "Signed (custom)" is guessed open; it means won in this organization.
        var signed = stages.Filter(new LocatorFilterOptions { HasText = "Signed (custom)" });
        await signed.Locator(".mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "won", Exact = true }).ClickAsync();
        await page.GetByTestId("commit-import").ClickAsync();
        await Expect(page.GetByTestId("import-status")).ToHaveTextAsync("imported");
        await Expect(page.GetByTestId("count-added")).ToHaveTextAsync("3");
        var won = await QueryAsync(host, db => db.Opportunities.Where(o => o.Source == "hubspot" && o.IsWon).Select(o => o.ExternalId).OrderBy(x => x).ToListAsync());
        Assert.Equal(["101", "102"], won);

        // The next file: the stages are known, nothing to confirm, nothing changes.
        await UploadAsync(page, "deals-again.csv", HubSpot);
        await Expect(page.GetByTestId("stage-choices")).Not.ToContainTextAsync("a guess");
        await page.GetByTestId("commit-import").ClickAsync();
        await Expect(page.GetByTestId("import-status")).ToHaveTextAsync("imported");
        await Expect(page.GetByTestId("count-unchanged")).ToHaveTextAsync("3");
    });

    private static async Task UploadAsync(IPage page, string name, string csv)
    {
        await GotoAsync(page, "imports");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByTestId("upload-file").ClickAsync();
        await Expect(page).ToHaveURLAsync(RunUrl());
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("import-file")).ToHaveTextAsync(name);
    }

    private static async Task ScorecardAsync(IPage page, Core.People.PersonId person)
    {
        await GotoAsync(page, $"people/{person}");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Scorecard" }).ClickAsync();
    }

    private static KpiTileView Tile(ScorecardView card, string id) => card.Tiles.Single(t => t.Kpi.Id == id);

    private static string Formatted(ScorecardView card, string id) => KpiFormat.Value(Tile(card, id).Kpi, Tile(card, id).Value, card.Currency);

    [GeneratedRegex(@"/imports/[0-9a-f-]{36}$")]
    private static partial Regex RunUrl();
}
