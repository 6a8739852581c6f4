using Microsoft.EntityFrameworkCore;
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

/// <summary>
/// A supervisor whose five reps are mentees: from their mentoring home to the pulse of their people, an average of
/// the closed round over the five, and no answer or comment anywhere on the page.
/// </summary>
public class TeamPulseJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task ASupervisor_SeesTheAverageOfTheirFiveReps_AndNoAnswer() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var admin = Actor.User(world.Admin.Id, world.Admin.Name, isAdmin: true);
        var program = await UseCaseAsync<CreateProgram, ProgramView>(host, uc => uc.HandleAsync(admin,
            new ProgramRequest("Winter cohort", null, new DateOnly(2026, 9, 1), new DateOnly(2027, 2, 28), "best", 0, Rules: new ProgramRulesView(false, true, false, true, 2)), default));
        var now = DateTime.UtcNow;
        var pairs = Enumerable.Range(0, 5).Select(i =>
        {
            Person New(string name, Core.People.PersonId? manager)
            {
                var p = new Person { Name = name, Email = $"{name.Replace(' ', '.').ToLowerInvariant()}@world.test", ManagerId = manager, CreatedAt = now, UpdatedAt = now };
                p.RefreshKeys();
                return p;
            }

            var (mentor, mentee) = (New($"Mentor {i}", null), New($"Rep {i}", world.SupervisorA.Id));
            return (Mentor: mentor, Mentee: mentee, Mentorship: new Mentorship
            {
                ProgramId = program.Id, MentorId = mentor.Id, MenteeId = mentee.Id, Stage = MentorshipStage.Active, StartedOn = DateOnly.FromDateTime(now), Source = "matched", CreatedAt = now,
            });
        }).ToList();
        await QueryAsync(host, async db =>
        {
            db.People.AddRange(pairs.SelectMany(p => new[] { p.Mentor, p.Mentee }));
            db.Mentorships.AddRange(pairs.Select(p => p.Mentorship));
            return await db.SaveChangesAsync();
        });
        foreach (var (p, i) in pairs.Select((p, i) => (p, i)))
        {
            await UseCaseAsync<RecordPulse, MyPulsesView>(host, uc => uc.HandleAsync(Actor.User(p.Mentee.Id, p.Mentee.Name, false), p.Mentorship.Id,
                new PulseRequest(i + 1, 4, 4, 4, $"CANARY-team-journey {i}"), default));
        }

        // The program runs, and five weeks have passed as far as its rounds go: round 0 is closed.
        await QueryAsync(host, db => db.Programs.Where(p => p.Id == program.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.CreatedAt, now.AddDays(-35)).SetProperty(p => p.Status, ProgramStatus.Active)));

        var supervisor = await SignedInPageAsync(host, world.SupervisorA.Email!, TestWorld.Password);
        await GotoAsync(supervisor, "/mentoring");
        await supervisor.GetByTestId("open-team-pulse").ClickAsync();
        await Expect(supervisor.GetByTestId("team-pulse-intro")).ToContainTextAsync("below you");
        var cells = await supervisor.GetByTestId("pulse-aggregates").Locator("tbody tr td").AllInnerTextsAsync();
        // Trust 1..5 → 3.0; the round started the day the program was (moved to be) created.
        Assert.Equal([DateOnly.FromDateTime(now.AddDays(-35)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "your people as mentees", "5"], cells.Take(3).Select(c => c.Trim()));
        Assert.Matches("^3[.,]0$", cells[3].Trim());
        Assert.DoesNotContain("CANARY", await supervisor.ContentAsync(), StringComparison.Ordinal);
    });
}
