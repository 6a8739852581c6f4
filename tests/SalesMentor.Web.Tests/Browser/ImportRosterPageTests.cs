using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>The admin's roster import: upload with progress, preview, import, history.</summary>
public partial class ImportRosterPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Roster = "External ID,Name,Email,Manager,Hire Date,Notes\nE1,Vera Vice,vera@acme.test,,2020-01-06,x\nE2,Zoë O'Brien,zoe@acme.test,E1,2021-13-01,y\nE3,李小龍,li@acme.test,E1,2022-03-01,z\n";

    [Fact]
    public Task UploadPreviewImport_ShowsWhatWouldHappenThenImportsTheGoodRows() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var page = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);
        await MenuLink(page, "Imports").ClickAsync();
        await Expect(page).ToHaveURLAsync(ImportsUrl());

        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "team.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Roster) });
        await page.GetByTestId("upload-file").ClickAsync();

        await Expect(page).ToHaveURLAsync(RunUrl());
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("import-file")).ToHaveTextAsync("team.csv");
        await Expect(page.GetByTestId("count-added")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("count-rejected")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("would-be-rejected")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("Notes → ignored");
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("李小龍");
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync("'2021-13-01' is not a date");

        await page.GetByTestId("commit-skip-bad-rows").ClickAsync();
        await page.GetByTestId("commit-import").ClickAsync();

        await Expect(page.GetByTestId("import-status")).ToHaveTextAsync("imported");
        await Expect(page.GetByTestId("count-added")).ToHaveTextAsync("2");
        var names = await QueryAsync(host, db => db.People.Where(p => p.ExternalId != null).Select(p => p.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(["Vera Vice", "李小龍"], names);

        await GotoAsync(page, "imports");
        var history = page.GetByTestId("import-history");
        await Expect(Rows(history)).ToHaveCountAsync(1);
        await Expect(Rows(history).First).ToContainTextAsync("team.csv");
        await Expect(Rows(history).First.GetByTestId("error-report")).ToHaveAttributeAsync("href", ErrorReportUrl());
    });

    [GeneratedRegex(@"/imports$")]
    private static partial Regex ImportsUrl();

    [GeneratedRegex(@"/imports/[0-9a-f-]{36}$")]
    private static partial Regex RunUrl();

    [GeneratedRegex(@"api/imports/[0-9a-f-]{36}/errors$")]
    private static partial Regex ErrorReportUrl();
}
