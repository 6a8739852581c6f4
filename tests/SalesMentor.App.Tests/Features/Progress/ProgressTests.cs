using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Confidential;
using SalesMentor.App.Features.Health;
using SalesMentor.App.Features.Notes;
using SalesMentor.App.Features.People;
using SalesMentor.App.Features.Progress;
using SalesMentor.App.Features.Sessions;
using SalesMentor.App.Tests.Features.Health;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.App.Tests.Kpis;

namespace SalesMentor.App.Tests.Features.Progress;

public class ProgressTests
{
    [Theory, BothProviders]
    public async Task KpiGoals_AreBaselineCurrentTarget_FromTheKpiEngine_WithTheSurpassMarker(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ProgressWorld.CreateAsync(app);

        // On 2026-06-15 the current window is the baseline's: March–May, so current = baseline.
        var start = await HealthWorld.Ok(w.ProgressAsync(w.Health.Mentee));
        var revenue = start.KpiGoals.Single(g => g.Kpi.Id == "won-revenue");
        Assert.Equal((2000m, "2026-03", "2026-05", 2000m, "2026-03", "2026-05", 0m), (revenue.Baseline, revenue.BaselineFrom, revenue.BaselineTo, revenue.Current, revenue.CurrentFrom, revenue.CurrentTo, revenue.Share));
        Assert.Equal((false, 2500m), (revenue.SurpassedMentor, revenue.MentorCurrent)); // the star's 2,500 a month is more

        await w.MoveOnAsync();
        var view = await HealthWorld.Ok(w.ProgressAsync(w.Health.Mentee));

        // Won revenue: baseline (1,000 + 2,000 + 3,000) / 3 = 2,000; current June–August (4,000 + 5,000 + 6,000) / 3 = 5,000;
        // target 8,000: (5,000 − 2,000) / (8,000 − 2,000) = 0.5 of the way. The star: 3,000 a month → 3,000 < 5,000: surpassed.
        revenue = view.KpiGoals.Single(g => g.Kpi.Id == "won-revenue");
        Assert.Equal((2000m, 5000m, "2026-06", "2026-08", 8000m, 0.5m, false), (revenue.Baseline, revenue.Current, revenue.CurrentFrom, revenue.CurrentTo, revenue.Target, revenue.Share, revenue.Reached));
        Assert.Equal((true, true, 3000m), (revenue.SurpassedMentor, revenue.MentorShown, revenue.MentorCurrent));
        Assert.Equal(["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"], revenue.Months.Select(m => m.Month));
        Assert.Equal([1000m, 2000m, 3000m, 4000m, 5000m, 6000m], revenue.Months.Select(m => m.Mentee));
        Assert.Equal([3000m, 3000m, 3000m], revenue.Months.Skip(3).Select(m => m.Mentor));

        // Won deals: baseline 1, current (1 + 1 + 1) / 3 = 1, target 3: no way come yet. The star: (1 + 1 + 2) / 3 = 1.3333 > 1.
        var deals = view.KpiGoals.Single(g => g.Kpi.Id == "won-deals");
        Assert.Equal((1m, 1m, 3m, 0m), (deals.Baseline, deals.Current, deals.Target, deals.Share));
        Assert.Equal((false, 1.3333m), (deals.SurpassedMentor, deals.MentorCurrent));

        // The same numbers as the scorecard's months.
        var scorecard = await HealthWorld.Ok(app.InScopeAsync(s => s.Get<SalesMentor.App.Features.Kpis.GetScorecard>().HandleAsync(
            w.Health.Mentee, w.World.RepA.Id, new SalesMentor.App.Features.Kpis.GetScorecardRequest("month", "2026-07"), default)));
        Assert.Equal(5000m, scorecard.Tiles.Single(t => t.Kpi.Id == "won-revenue").Value);

        // Who sees it: the pair, the mentee's supervisor chain, the admin (and the command line, as admin) — sessions for the pair only.
        foreach (var (who, actor, pair) in new[] { ("mentee", w.Health.Mentee, true), ("mentor", w.Health.Mentor, true), ("supervisor", TestApp.As(w.World.SupervisorA), false), ("vp", TestApp.As(w.World.Vp), false), ("admin", w.Health.Admin, false), ("command line", Actor.CommandLine, false) })
        {
            var seen = await w.ProgressAsync(actor);
            Assert.True(seen.IsSuccess, who);
            Assert.Equal(pair, seen.Value.Sessions is not null);
            Assert.True(seen.Value.KpiGoals.Single(g => g.Kpi.Id == "won-revenue").SurpassedMentor, who);
        }

        foreach (var (who, actor) in new[] { ("teammate", TestApp.As(w.World.RepB)), ("former mentor", TestApp.As(w.World.RepC)), ("mentor's supervisor", TestApp.As(w.World.SupervisorB)) })
        {
            Assert.True((await w.ProgressAsync(actor)).Error?.Kind == ErrorKind.NotFound, who);
        }

        Assert.Equal(ErrorKind.NotFound, (await w.ProgressAsync(w.Health.Mentee, Guid.CreateVersion7())).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await w.ProgressAsync(TestApp.As(w.World.RepC), w.Health.Former)).Error?.Kind);
    }

    [Theory, BothProviders]
    public async Task WhenSalesDataIsOwnAndChain_TheMentorsNumbersAreHidden_ButTheMarkerStays(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ProgressWorld.CreateAsync(app);
        await w.MoveOnAsync();
        await KpiWorld.SetVisibilityAsync(app, SalesDataVisibility.OwnAndManagementChain);

        // Supervisor A leads rep A, not the star (supervisor B does): they see rep A's numbers and the marker, not the star's numbers.
        var supervisor = await HealthWorld.Ok(w.ProgressAsync(TestApp.As(w.World.SupervisorA)));
        var revenue = supervisor.KpiGoals.Single(g => g.Kpi.Id == "won-revenue");
        Assert.Equal((5000m, true, false, (decimal?)null), (revenue.Current, revenue.SurpassedMentor, revenue.MentorShown, revenue.MentorCurrent));
        Assert.All(revenue.Months, m => Assert.Null(m.Mentor));

        var mentee = await HealthWorld.Ok(w.ProgressAsync(w.Health.Mentee));
        Assert.False(mentee.KpiGoals[0].MentorShown);
        var mentor = await HealthWorld.Ok(w.ProgressAsync(w.Health.Mentor));
        Assert.Equal((true, 3000m), (mentor.KpiGoals.Single(g => g.Kpi.Id == "won-revenue").MentorShown, mentor.KpiGoals.Single(g => g.Kpi.Id == "won-revenue").MentorCurrent));
    }

    [Theory, BothProviders]
    public async Task SessionsActionItemsAndTheMentorsHome_SayWhatNeedsAttention_AndCarryNothingConfidential(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ProgressWorld.CreateAsync(app);
        var h = w.Health;
        Task<Result<SessionView>> Schedule(DateTimeOffset at) =>
            app.InScopeAsync(s => s.Get<ScheduleSession>().HandleAsync(h.Mentee, w.Current, new SessionRequest(at, 60, "Room 1", null), default));
        var first = await HealthWorld.Ok(Schedule(new DateTimeOffset(2026, 6, 20, 10, 0, 0, TimeSpan.Zero)));
        await HealthWorld.Ok(Schedule(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero)));
        await HealthWorld.Ok(app.InScopeAsync(s => s.Get<RaiseConcern>().HandleAsync(h.Mentee, w.Current, new RaiseConcernRequest(ConcernKind.Concern, "CANARY-concern"), default)));
        await HealthWorld.Ok(app.InScopeAsync(s => s.Get<AddPrivateNote>().HandleAsync(h.Mentor, w.Current, new PrivateNoteRequest("CANARY-private-note"), default)));
        await w.MoveOnAsync();

        // Today 2026-09-14: the first session held with three action items, the second never logged, a third coming up.
        await HealthWorld.Ok(app.InScopeAsync(s => s.Get<LogSession>().HandleAsync(h.Mentor, first.Id, new SessionLogRequest(SessionStatus.Held, "CANARY-agenda", "CANARY-shared-notes",
            [
                new ActionItemInput(null, "CANARY-action-overdue", "mentee", new DateOnly(2026, 7, 1)),
                new ActionItemInput(null, "Call three old customers", "mentee", new DateOnly(2026, 12, 1)),
                new ActionItemInput(null, "Share the pricing deck", "mentor", new DateOnly(2026, 7, 1), Done: true),
            ], [], first.Version), default)));
        var upcoming = new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.Zero);
        await HealthWorld.Ok(Schedule(upcoming));
        await HealthWorld.Ok(h.PulseAsync(h.Mentee, w.Current, 1, 1, 1, 1, "CANARY-pulse-of-the-mentee"));

        var progress = await HealthWorld.Ok(w.ProgressAsync(h.Mentor));
        var sessions = progress.Sessions!;
        Assert.Equal((1, 0, 0, 0, 1, 1), (sessions.Held, sessions.Missed, sessions.Rescheduled, sessions.Cancelled, sessions.Upcoming, sessions.WithoutLog));
        Assert.Equal((upcoming.UtcDateTime, new DateTime(2026, 6, 20, 10, 0, 0, DateTimeKind.Utc)), (sessions.NextSession!.Value, sessions.LastHeld!.Value));
        Assert.Equal((1, 1, 1), (sessions.OpenActions, sessions.OverdueActions, sessions.DoneActions));
        Assert.Equal(["overdue", "open", "done"], sessions.Actions.Select(a => a.State));

        // The mentor's home: flags they may see, never "cohesion low" (the mentee's pulse is all 1s); their own pulse is due.
        var home = await HealthWorld.Ok(w.HomeAsync(h.Mentor));
        var mentee = Assert.Single(home.Mentees);
        Assert.Equal((w.World.RepA.Name, upcoming.UtcDateTime, 1, 1, 1, true), (mentee.Mentee.Name, mentee.NextSession!.Value, mentee.OverdueActions, mentee.OpenActions, mentee.SessionsWithoutLog, mentee.PulseDue));
        Assert.Equal(["no session in 3 weeks", "actions overdue"], mentee.Flags);
        Assert.Equal(["1 action overdue", "1 session to log", "no session in 3 weeks", "your pulse check-in is due"], mentee.Attention);
        Assert.Equal((2, 1), (mentee.KpiGoals, mentee.GoalsSurpassed));
        Assert.Empty(home.Reports);
        await HealthWorld.Ok(h.PulseAsync(h.Mentor, w.Current, 5, 5, 5, 5, "CANARY-pulse-of-the-mentor"));
        Assert.False(Assert.Single((await HealthWorld.Ok(w.HomeAsync(h.Mentor))).Mentees).PulseDue);

        // The supervisor chain: rep A's mentorship with goals only; not the closed one with rep C. Others: nothing.
        foreach (var actor in new[] { TestApp.As(w.World.SupervisorA), TestApp.As(w.World.Vp) })
        {
            var lead = await HealthWorld.Ok(w.HomeAsync(actor));
            Assert.Empty(lead.Mentees);
            var report = Assert.Single(lead.Reports);
            Assert.Equal((w.Current, w.World.Star.Name, 2), (report.MentorshipId, report.Mentor.Name, report.KpiGoals.Count));
            Assert.Equal(0.5m, report.KpiGoals.Single(g => g.Kpi.Id == "won-revenue").Share);
        }

        foreach (var actor in new[] { TestApp.As(w.World.RepB), TestApp.As(w.World.SupervisorB), h.Admin, Actor.CommandLine })
        {
            var nothing = await HealthWorld.Ok(w.HomeAsync(actor));
            Assert.Empty(nothing.Mentees);
            Assert.Empty(nothing.Reports);
        }

        Assert.Empty((await HealthWorld.Ok(w.HomeAsync(h.Mentee))).Mentees); // the mentee is no mentor

        // Canaries: the pair's progress carries action items (shared with the pair) and nothing else of the logs; nobody
        // else's answer, and no home, carries any of it.
        static string Json<T>(T value) => JsonSerializer.Serialize(value);
        foreach (var actor in new[] { h.Mentee, h.Mentor })
        {
            var json = Json(await HealthWorld.Ok(w.ProgressAsync(actor)));
            Assert.Contains("CANARY-action-overdue", json, StringComparison.Ordinal);
            Assert.Equal(1, json.Split("CANARY", StringSplitOptions.None).Length - 1);
        }

        foreach (var actor in new[] { TestApp.As(w.World.SupervisorA), TestApp.As(w.World.Vp), h.Admin })
        {
            Assert.DoesNotContain("CANARY", Json(await HealthWorld.Ok(w.ProgressAsync(actor))), StringComparison.Ordinal);
            Assert.DoesNotContain("CANARY", Json(await HealthWorld.Ok(w.HomeAsync(actor))), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("CANARY", Json(await HealthWorld.Ok(w.HomeAsync(h.Mentor))), StringComparison.Ordinal);
        Assert.DoesNotContain("cohesion", Json(await HealthWorld.Ok(w.HomeAsync(h.Mentor))), StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", app.Logs.All, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task MentoringHome_OffersTheTeamPulse_OnlyOfProgramsTheSupervisorSees(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ProgressWorld.CreateAsync(app);
        var programId = await app.InScopeAsync(s => s.Db.Mentorships.Where(m => m.Id == w.Current).Select(m => m.ProgramId!.Value).SingleAsync());
        var name = await app.InScopeAsync(s => s.Db.Programs.Where(p => p.Id == programId).Select(p => p.Name).SingleAsync());
        var supervisor = TestApp.As(w.World.SupervisorA);
        Assert.Equal([new TeamPulseLinkView(programId, name)], (await HealthWorld.Ok(w.HomeAsync(supervisor))).TeamPulse);
        Assert.Empty((await HealthWorld.Ok(w.HomeAsync(w.Health.Mentor))).TeamPulse); // a mentor, no report

        // Back in draft, the program is its managers' alone: the report stays, the link to a page that would answer 404 goes.
        await SetStatusAsync(ProgramStatus.Draft);
        var home = await HealthWorld.Ok(w.HomeAsync(supervisor));
        Assert.Equal(w.Current, Assert.Single(home.Reports).MentorshipId);
        Assert.Empty(home.TeamPulse);
        Assert.False((await app.InScopeAsync(s => s.Get<GetTeamPulse>().HandleAsync(supervisor, programId, default))).IsSuccess);

        await SetStatusAsync(ProgramStatus.Active);
        Assert.Equal([new TeamPulseLinkView(programId, name)], (await HealthWorld.Ok(w.HomeAsync(supervisor))).TeamPulse);

        Task SetStatusAsync(ProgramStatus status) => app.SeedAsync(async db =>
            Assert.Equal(1, await db.Programs.Where(p => p.Id == programId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, status))));
    }

    [Theory, BothProviders]
    public async Task PersonPage_ListsTheRunningMentorship_ForWhoMayOpenIt(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await ProgressWorld.CreateAsync(app);
        var repA = w.World.RepA.Id;
        async Task<IReadOnlyList<PersonMentorshipView>> SeenByAsync(Actor actor) =>
            (await HealthWorld.Ok(app.InScopeAsync(s => s.Get<GetPerson>().HandleAsync(actor, repA, default)))).Mentorships;

        // The pair and the chain above the mentee: the star's mentorship of rep A, linked to its progress.
        foreach (var actor in new[] { w.Health.Mentee, w.Health.Mentor, TestApp.As(w.World.SupervisorA), TestApp.As(w.World.Vp) })
        {
            var m = Assert.Single(await SeenByAsync(actor));
            Assert.Equal((w.Current, w.World.Star.Id, MentorshipStage.Active), (m.MentorshipId, m.Mentor.Id, m.Stage));
            Assert.True((await app.InScopeAsync(s => s.Get<GetMentorshipProgress>().HandleAsync(actor, m.MentorshipId, default))).IsSuccess);
        }

        // A peer and another team's supervisor see rep A's page, not the mentorship (its progress answers 404 for them).
        foreach (var actor in new[] { TestApp.As(w.World.RepB), TestApp.As(w.World.SupervisorB) })
        {
            Assert.Empty(await SeenByAsync(actor));
            Assert.False((await app.InScopeAsync(s => s.Get<GetMentorshipProgress>().HandleAsync(actor, w.Current, default))).IsSuccess);
        }

        // Closed: no longer listed, for anyone.
        await app.SeedAsync(async db => Assert.Equal(1, await db.Mentorships.Where(m => m.Id == w.Current)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Stage, MentorshipStage.Closed))));
        Assert.Empty(await SeenByAsync(w.Health.Mentee));
        Assert.Empty(await SeenByAsync(TestApp.As(w.World.SupervisorA)));
    }
}
