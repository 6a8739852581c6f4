using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.ProgramMetrics;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Impact;

/// <summary>Program health numbers on a hand-built program, checked by hand, on both providers; the monthly summary mail once per month.</summary>
public class ProgramMetricsTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime);

    private static async Task<(TestApp App, TestWorld World, Guid Program)> StartAsync(Provider provider)
    {
        var app = await TestApp.StartAsync(provider);
        var w = await TestWorld.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var scope = app.Scope();
        var program = new MentorshipProgram { Name = "Metrics cohort", Status = ProgramStatus.Active, CreatedAt = now, UpdatedAt = now };
        scope.Db.Programs.Add(program);
        scope.Db.Enrollments.Add(new Enrollment { ProgramId = program.Id, PersonId = w.Star.Id, Side = EnrollmentSide.Mentor, Capacity = 1, CreatedAt = now, UpdatedAt = now });
        foreach (var mentee in new[] { w.RepA, w.RepB, w.RepC })
            scope.Db.Enrollments.Add(new Enrollment { ProgramId = program.Id, PersonId = mentee.Id, Side = EnrollmentSide.Mentee, Capacity = 1, CreatedAt = now, UpdatedAt = now });
        var started = Today.AddDays(-60);
        Mentorship Pair(Person mentee) => new() { ProgramId = program.Id, MentorId = w.Star.Id, MenteeId = mentee.Id, Stage = MentorshipStage.Active, StartedOn = started, Source = "matched", CreatedAt = now };
        var (a, b) = (Pair(w.RepA), Pair(w.RepB));
        scope.Db.Mentorships.AddRange(a, b);
        MentoringSession Session(Mentorship m, int daysAgo, SessionStatus status) => new()
        {
            MentorshipId = m.Id, StartsAt = Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc), DurationMinutes = 45, Status = status, CreatedAt = now, UpdatedAt = now,
        };
        scope.Db.Sessions.AddRange(Session(a, 50, SessionStatus.Held), Session(a, 20, SessionStatus.Missed), Session(a, 10, SessionStatus.Held), Session(b, 45, SessionStatus.Held));
        var (first, second) = (new BehaviourGoal(Guid.CreateVersion7(), Guid.CreateVersion7(), AdoptionLevel.Consistent), new BehaviourGoal(Guid.CreateVersion7(), Guid.CreateVersion7(), AdoptionLevel.Habit));
        scope.Db.Agreements.Add(new Agreement
        {
            MentorshipId = a.Id, Terms = "terms",
            KpiGoals = [new KpiGoal(Guid.CreateVersion7(), "won-revenue", 0m, "2026-01", "2026-03", 3, 1000m, started.AddDays(120))],
            BehaviourGoals = [first, second],
        });
        AdoptionCheck Check(BehaviourGoal goal, AdoptionLevel level, int daysAgo) => new()
        {
            MentorshipId = a.Id, BehaviourGoalId = goal.Id, BehaviourId = goal.BehaviourId, ObserverId = w.Star.Id, Source = AdoptionSource.Mentor,
            Level = level, ObservedOn = Today.AddDays(-daysAgo), CreatedAt = now,
        };
        // The first goal's latest rating is consistent (adopted); the second fell back from habit to practising (not).
        scope.Db.AdoptionChecks.AddRange(Check(first, AdoptionLevel.Trying, 30), Check(first, AdoptionLevel.Consistent, 5), Check(second, AdoptionLevel.Habit, 30), Check(second, AdoptionLevel.Practising, 5));
        await scope.Db.SaveChangesAsync();
        return (app, w, program.Id);
    }

    [Theory, BothProviders]
    public async Task Metrics_AreTheHandCountedNumbers_ForManagersOnly(Provider provider)
    {
        var (app, w, program) = await StartAsync(provider);
        await using var _ = app;
        var result = await app.InScopeAsync(s => s.Get<GetProgramMetrics>().HandleAsync(TestApp.AdminActor, program, default));
        Assert.True(result.IsSuccess, result.Error?.Message);
        var v = result.Value;
        Assert.Equal((1, 3, 2), (v.MentorsEnrolled, v.MenteesEnrolled, v.MenteesMatched));
        Assert.Equal(2.0 / 3, v.MatchRate!.Value, 6);
        Assert.Equal((2, 1), (v.RunningPairs, v.ActivePairs));          // only A's pair held a session in the last 30 days
        Assert.Equal(Math.Round(3 / (2 * 60 / 30.44), 2), v.SessionsPerPairMonth);   // 3 held over two pairs of 60 days
        Assert.Equal((0, 1), (v.GoalsOnTrack, v.GoalsMeasured));      // won revenue 0 in Mar–May, the line says 500 by now
        Assert.Equal((2.0, 2, 1), (v.AverageMentorLoad, v.MaxMentorLoad, v.MentorsOverCapacity));
        Assert.Equal((2, 0.5), (v.BehaviourGoals, v.AdoptionRate));
        var health = await app.InScopeAsync(s => s.Get<SalesMentor.App.Features.Health.GetProgramHealth>().HandleAsync(TestApp.AdminActor, program, default));
        Assert.Equal(health.Value.AtRisk.Count, v.PairsAtRisk);
        Assert.Contains(health.Value.AtRisk, p => p.Mentee.Id == w.RepB.Id);   // B's pair has had no session for 45 days
        Assert.Null(v.LatestPulse);                                            // no pulse answered
        Assert.Equal(12, v.Months.Count);
        Assert.Equal(("2026-06", 2, 1, 1), (v.Months[^1].Month, v.Months[^1].RunningPairs, v.Months[^1].ActivePairs, v.Months[^1].SessionsHeld));
        Assert.Equal(2, v.Months.Sum(m => m.SessionsHeld) - v.Months[^1].SessionsHeld);

        var csv = Encoding.UTF8.GetString(v.ToFile("csv").Content);
        Assert.Contains("running pairs,2", csv, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", v.ToFile("xlsx").ContentType);

        var overall = await app.InScopeAsync(s => s.Get<GetProgramMetrics>().HandleAsync(TestApp.AdminActor, null, default));
        Assert.Equal(("All programs", 2), (overall.Value.Name, overall.Value.RunningPairs));

        var rep = await app.InScopeAsync(s => s.Get<GetProgramMetrics>().HandleAsync(TestApp.As(w.RepA), program, default));
        Assert.Equal(ErrorKind.Forbidden, rep.Error?.Kind);
        var repAll = await app.InScopeAsync(s => s.Get<GetProgramMetrics>().HandleAsync(TestApp.As(w.SupervisorA), null, default));
        Assert.Equal(ErrorKind.Forbidden, repAll.Error?.Kind);
        var missing = await app.InScopeAsync(s => s.Get<GetProgramMetrics>().HandleAsync(TestApp.AdminActor, Guid.CreateVersion7(), default));
        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
    }

    [Theory, BothProviders]
    public async Task MonthlySummary_GoesToEachAdminOncePerMonth_WithNumbersOnly(Provider provider)
    {
        var (app, w, _) = await StartAsync(provider);
        await using var _ = app;
        var first = await app.InScopeAsync(s => s.Get<SendProgramSummaries>().HandleAsync(Actor.System, default));
        var again = await app.InScopeAsync(s => s.Get<SendProgramSummaries>().HandleAsync(Actor.System, default));
        var rep = await app.InScopeAsync(s => s.Get<SendProgramSummaries>().HandleAsync(TestApp.As(w.RepA), default));
        Assert.Equal((1, 0), (first.Value, again.Value));            // the world has one admin
        Assert.Equal(ErrorKind.Forbidden, rep.Error?.Kind);

        await using var scope = app.Scope();
        var mail = await scope.Db.Outbox.SingleAsync(o => o.Category == SendProgramSummaries.Category + "2026-05");
        Assert.Equal(w.Admin.Email, mail.ToAddress);
        Assert.Contains("Metrics cohort", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("running pairs: 2, with a session in the last 30 days: 1", mail.TextBody, StringComparison.Ordinal);

        // Next month, a new one.
        app.Clock.Advance(TimeSpan.FromDays(20));
        var next = await app.InScopeAsync(s => s.Get<SendProgramSummaries>().HandleAsync(Actor.System, default));
        Assert.Equal(1, next.Value);
    }
}
