using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Agreements;
using SalesMentor.App.Features.Confidential;
using SalesMentor.App.Features.Notes;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>
/// Closing a mentorship in the browser: the mentor opens the closing conversation, both write their reflection, the mentee
/// records the outcome of each goal and closes it; both download their certificate (the mentor from the page of what a
/// former mentor keeps). Afterwards the former mentor reaches the mentorship and its confidential space neither by page nor
/// by API (404) but reads their own notes; the supervisor sees the outcomes and no reflection. A stale save is a conflict.
/// </summary>
public class ClosingJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string MentorReflection = "CANARY-journey-mentor-reflection";
    private const string MenteeReflection = "CANARY-journey-mentee-reflection";
    private const string ConcernCanary = "CANARY-journey-closing-concern";
    private const string MentorNote = "CANARY-journey-mentor-own-note";

    [Fact]
    public Task BothReflect_OutcomesRecorded_Closed_CertificatesDownloaded_TheFormerMentorKeepsOnlyTheirNotes() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var mentorship = await ActiveMentorshipAsync(host, world);
        var path = $"mentorships/{mentorship}";

        // The mentor opens the closing conversation with a planned end date.
        var mentor = await SignedInPageAsync(host, world.Star.Email!, TestWorld.Password);
        var mentee = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await GotoAsync(mentee, path);
        await Tab(mentee, "Closing").ClickAsync();
        await GotoAsync(mentor, path);
        await Tab(mentor, "Closing").ClickAsync();
        var planned = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await mentor.GetByTestId("planned-end-day").FillAsync(planned);
        await mentor.GetByTestId("plan-closing").ClickAsync();
        await Expect(mentor.GetByTestId("closing-message")).ToContainTextAsync("The closing conversation is open");
        await Expect(mentor.GetByTestId("mentorship-stage")).ToHaveTextAsync("closing");
        await Tab(mentor, "Closing").ClickAsync();
        await mentor.GetByTestId("reflection-text").FillAsync(MentorReflection);
        await mentor.GetByTestId("save-reflection").ClickAsync();
        await Expect(mentor.GetByTestId("closing-message")).ToContainTextAsync("Your reflection is saved");

        // The mentee's tab still shows the mentorship as it was: moving the date is a conflict, then a reload shows it.
        await mentee.GetByTestId("planned-end-day").FillAsync(planned);
        await mentee.GetByTestId("plan-closing").ClickAsync();
        await Expect(mentee.GetByTestId("closing-message")).ToContainTextAsync("Someone else changed this mentorship");
        await mentee.GetByTestId("closing-reload").ClickAsync();
        await Expect(mentee.GetByTestId("planned-end")).ToContainTextAsync(planned);
        await Expect(mentee.GetByTestId("other-reflection")).ToContainTextAsync(MentorReflection);

        // The mentee reflects, records both outcomes and closes.
        await mentee.GetByTestId("reflection-text").FillAsync(MenteeReflection);
        await mentee.GetByTestId("save-reflection").ClickAsync();
        await Expect(mentee.GetByTestId("closing-message")).ToContainTextAsync("Your reflection is saved");
        await Expect(mentee.GetByTestId("closing-missing")).ToContainTextAsync("the outcome of each goal");
        await mentee.GetByTestId("outcome-select").Nth(0).ClickAsync();
        await mentee.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "partly", Exact = true }).ClickAsync();
        await mentee.GetByTestId("outcome-select").Nth(1).ClickAsync();
        await mentee.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "achieved", Exact = true }).ClickAsync();
        await mentee.GetByTestId("save-outcomes").ClickAsync();
        await Expect(mentee.GetByTestId("closing-message")).ToContainTextAsync("The outcomes are recorded");
        await Expect(mentee.GetByTestId("closing-missing")).ToHaveCountAsync(0);
        await mentee.GetByTestId("complete-mentorship").ClickAsync();
        await Expect(mentee.GetByTestId("closing-message")).ToContainTextAsync("The mentorship is complete");
        await Expect(mentee.GetByTestId("mentorship-stage")).ToHaveTextAsync("closed");

        await Tab(mentee, "Closing").ClickAsync();
        await Expect(mentee.GetByTestId("closing-ended")).ToContainTextAsync("Completed");
        await Expect(mentee.GetByTestId("outcome-shown")).ToHaveTextAsync(["partly", "achieved"]);
        var menteePdf = await DownloadAsync(mentee);
        Assert.Contains("as mentee, mentored by Stella Star", menteePdf, StringComparison.Ordinal);

        // The former mentor: the mentorship and its confidential space are gone for them; their own notes and certificate stay.
        await GotoAsync(mentor, path);
        await Expect(mentor.GetByTestId("not-found")).ToBeVisibleAsync();
        foreach (var api in new[] { $"api/mentorships/{mentorship}", $"api/mentorships/{mentorship}/concerns", $"api/mentorships/{mentorship}/closing",
            $"api/mentorships/{mentorship}/sessions", $"api/mentorships/{mentorship}/agreement", $"api/mentorships/{mentorship}/concern-reads" })
        {
            var response = await mentor.Context.APIRequest.GetAsync(api);
            Assert.True(response.Status == 404, $"former mentor GET {api}: {response.Status}");
            Assert.DoesNotContain("CANARY-", await response.TextAsync(), StringComparison.Ordinal);
        }

        await GotoAsync(mentor, "me/mentoring");
        await mentor.GetByTestId("my-mentorships").GetByTestId("open-mentorship").ClickAsync();
        await Expect(mentor.GetByTestId("former-title")).ToBeVisibleAsync();
        await Expect(mentor.GetByTestId("note-shown")).ToHaveTextAsync(MentorNote);
        var content = await mentor.ContentAsync();
        foreach (var canary in new[] { ConcernCanary, MenteeReflection, MentorReflection }) Assert.DoesNotContain(canary, content, StringComparison.Ordinal);
        var mentorPdf = await DownloadAsync(mentor);
        Assert.Contains("as mentor of Zoë O'Brien", mentorPdf, StringComparison.Ordinal);
        foreach (var pdf in new[] { menteePdf, mentorPdf }) Assert.DoesNotContain("CANARY", pdf, StringComparison.Ordinal);

        // The supervisor reads the outcomes, not the reflections.
        var supervisor = await SignedInPageAsync(host, world.SupervisorA.Email!, TestWorld.Password);
        await GotoAsync(supervisor, path);
        await Tab(supervisor, "Closing").ClickAsync();
        await Expect(supervisor.GetByTestId("outcome-shown")).ToHaveTextAsync(["partly", "achieved"]);
        Assert.DoesNotContain("CANARY-", await supervisor.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await supervisor.GetByTestId("download-certificate").CountAsync());

        // Both were mailed that it is complete — without a word of what they wrote.
        foreach (var to in new[] { world.RepA.Email!, world.Star.Email! })
        {
            await host.Smtp.WaitForAsync(to, m => m.Subject?.Contains("is complete", StringComparison.Ordinal) == true);
        }

        Assert.All(host.Smtp.Messages, m => Assert.DoesNotContain("CANARY-", m.ToString(), StringComparison.Ordinal));
    });

    [Fact]
    public Task TheMenteeEditsAConcern_AStaleEditIsAConflict_NothingIsOverwritten() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var mentorship = await ActiveMentorshipAsync(host, world);
        var mentee = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await GotoAsync(mentee, $"mentorships/{mentorship}");
        await Tab(mentee, "Confidential space").ClickAsync();
        await Expect(mentee.GetByTestId("concern-text-shown")).ToHaveTextAsync(ConcernCanary);
        await mentee.GetByTestId("edit-concern").ClickAsync();
        await mentee.GetByTestId("concern-edit-text").FillAsync("I freeze on pricing calls — and on renewals.");

        // Meanwhile the mentor marks it discussed: the open edit is stale.
        var mentor = await SignedInPageAsync(host, world.Star.Email!, TestWorld.Password);
        await GotoAsync(mentor, $"mentorships/{mentorship}");
        await Tab(mentor, "Confidential space").ClickAsync();
        Assert.Equal(0, await mentor.GetByTestId("edit-concern").CountAsync());
        await mentor.GetByTestId("concern-status").ClickAsync();
        await mentor.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "discussed", Exact = true }).ClickAsync();
        await Expect(mentor.GetByTestId("confidential-message")).ToContainTextAsync("Marked discussed");

        await mentee.GetByTestId("save-concern").ClickAsync();
        await Expect(mentee.GetByTestId("confidential-message")).ToContainTextAsync("Someone else changed this concern");
        Assert.Equal(ConcernCanary, await QueryAsync(host, async db =>
        {
            var stored = db.Concerns.Single(c => c.MentorshipId == mentorship);
            await using var scope = host.Services.CreateAsyncScope();
            return scope.ServiceProvider.GetRequiredService<SalesMentor.App.Security.ConfidentialCipher>().Open(stored.SealedText, stored.Id, "concern.text");
        }));

        // Reloaded, the words typed are still in the form: saving again applies them over the current version.
        await mentee.GetByTestId("confidential-reload").ClickAsync();
        await Expect(mentee.GetByTestId("concern-edit-text")).ToHaveValueAsync("I freeze on pricing calls — and on renewals.");
        await mentee.GetByTestId("save-concern").ClickAsync();
        await Expect(mentee.GetByTestId("confidential-message")).ToContainTextAsync("Saved");
        await Expect(mentee.GetByTestId("concern-text-shown")).ToHaveTextAsync("I freeze on pricing calls — and on renewals.");
        await GotoAsync(mentor, $"mentorships/{mentorship}");
        await Tab(mentor, "Confidential space").ClickAsync();
        await Expect(mentor.GetByTestId("concern-text-shown")).ToHaveTextAsync("I freeze on pricing calls — and on renewals.");
    });

    /// <summary>The star mentors rep A, active, with one KPI goal and one behaviour goal, a concern of rep A and a private note of the star.</summary>
    private static async Task<Guid> ActiveMentorshipAsync(WebTestHost host, TestWorld world)
    {
        var mentorship = new Mentorship
        {
            MentorId = world.Star.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = new DateOnly(2026, 9, 1), Source = "matched", CreatedAt = DateTime.UtcNow,
        };
        await QueryAsync(host, async db =>
        {
            db.Mentorships.Add(mentorship);
            return await db.SaveChangesAsync();
        });
        var mentee = Actor.User(world.RepA.Id, world.RepA.Name, false);
        var behaviour = await QueryAsync(host, db => Task.FromResult(db.Behaviours.OrderBy(b => b.SortOrder).Select(b => b.Id).First()));
        await UseCaseAsync<SaveAgreement, AgreementView>(host, uc => uc.HandleAsync(mentee, mentorship.Id, new AgreementRequest(
            [new KpiGoalInput(null, "won-revenue", 50000m, new DateOnly(2027, 3, 31))], [new BehaviourGoalInput(null, behaviour, AdoptionLevel.Consistent)], [],
            MeetingCadence.Fortnightly, "Between us.", 0), default));
        await UseCaseAsync<RaiseConcern, ConcernView>(host, uc => uc.HandleAsync(mentee, mentorship.Id, new RaiseConcernRequest(ConcernKind.Concern, ConcernCanary), default));
        await UseCaseAsync<AddPrivateNote, PrivateNoteView>(host, uc => uc.HandleAsync(Actor.User(world.Star.Id, world.Star.Name, false), mentorship.Id, new PrivateNoteRequest(MentorNote), default));
        return mentorship.Id;
    }

    /// <summary>Clicks "Download your certificate" and returns the text of the PDF the browser saved.</summary>
    private static async Task<string> DownloadAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-certificate").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var file = await download.PathAsync();
        using var document = UglyToad.PdfPig.PdfDocument.Open(await File.ReadAllBytesAsync(file!));
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static ILocator Tab(IPage page, string name) => page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = name, Exact = true });
}
