using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Demo;
using SalesMentor.App.Features.Impact;
using SalesMentor.App.Features.ManagerRoles;
using SalesMentor.App.Tests.Infrastructure;
using SalesMentor.Core.Demo;
using Xunit.Abstractions;

namespace SalesMentor.App.Tests.Features.Impact;

/// <summary>The small demo's mentoring (seed 1, as of 2026-11-26), end to end: programs, agreements, sessions, interactions, and what the impact page says.</summary>
public class SmallDemoImpactTests(ITestOutputHelper output)
{
    [Theory, BothProviders]
    public async Task SmallDemo_HasMentoringContent_AndTheImpactPageAnswersEachProgramHonestly(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero));
        var seeded = await app.InScopeAsync(s => s.Get<SeedDemoOrganization>().HandleAsync(Actor.System, new SeedDemoRequest(DemoSize.Small, 1, new DateOnly(2026, 11, 26)), default));
        Assert.True(seeded.IsSuccess, seeded.Error?.Message);
        Assert.True(seeded.Value.Interactions > 2_000, $"{seeded.Value.Interactions} interactions");

        await using var scope = app.Scope();
        var programs = await scope.Db.Programs.AsNoTracking().OrderBy(p => p.StartsOn).ToListAsync();
        Assert.Equal([ProgramStatus.Closed, ProgramStatus.Active, ProgramStatus.Active], programs.Select(p => p.Status));
        var mentorships = await scope.Db.Mentorships.AsNoTracking().ToListAsync();
        Assert.Equal(seeded.Value.Mentorships, mentorships.Count);
        var agreements = await scope.Db.Agreements.AsNoTracking().ToListAsync();
        Assert.Equal(mentorships.Count, agreements.Count);
        Assert.All(agreements, a => Assert.NotNull(a.MenteeSignedAt));
        Assert.True(agreements.Count(a => a.KpiGoals[0].Baseline is not null) > agreements.Count / 2, "most baselines captured from the KPI table");
        var sessions = await scope.Db.Sessions.AsNoTracking().ToListAsync();
        Assert.Contains(sessions, s => s.Status == SessionStatus.Held);
        Assert.Contains(sessions, s => s.Status == SessionStatus.Missed);
        Assert.Contains(sessions, s => s.Status == SessionStatus.Scheduled && s.StartsAt > new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc));

        Assert.True(await scope.Db.AdoptionChecks.CountAsync() > mentorships.Count, "adoption check-ins");
        Assert.True(await scope.Db.Pulses.CountAsync() > mentorships.Count, "pulse answers");

        // Health: a low trust answer in the running cohort raises a flag; the completed cohort's goals have adoption figures.
        var running = await app.InScopeAsync(s => s.Get<SalesMentor.App.Features.Health.GetProgramHealth>().HandleAsync(TestApp.AdminActor, programs[1].Id, default));
        Assert.Contains(running.Value.AtRisk, p => p.Reasons.Contains("cohesion low"));
        var completedNumbers = await app.InScopeAsync(s => s.Get<SalesMentor.App.Features.ProgramMetrics.GetProgramMetrics>().HandleAsync(TestApp.AdminActor, programs[0].Id, default));
        Assert.True(completedNumbers.Value.AdoptionRate > 0, "some behaviour goals adopted");
        Assert.Equal(0, completedNumbers.Value.RunningPairs);
        var runningNumbers = await app.InScopeAsync(s => s.Get<SalesMentor.App.Features.ProgramMetrics.GetProgramMetrics>().HandleAsync(TestApp.AdminActor, programs[1].Id, default));
        Assert.True(runningNumbers.Value.ActivePairs > 0 && runningNumbers.Value.SessionsPerPairMonth > 1, "fortnightly sessions");
        output.WriteLine($"Running cohort: {runningNumbers.Value}");

        // The demo sign-ins star@ and mentee@ are a running pair.
        var star = await scope.Db.People.AsNoTracking().SingleAsync(p => p.Email == DemoSignIns.Default.Star);
        var mentee = await scope.Db.People.AsNoTracking().SingleAsync(p => p.Email == DemoSignIns.Default.Mentee);
        Assert.Contains(mentorships, m => m.MentorId == star.Id && m.MenteeId == mentee.Id && m.Stage == MentorshipStage.Active);

        var verdicts = new List<ProgramImpactView>();
        foreach (var program in programs)
        {
            var impact = await app.InScopeAsync(s => s.Get<GetProgramImpact>().HandleAsync(TestApp.AdminActor, new ProgramImpactRequest(program.Id), default));
            Assert.True(impact.IsSuccess, impact.Error?.Message);
            verdicts.Add(impact.Value);
            output.WriteLine($"{program.Name}: {impact.Value.Verdict} {impact.Value.Counts}");
            foreach (var e in impact.Value.EventStudy) output.WriteLine($"  t={e.EventTime} {e.Effect:0.0} [{e.Low:0.0}, {e.High:0.0}] n={e.Mentees}");
            foreach (var b in impact.Value.Balance) output.WriteLine($"  {b.Feature}: mentees {b.MenteeMean:0.00} all {b.AllComparisonMean:0.00} matched {b.MatchedComparisonMean:0.00}");
        }

        // The running cohort started four months ago: too short a window to measure six months after each start.
        Assert.Equal(("cant_tell", "window_too_short"), (verdicts[1].Status, verdicts[1].Reason));
        // The pilot: three mentees, far too few.
        Assert.Equal(("cant_tell", "too_few_mentees"), (verdicts[2].Status, verdicts[2].Reason));
        // The completed cohort can be measured: every mentee has data before and after the start.
        Assert.Equal(0, verdicts[0].Counts.MenteesOutsideWindow);
        Assert.NotEqual("window_too_short", verdicts[0].Reason);

        // Role balance has a year of content for the demo manager.
        var balance = await app.InScopeAsync(s => s.Get<GetRoleBalance>().HandleAsync(TestApp.AdminActor, new RoleBalanceRequest("month", 6, 4), default));
        Assert.True(balance.IsSuccess, balance.Error?.Message);
        Assert.True(balance.Value.Total.Periods.All(p => p.TotalMinutes > 0), "every month has interactions");
    }
}
