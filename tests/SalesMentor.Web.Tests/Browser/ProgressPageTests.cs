using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Confidential;
using SalesMentor.App.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesMentor.Web.Tests.Browser;

/// <summary>
/// The star mentors rep A, whose won revenue over the last three whole months (4,000 a month) beats both the frozen
/// baseline (2,000) and the star's own (1,000 a month): the mentee's progress page draws the goal's chart and shows the
/// surpass marker; the mentor's home lists rep A with what needs attention; supervisor A sees the goals and progress of
/// their rep from their home, without sessions and without anything confidential.
/// </summary>
public class ProgressPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Canary = "CANARY-progress-journey concern";

    [Fact]
    public Task TheProgressPage_DrawsTheGoal_AndCelebratesSurpassingTheMentor_TheMentorsHomeAndTheSupervisorsViewShowWhatTheyMay() => RunAsync(async () =>
    {
        var host = await StartHostAsync();
        var world = await host.CreateWorldAsync();
        var today = await QueryAsync(host, db => new OrgClock(db, host.Services.GetRequiredService<OrgSettingsCache>(), TimeProvider.System).TodayAsync(default));
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var now = DateTime.UtcNow;
        var mentorship = new Mentorship { MentorId = world.Star.Id, MenteeId = world.RepA.Id, Stage = MentorshipStage.Active, StartedOn = thisMonth.AddMonths(-3), Source = "imported", CreatedAt = now };
        var goal = new KpiGoal(Guid.CreateVersion7(), "won-revenue", 2000m, Key(thisMonth.AddMonths(-6)), Key(thisMonth.AddMonths(-4)), 3, 6000m, thisMonth.AddMonths(6));
        await QueryAsync(host, async db =>
        {
            db.Mentorships.Add(mentorship);
            db.Agreements.Add(new Agreement { MentorshipId = mentorship.Id, Terms = "Between us.", KpiGoals = [goal], UpdatedAt = now, MentorSignedAt = now, MenteeSignedAt = now });
            for (var i = 1; i <= 3; i++)
            {
                var day = thisMonth.AddMonths(-i).AddDays(9);
                foreach (var (owner, amount) in new[] { (world.RepA, 4000m), (world.Star, 1000m) })
                {
                    db.Opportunities.Add(new Opportunity
                    {
                        Source = "test", ExternalId = $"{owner.Email}-progress-{i}", OwnerId = owner.Id, Name = "Won", Account = "Acme", Amount = amount, Currency = "USD",
                        CreatedOn = day.AddDays(-5), CloseDate = day, IsClosed = true, IsWon = true, ImportedAt = now,
                    });
                }
            }

            await db.SaveChangesAsync();
            return await SalesDataStamp.BumpAsync(db, default);
        });
        await UseCaseAsync<RaiseConcern, ConcernView>(host, uc => uc.HandleAsync(Actor.User(world.RepA.Id, world.RepA.Name, false), mentorship.Id,
            new RaiseConcernRequest(ConcernKind.Concern, Canary), default));

        // The mentee: baseline → current → target, the chart, the marker; sessions are theirs to see.
        var mentee = await SignedInPageAsync(host, world.RepA.Email!, TestWorld.Password);
        await GotoAsync(mentee, $"/mentorships/{mentorship.Id}");
        await mentee.GetByTestId("open-progress").ClickAsync();
        await Expect(mentee.GetByTestId("progress-title")).ToContainTextAsync(world.RepA.Name);
        var card = mentee.GetByTestId("kpi-goal");
        await Expect(card).ToContainTextAsync("Won revenue");
        await Expect(card.GetByTestId("goal-baseline")).ToContainTextAsync("2,000.00");
        await Expect(card.GetByTestId("goal-current")).ToContainTextAsync("4,000.00");
        await Expect(card.GetByTestId("goal-target")).ToContainTextAsync("6,000.00");
        await Expect(card.GetByTestId("goal-share")).ToBeVisibleAsync();
        await Expect(card.GetByTestId("goal-chart").Locator("svg")).ToBeVisibleAsync();
        Assert.True(await card.GetByTestId("goal-chart").Locator("svg path").CountAsync() > 0, "the chart draws no line");
        await Expect(card.GetByTestId("goal-chart")).ToContainTextAsync(Key(thisMonth.AddMonths(-1)));
        var marker = card.GetByTestId("surpass-marker");
        await Expect(marker).ToBeVisibleAsync();
        await Expect(marker).ToContainTextAsync($"{world.RepA.Name} has surpassed {world.Star.Name} on Won revenue");
        await Expect(marker).ToContainTextAsync("4,000.00 USD against 1,000.00 USD");
        await Expect(mentee.GetByTestId("progress-sessions")).ToBeVisibleAsync();
        Assert.DoesNotContain("CANARY", await mentee.ContentAsync(), StringComparison.Ordinal);

        // The mentor's home: rep A at a glance, what needs attention, the marker; nothing confidential.
        var mentor = await SignedInPageAsync(host, world.Star.Email!, TestWorld.Password);
        await GotoAsync(mentor, "/mentoring");
        var glance = mentor.GetByTestId("mentee-card");
        await Expect(glance).ToHaveCountAsync(1);
        await Expect(glance.GetByTestId("mentee-name")).ToHaveTextAsync(world.RepA.Name);
        await Expect(glance.GetByTestId("attention").Filter(new() { HasText = "no session scheduled" })).ToBeVisibleAsync();
        await Expect(glance.GetByTestId("attention").Filter(new() { HasText = "your pulse check-in is due" })).ToBeVisibleAsync();
        await Expect(glance.GetByTestId("home-surpassed")).ToContainTextAsync("surpassed you on 1");
        Assert.DoesNotContain("CANARY", await mentor.ContentAsync(), StringComparison.Ordinal);
        await glance.GetByTestId("mentee-progress").ClickAsync();
        await Expect(mentor.GetByTestId("surpass-marker")).ToBeVisibleAsync();

        // Supervisor A: their rep's goals and progress from their home; no sessions, nothing confidential.
        var supervisor = await SignedInPageAsync(host, world.SupervisorA.Email!, TestWorld.Password);
        await GotoAsync(supervisor, "/mentoring");
        await Expect(supervisor.GetByTestId("mentee-card")).ToHaveCountAsync(0);
        var report = supervisor.GetByTestId("report-mentorship");
        await Expect(report).ToContainTextAsync($"{world.RepA.Name}, mentored by {world.Star.Name}");
        await Expect(report.GetByTestId("report-goal")).ToContainTextAsync("Won revenue: 2,000.00 → 4,000.00 → 6,000.00 (50 %)");
        await Expect(report.GetByTestId("report-surpassed")).ToBeVisibleAsync();
        await report.GetByTestId("report-progress").ClickAsync();
        await Expect(supervisor.GetByTestId("surpass-marker")).ToBeVisibleAsync();
        await Expect(supervisor.GetByTestId("progress-sessions")).ToHaveCountAsync(0);
        Assert.DoesNotContain("CANARY", await supervisor.ContentAsync(), StringComparison.Ordinal);

        // …and from rep A's person page.
        await GotoAsync(supervisor, $"/people/{world.RepA.Id}");
        await Expect(supervisor.GetByTestId("person-mentorship")).ToContainTextAsync($"mentored by {world.Star.Name}");
        await supervisor.GetByTestId("person-mentorship-progress").ClickAsync();
        await Expect(supervisor.GetByTestId("surpass-marker")).ToBeVisibleAsync();

        // A teammate finds nothing there, nor on rep A's person page.
        var teammate = await SignedInPageAsync(host, world.RepB.Email!, TestWorld.Password);
        await GotoAsync(teammate, $"/mentorships/{mentorship.Id}/progress");
        await Expect(teammate.GetByText("This mentorship does not exist")).ToBeVisibleAsync();
        await GotoAsync(teammate, $"/people/{world.RepA.Id}");
        await Expect(teammate.GetByTestId("person-details")).ToBeVisibleAsync();
        await Expect(teammate.GetByTestId("person-mentorship")).ToHaveCountAsync(0);
    });
}
