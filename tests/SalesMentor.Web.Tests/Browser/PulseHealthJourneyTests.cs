using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Features.Programs;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>
/// The mentee answers a pulse with a low trust score and a comment; the admin's health page flags the pair
/// "cohesion low" and shows no comment, no score and no side; the mentor never sees the mentee's answer either.
/// </summary>
public class PulseHealthJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Comment = "CANARY-journey I do not feel heard";

    [Fact]
    public Task ALowPulse_RaisesCohesionLowOnTheHealthPage_WithoutCommentOrAnswer() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var admin = Actor.User(world.Admin.Id, world.Admin.Name, isAdmin: true);
        var program = await UseCaseAsync<CreateProgram, ProgramView>(host, uc => uc.HandleAsync(admin,
            new ProgramRequest("Autumn cohort", null, new DateOnly(2026, 9, 1), new DateOnly(2027, 2, 28), "best", 0, Rules: new ProgramRulesView(false, true, false, true, 2)), default));
        var mentorship = new Mentorship
        {
            ProgramId = program.Id, MentorId = world.Star.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active,
            StartedOn = DateOnly.FromDateTime(DateTime.UtcNow), Source = "matched", CreatedAt = DateTime.UtcNow,
        };
        await QueryAsync(host, async db => { db.Mentorships.Add(mentorship); return await db.SaveChangesAsync(); });
        await UseCaseAsync<RecordPulse, MyPulsesView>(host, uc => uc.HandleAsync(Actor.User(world.Star.Id, world.Star.Name, false), mentorship.Id,
            new PulseRequest(5, 5, 5, 5, "CANARY-journey mentor's own words"), default));

        var mentee = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await GotoAsync(mentee, $"/mentorships/{mentorship.Id}/pulse");
        await Expect(mentee.GetByTestId("health-notice")).ToContainTextAsync("admins see health flags");
        await Expect(mentee.GetByTestId("health-notice")).ToContainTextAsync("never see your pulse answers or comments");
        foreach (var (question, score) in new[] { ("trust", 1), ("safety", 4), ("value", 4), ("commitment", 4) })
        {
            await mentee.GetByTestId($"pulse-{question}").Locator(".mud-rating-item").Nth(score - 1).ClickAsync();
        }

        await mentee.GetByTestId("pulse-comment").FillAsync(Comment);
        await mentee.GetByTestId("pulse-save").ClickAsync();
        await Expect(mentee.GetByTestId("pulse-message")).ToContainTextAsync("your pulse is saved");
        await Expect(mentee.GetByTestId("my-pulses")).ToContainTextAsync(Comment);
        Assert.DoesNotContain("mentor's own words", await mentee.ContentAsync(), StringComparison.Ordinal);

        var adminPage = await SignedInPageAsync(host, world.Admin.Email!, TestWorld.Password);
        await GotoAsync(adminPage, $"/programs/{program.Id}/health");
        var row = adminPage.GetByTestId("pair-at-risk");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(world.RepA.Name);
        await Expect(row).ToContainTextAsync("cohesion low");
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal([world.RepA.Name, world.Star.Name, "cohesion low"], cells.Select(c => c.Trim()));
        await Expect(adminPage.GetByTestId("no-aggregates")).ToBeVisibleAsync();
        var html = await adminPage.ContentAsync();
        Assert.DoesNotContain("CANARY", html, StringComparison.Ordinal);
        Assert.DoesNotContain("heard", html, StringComparison.Ordinal);

        var mentor = await SignedInPageAsync(host, world.Star.Email!, TestWorld.Password);
        await GotoAsync(mentor, $"/mentorships/{mentorship.Id}/pulse");
        await Expect(mentor.GetByTestId("health-notice")).ToBeVisibleAsync();
        var mentorHtml = await mentor.ContentAsync();
        Assert.DoesNotContain(Comment, mentorHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("cohesion low\u003C/", mentorHtml, StringComparison.Ordinal);
        await Expect(mentor.GetByTestId("health-flags")).ToHaveCountAsync(0);
    });
}
