using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>
/// A program's admin imports the mentorships the organization already runs: a file with a problem is refused with the
/// line, the corrected file is previewed with the people found, then imported; a rep cannot import.
/// </summary>
public class ImportMentorshipsPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Bad = "mentor,mentee,start_date\nstar@world.test,rep.a@world.test,2025-01-15\nstar@world.test,nobody@world.test,2025-01-15\n";
    private const string Good = "mentor,mentee,start_date,end_date\nstar@world.test,rep.a@world.test,2025-01-15,\nSue Supervisor,Ahmed Al-Farsi,2024-02-01,2024-12-31\n";

    [Fact]
    public Task UploadBadThenGoodFile_ShowsTheProblemByLine_ThenPreviewsAndImports() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var admin = Actor.User(world.Admin.Id, world.Admin.Name, isAdmin: true);
        var program = await UseCaseAsync<CreateProgram, ProgramView>(host, uc => uc.HandleAsync(admin, new ProgramRequest("Running cohort"), default));

        var page = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);
        await GotoAsync(page, $"programs/{program.Id}");
        await page.GetByTestId("open-import-mentorships").ClickAsync();
        await WaitForInteractiveAsync(page);

        // MudFileUpload puts a fresh file input after each choice; the last one is live.
        var file = page.Locator("input[type=file]").Last;

        await file.SetInputFilesAsync(Csv("bad.csv", Bad));
        await Expect(page.GetByTestId("import-problems")).ToContainTextAsync("No one in the directory is 'nobody@world.test'");
        await Expect(page.GetByTestId("import-problems").Locator("tbody tr").First).ToContainTextAsync("3");
        await Expect(page.GetByTestId("import-message")).ToContainTextAsync("Nothing can be imported");
        await Expect(page.GetByTestId("import-mentorships")).ToHaveCountAsync(0);

        await file.SetInputFilesAsync(Csv("running.csv", Good));
        await Expect(page.GetByTestId("preview-summary")).ToHaveTextAsync("running.csv: 2 mentorships to import, 0 already there");
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("Zoë O'Brien");
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("2024-12-31");
        Assert.Equal(0, await QueryAsync(host, db => db.Mentorships.CountAsync()));

        await page.GetByTestId("import-mentorships").ClickAsync();
        await Expect(page.GetByTestId("import-message")).ToContainTextAsync("Imported 2 mentorships from running.csv");
        var stored = await QueryAsync(host, db => db.Mentorships.OrderBy(m => m.StartedOn).Select(m => new { m.MenteeId, m.Stage, m.ProgramId }).ToListAsync());
        Assert.Equal([(world.RepC.Id, MentorshipStage.Closed), (world.RepA.Id, MentorshipStage.Active)], stored.Select(m => (m.MenteeId, m.Stage)));
        Assert.All(stored, m => Assert.Equal(program.Id, m.ProgramId));

        // A rep of the organization is not one of the program's managers.
        await UseCaseAsync<SetProgramStatus, ProgramView>(host, uc => uc.HandleAsync(admin, program.Id, new ProgramStatusRequest(ProgramStatus.Enrolling, program.Version), default));
        var rep = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await GotoAsync(rep, $"programs/{program.Id}/import-mentorships");
        await Expect(rep.GetByTestId("import-not-allowed")).ToBeVisibleAsync();
        await Expect(rep.Locator("input[type=file]")).ToHaveCountAsync(0);
    });

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };
}
