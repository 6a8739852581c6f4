using Microsoft.Playwright;
using MimeKit;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>
/// A mentorship lived in the browser: the star (mentor) and rep A (mentee) build and sign their agreement, schedule a
/// session (both get the invitation), log it, and rep A raises a concern the star answers. Rep A's supervisor sees the
/// goals and acknowledges them; the supervisor, the admin and a teammate reach nothing confidential — by page, by API or
/// by a guessed id — and no CANARY- text of the pair's shows in what the browser renders for them, nor in any mail.
/// Two people saving over each other get a conflict message, never a silent overwrite.
/// </summary>
public class MentorshipJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string ConcernCanary = "CANARY-journey-i-freeze-on-pricing-calls";
    private const string ReplyCanary = "CANARY-journey-role-play-it-with-me";
    private const string NotesCanary = "CANARY-journey-shared-notes";
    private const string NoteCanary = "CANARY-journey-private-note";

    [Fact]
    public Task AgreeScheduleLogConfide_OutsidersReachNothing() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var mentorship = new Mentorship
        {
            MentorId = world.Star.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Agreeing, StartedOn = new DateOnly(2026, 11, 1), Source = "matched", CreatedAt = DateTime.UtcNow,
        };
        await QueryAsync(host, async db =>
        {
            db.Mentorships.Add(mentorship);
            return await db.SaveChangesAsync();
        });
        var path = $"mentorships/{mentorship.Id}";

        // Both open the page on the empty draft; the mentor writes the agreement and signs it.
        var mentor = await SignedInPageAsync(host, world.Star.Email!, TestWorld.Password);
        var mentee = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await GotoAsync(mentee, "me/mentoring");
        await mentee.GetByTestId("my-mentorships").GetByTestId("open-mentorship").ClickAsync();
        await Expect(mentee.GetByTestId("mentorship-title")).ToHaveTextAsync($"{world.Star.Name} mentoring {world.RepA.Name}");
        await Expect(mentee.GetByTestId("mentorship-stage")).ToHaveTextAsync("agreeing");
        await GotoAsync(mentor, path);
        await mentor.GetByTestId("edit-agreement").ClickAsync();
        await mentor.GetByTestId("add-kpi-goal").ClickAsync();
        await mentor.GetByTestId("kpi-0").ClickAsync();
        await mentor.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Won revenue", Exact = true }).ClickAsync();
        await mentor.GetByTestId("kpi-target-0").FillAsync("50000");
        await mentor.GetByTestId("kpi-date-0").FillAsync("2027-03-31");
        await mentor.GetByTestId("agreement-terms-input").FillAsync("What we say stays between us.");
        await mentor.GetByTestId("save-agreement").ClickAsync();
        await Expect(mentor.GetByTestId("agreement-message")).ToContainTextAsync("Saved");
        await Expect(mentor.GetByTestId("kpi-goal")).ToContainTextAsync("Won revenue");
        await mentor.GetByTestId("sign-agreement").ClickAsync();
        await Expect(mentor.GetByTestId("agreement-message")).ToContainTextAsync("Waiting for the other signature");

        // The mentee still holds the draft they opened: their save is refused, with a way to reload.
        await mentee.GetByTestId("edit-agreement").ClickAsync();
        await mentee.GetByTestId("agreement-terms-input").FillAsync("My own words, saved over theirs?");
        await mentee.GetByTestId("save-agreement").ClickAsync();
        await Expect(mentee.GetByTestId("agreement-message")).ToContainTextAsync("Someone else changed this agreement");
        await mentee.GetByTestId("agreement-reload").ClickAsync();
        await Expect(mentee.GetByTestId("agreement-terms")).ToHaveTextAsync("What we say stays between us.");
        await mentee.GetByTestId("sign-agreement").ClickAsync();
        await Expect(mentee.GetByTestId("agreement-message")).ToContainTextAsync("Signed by both");
        await GotoAsync(mentee, path);
        await Expect(mentee.GetByTestId("mentorship-stage")).ToHaveTextAsync("active");
        await Expect(mentee.GetByTestId("agreement-signatures")).Not.ToContainTextAsync("not signed");

        // The mentor schedules a session; both get the invitation with the calendar entry.
        await GotoAsync(mentor, path);
        await Tab(mentor, "Sessions").ClickAsync();
        await mentor.GetByTestId("session-day").FillAsync("2027-01-12");
        await mentor.GetByTestId("session-time").FillAsync("9:30");
        await mentor.GetByTestId("session-place").FillAsync("Café Central");
        await mentor.GetByTestId("schedule-session").ClickAsync();
        await Expect(mentor.GetByTestId("sessions-message")).ToContainTextAsync("Scheduled");
        await Expect(mentor.GetByTestId("session-when")).ToContainTextAsync("2027-01-12 09:30 UTC");
        foreach (var to in new[] { world.RepA.Email!, world.Star.Email! })
        {
            var invite = await host.Smtp.WaitForAsync(to, m => m.Subject?.Contains("is scheduled", StringComparison.Ordinal) == true);
            var ics = invite.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
            Assert.Equal("REQUEST", ics.ContentType.Parameters["method"]);
        }

        var href = await mentor.GetByTestId("download-ics").GetAttributeAsync("href");
        var download = await mentor.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, download.Status);
        Assert.Contains("LOCATION:Café Central", await download.TextAsync(), StringComparison.Ordinal);

        // The mentee opens the session too; the mentor logs it with Markdown notes that try to run script.
        await GotoAsync(mentee, path);
        await Tab(mentee, "Sessions").ClickAsync();
        await Expect(mentee.GetByTestId("session")).ToHaveCountAsync(1);
        await mentor.GetByTestId("log-session").ClickAsync();
        await mentor.GetByTestId("log-agenda").FillAsync("Pricing calls");
        await mentor.GetByTestId("log-notes").FillAsync($"**Went well** {NotesCanary}\n\n<script>window.pwned = 1</script>\n\n[open me](javascript:window.pwned=2)");
        await mentor.GetByTestId("add-action-item").ClickAsync();
        await mentor.GetByTestId("action-text-0").FillAsync("Record two discovery calls");
        await mentor.GetByTestId("action-due-0").FillAsync("2027-01-19");
        await mentor.GetByTestId("save-log").ClickAsync();
        await Expect(mentor.GetByTestId("sessions-message")).ToContainTextAsync("Logged");
        var notes = mentor.GetByTestId("session-notes");
        await Expect(notes.Locator("strong")).ToHaveTextAsync("Went well");
        await Expect(notes).ToContainTextAsync("<script>window.pwned = 1</script>");
        Assert.Equal(0, await notes.Locator("script").CountAsync());
        Assert.Equal(0, await notes.Locator("a[href^='javascript']").CountAsync());
        Assert.Equal("undefined", await mentor.EvaluateAsync<string>("() => typeof window.pwned"));
        await Expect(mentor.GetByTestId("action-item")).ToContainTextAsync("Record two discovery calls");

        // The mentee's open log form is stale now: a conflict, nothing overwritten.
        await mentee.GetByTestId("log-session").ClickAsync();
        await mentee.GetByTestId("log-agenda").FillAsync("Something else");
        await mentee.GetByTestId("save-log").ClickAsync();
        await Expect(mentee.GetByTestId("sessions-message")).ToContainTextAsync("Someone else changed this session");
        await mentee.GetByTestId("sessions-reload").ClickAsync();
        await Expect(mentee.GetByTestId("session-agenda")).ToHaveTextAsync("Pricing calls");

        // The mentee raises a concern and keeps a private note; the mentor answers.
        await Tab(mentee, "Confidential space").ClickAsync();
        await Expect(mentee.GetByTestId("confidential-who")).ToContainTextAsync("Only the two of you");
        await mentee.GetByTestId("concern-text").FillAsync(ConcernCanary);
        await mentee.GetByTestId("raise-concern").ClickAsync();
        await Expect(mentee.GetByTestId("confidential-message")).ToContainTextAsync("Shared with your mentor");
        await Tab(mentee, "My private notes").ClickAsync();
        await mentee.GetByTestId("note-text").FillAsync(NoteCanary);
        await mentee.GetByTestId("add-note").ClickAsync();
        await Expect(mentee.GetByTestId("note-shown")).ToHaveTextAsync(NoteCanary);

        await GotoAsync(mentor, path);
        await Tab(mentor, "Confidential space").ClickAsync();
        await Expect(mentor.GetByTestId("concern-text-shown")).ToHaveTextAsync(ConcernCanary);
        await mentor.GetByTestId("reply-text").FillAsync(ReplyCanary);
        await mentor.GetByTestId("send-reply").ClickAsync();
        await Expect(mentor.GetByTestId("concern-reply")).ToContainTextAsync(ReplyCanary);
        await Tab(mentor, "My private notes").ClickAsync();
        await Expect(mentor.GetByTestId("notes-who")).ToBeVisibleAsync();
        Assert.DoesNotContain(NoteCanary, await mentor.ContentAsync(), StringComparison.Ordinal);

        await GotoAsync(mentee, path);
        await Tab(mentee, "Confidential space").ClickAsync();
        await Expect(mentee.GetByTestId("concern-reply")).ToContainTextAsync(ReplyCanary);
        await Expect(mentee.GetByTestId("concern-reads")).ToContainTextAsync(world.Star.Name);
        var concernId = await QueryAsync(host, db => Task.FromResult(db.Concerns.Single(c => c.MentorshipId == mentorship.Id).Id));
        var sessionId = await QueryAsync(host, db => Task.FromResult(db.Sessions.Single(s => s.MentorshipId == mentorship.Id).Id));

        // The supervisor sees the goals and acknowledges them, and nothing else.
        var supervisor = await SignedInPageAsync(host, world.SupervisorA.Email!, TestWorld.Password);
        await GotoAsync(supervisor, path);
        await Expect(supervisor.GetByTestId("kpi-goal")).ToContainTextAsync("Won revenue");
        await supervisor.GetByTestId("acknowledge-agreement").ClickAsync();
        await Expect(supervisor.GetByTestId("agreement-acknowledged")).ToContainTextAsync(world.SupervisorA.Name);
        Assert.Equal(0, await Tab(supervisor, "Confidential space").CountAsync());
        Assert.Equal(0, await Tab(supervisor, "Sessions").CountAsync());
        Assert.Equal(0, await supervisor.GetByTestId("edit-agreement").CountAsync());

        var admin = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);
        var teammate = await SignedInPageAsync(host, world.RepB.Email!, TestWorld.Password);
        foreach (var (who, page) in new[] { ("supervisor", supervisor), ("admin", admin), ("teammate", teammate) })
        {
            await GotoAsync(page, path);
            if (who == "teammate") await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
            else await Expect(page.GetByTestId("kpi-goal")).ToBeVisibleAsync();
            Assert.DoesNotContain("CANARY-", await page.ContentAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await Tab(page, "Confidential space").CountAsync());

            // Guessed ids: a concern's or a session's id where a mentorship's goes is simply not there.
            foreach (var guess in new[] { concernId, sessionId })
            {
                await GotoAsync(page, $"mentorships/{guess}");
                await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
            }

            foreach (var api in new[] { $"api/mentorships/{mentorship.Id}/concerns", $"api/concerns/{concernId}", $"api/mentorships/{mentorship.Id}/sessions",
                $"api/sessions/{sessionId}/ics", $"api/mentorships/{mentorship.Id}/concern-reads", $"api/mentorships/{mentorship.Id}/notes" })
            {
                var response = await page.Context.APIRequest.GetAsync(api);
                var body = await response.TextAsync();
                Assert.True(response.Status == 404, $"{who} GET {api}: {response.Status}");
                Assert.DoesNotContain("CANARY-", body, StringComparison.Ordinal);
            }
        }

        // No mail carries the pair's words.
        Assert.All(host.Smtp.Messages, m => Assert.DoesNotContain("CANARY-", m.ToString(), StringComparison.Ordinal));
        Assert.Contains(host.Smtp.Messages, m => m.Subject == "You have a new message in your mentorship");
    });

    private static ILocator Tab(IPage page, string name) => page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = name, Exact = true });
}
