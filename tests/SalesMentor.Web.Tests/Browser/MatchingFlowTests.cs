using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>
/// A program from start to mentorship in the browser: the admin opens a program, a star enrolls as mentor and two reps
/// as mentees (one gap "mentor only"), the admin runs the matching, locks a pair, publishes, and both sides accept.
/// </summary>
public partial class MatchingFlowTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task EnrollBothSides_RunLockPublish_AcceptAsBoth() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();

        // The admin creates the program and opens it for enrollment.
        var admin = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);
        await MenuLink(admin, "Programs").ClickAsync();
        await admin.GetByTestId("new-program").ClickAsync();
        await admin.GetByTestId("program-name").FillAsync("Autumn closers");
        await admin.GetByTestId("program-goals").FillAsync("Close bigger deals");
        await admin.GetByTestId("create-program").ClickAsync();
        await Expect(admin.GetByTestId("program-title")).ToHaveTextAsync("Autumn closers");
        var programId = Guid.Parse(ProgramUrl().Match(admin.Url).Groups[1].Value);
        await admin.GetByTestId("next-status").ClickAsync();
        await Expect(admin.GetByTestId("program-status")).ToHaveTextAsync("enrolling");

        // The star enrolls as mentor.
        var star = await SignedInPageAsync(host, world.Star.Email!, TestWorld.Password);
        await MenuLink(star, "Programs").ClickAsync();
        await star.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Autumn closers" }).ClickAsync();
        await star.GetByTestId("enroll-mentor").ClickAsync();
        await Expect(star.GetByTestId("enrollment-form-title")).ToContainTextAsync("Enroll as mentor");
        await star.GetByTestId("capacity").FillAsync("2");
        await star.GetByTestId("level-closing").FillAsync("5");
        await star.GetByTestId("level-prospecting").FillAsync("4");
        await star.GetByTestId("statement").FillAsync("I want to give back what my first manager gave me.");
        await star.GetByTestId("save-enrollment").ClickAsync();
        await Expect(star.GetByTestId("enrollment-message")).ToContainTextAsync("Saved");

        // Two reps enroll as mentees; one gap of rep A is for her mentor only.
        var repA = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await GotoAsync(repA, $"programs/{programId}/mentee");
        await repA.GetByTestId("level-closing").FillAsync("4");
        await repA.GetByTestId("level-negotiating").FillAsync("5");
        await repA.GetByTestId("skill-negotiating").GetByText("mentor only").ClickAsync();
        await repA.GetByTestId("statement").FillAsync("Win my first six-figure deal.");
        await repA.GetByTestId("save-enrollment").ClickAsync();
        await Expect(repA.GetByTestId("enrollment-message")).ToContainTextAsync("Saved");

        var repC = await SignedInPageAsync(host, world.RepC.Email!, TestWorld.Password);
        await GotoAsync(repC, $"programs/{programId}/mentee");
        await Expect(repC.GetByTestId("time-zone")).ToHaveValueAsync("Europe/Berlin");   // prefilled from the directory
        await repC.GetByTestId("level-prospecting").FillAsync("3");
        await repC.GetByTestId("save-enrollment").ClickAsync();
        await Expect(repC.GetByTestId("enrollment-message")).ToContainTextAsync("Saved");

        var gaps = await QueryAsync(host, db => db.Enrollments.Where(e => e.PersonId == world.RepA.Id).Select(e => e.Id).SingleAsync());
        var stored = await QueryAsync(host, db => db.SkillRatings.Where(r => r.EnrollmentId == gaps).Select(r => new { r.SkillKey, r.Visibility }).ToListAsync());
        Assert.Contains(stored, r => r.SkillKey == "negotiating" && r.Visibility == GapVisibility.MentorOnly);
        Assert.Equal("Europe/Berlin", await QueryAsync(host, db => db.Enrollments.Where(e => e.PersonId == world.RepC.Id).Select(e => e.TimeZone).SingleAsync()));

        // The admin makes the star eligible with a written reason (the rule decides otherwise) and moves on to matching.
        await GotoAsync(admin, $"programs/{programId}");
        await admin.GetByTestId("roster").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = world.Star.Name }).ClickAsync();
        await admin.GetByTestId("override-choice").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = "Eligible whatever the rule says", Exact = true }).ClickAsync();
        await admin.GetByTestId("override-reason").FillAsync("Top seller of the last two years in the old CRM");
        await admin.GetByTestId("save-override").ClickAsync();
        await Expect(admin.GetByTestId("enrollment-message")).ToContainTextAsync("Saved the decision");
        Assert.DoesNotContain("egotiat", await EnrollmentTextAsync(admin, gaps), StringComparison.OrdinalIgnoreCase);

        await GotoAsync(admin, $"programs/{programId}");
        await admin.GetByTestId("next-status").ClickAsync();
        await Expect(admin.GetByTestId("program-status")).ToHaveTextAsync("matching");

        // The board: run, two pairs, verified; the mentor-only gap is nowhere on it.
        await admin.GetByTestId("open-board").ClickAsync();
        await admin.GetByTestId("run-matching").ClickAsync();
        await Expect(admin.GetByTestId("board-matched")).ToHaveTextAsync("2 of 2 mentees matched");
        await Expect(admin.GetByTestId("board-verdict")).ToContainTextAsync("optimality verified");
        await Expect(admin.GetByTestId("pair")).ToHaveCountAsync(2);
        Assert.DoesNotContain("egotiat", await admin.ContentAsync(), StringComparison.OrdinalIgnoreCase);

        // Lock rep A's pair; a re-run keeps it; compare the modes; publish.
        var pairA = admin.GetByTestId("pair").Filter(new LocatorFilterOptions { HasText = world.RepA.Name });
        await pairA.GetByTestId("lock-pair").ClickAsync();
        await Expect(pairA.GetByTestId("locked")).ToBeVisibleAsync();
        await admin.GetByTestId("run-matching").ClickAsync();
        await Expect(admin.GetByTestId("board-message")).ToContainTextAsync("verified");
        await Expect(pairA.GetByTestId("locked")).ToBeVisibleAsync();
        await admin.GetByTestId("compare-modes").ClickAsync();
        await Expect(admin.GetByTestId("mode-comparison").Locator("tbody tr")).ToHaveCountAsync(3);
        await admin.GetByTestId("publish").ClickAsync();
        await Expect(admin.GetByTestId("board-message")).ToContainTextAsync("Published");
        await Expect(pairA.GetByTestId("pair-state")).ToContainTextAsync("published");

        // Both sides accept on their own page.
        await GotoAsync(repA, "me/mentoring");
        var forRepA = repA.GetByTestId("proposal").Filter(new LocatorFilterOptions { HasText = world.Star.Name });
        await Expect(forRepA).ToContainTextAsync("as your mentor");
        await forRepA.GetByTestId("accept").ClickAsync();
        await Expect(repA.GetByTestId("mentoring-message")).ToContainTextAsync("Accepted");

        await MenuLink(star, "My mentoring").ClickAsync();
        var forStar = star.GetByTestId("proposal").Filter(new LocatorFilterOptions { HasText = world.RepA.Name });
        await forStar.GetByTestId("accept").ClickAsync();
        await Expect(star.GetByTestId("mentoring-message")).ToContainTextAsync("You both accepted");
        await Expect(star.GetByTestId("mentorship")).ToContainTextAsync($"Mentoring {world.RepA.Name}");

        var mentorship = await QueryAsync(host, db => db.Mentorships.SingleAsync());
        Assert.Equal((world.Star.Id, world.RepA.Id, MentorshipStage.Agreeing), (mentorship.MentorId, mentorship.MenteeId, mentorship.Stage));

        // Now matched, the mentor sees the mentor-only gap; the admin still does not.
        Assert.Contains("Negotiating", await EnrollmentTextAsync(star, gaps), StringComparison.Ordinal);
        Assert.DoesNotContain("egotiat", await EnrollmentTextAsync(admin, gaps), StringComparison.OrdinalIgnoreCase);
    });

    /// <summary>The skills shown on an enrollment's page to whoever <paramref name="page"/> is signed in as.</summary>
    private static async Task<string> EnrollmentTextAsync(IPage page, Guid enrollment)
    {
        await GotoAsync(page, $"enrollments/{enrollment}");
        await Expect(page.GetByTestId("enrollment-skills")).ToBeVisibleAsync();
        return await page.GetByTestId("enrollment-skills").InnerTextAsync();
    }

    [GeneratedRegex(@"/programs/([0-9a-f-]{36})$")]
    private static partial Regex ProgramUrl();
}
