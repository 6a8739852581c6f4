using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Impact;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Impact;

/// <summary>The impact use case on a simulated organization with a planted effect, on both providers: the numbers, the verdicts and who sees what.</summary>
public class ProgramImpactTests
{
    private static async Task<(TestApp App, ImpactOrg Org)> StartAsync(Provider provider)
    {
        var app = await TestApp.StartAsync(provider);
        var org = await ImpactOrg.CreateAsync(app.Services, app.Clock.GetUtcNow().UtcDateTime);
        return (app, org);
    }

    private static Task<Result<ProgramImpactView>> Impact(TestApp app, Actor actor, Guid program, string? kpi = null) =>
        app.InScopeAsync(s => s.Get<GetProgramImpact>().HandleAsync(actor, new ProgramImpactRequest(program, kpi), default));

    [Theory, BothProviders]
    public async Task Admin_SeesThePlantedEffectWithinTheInterval_AndMentorValueAdded(Provider provider)
    {
        var (app, org) = await StartAsync(provider);
        await using var _ = app;

        // Adoption check-ins on a behaviour with a CRM signal: each cohort mentee rose by 0 to 3 steps of the scale.
        await using (var scope = app.Scope())
        {
            var behaviour = await scope.Db.Behaviours.FirstAsync(b => b.Signal != CrmSignal.None);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var pairs = await scope.Db.Mentorships.Where(m => m.ProgramId == org.Cohort.Id).OrderBy(m => m.StartedOn).ThenBy(m => m.Id).ToListAsync();
            foreach (var (m, i) in pairs.Select((m, i) => (m, i)))
            {
                var goal = Guid.CreateVersion7();
                foreach (var (level, days) in new[] { (AdoptionLevel.NotYet, 0), ((AdoptionLevel)(i % 4), 90) })
                {
                    scope.Db.AdoptionChecks.Add(new AdoptionCheck
                    {
                        MentorshipId = m.Id, BehaviourGoalId = goal, BehaviourId = behaviour.Id, ObserverId = m.MentorId, Source = AdoptionSource.Mentor,
                        Level = level, ObservedOn = m.StartedOn.AddDays(days), CreatedAt = now,
                    });
                }
            }

            await scope.Db.SaveChangesAsync();
        }

        var result = await Impact(app, TestApp.AdminActor, org.Cohort.Id);
        Assert.True(result.IsSuccess, result.Error?.Message);
        var view = result.Value;
        Assert.True(view.Status == "estimated", $"{view.Verdict} {view.Counts}");
        Assert.Equal(("estimated", "", "program", "points"), (view.Status, view.Reason, view.Scope, view.Unit));
        Assert.Equal(12, view.Counts.Mentees);
        Assert.Equal(3, view.Counts.Cohorts);
        // Win rate is read over the trailing 3 months, so a step of +20 from the start shows as 1/3, 2/3, then all of it:
        // over the 6 months measured the truth on this measure is 20 × (1/3 + 2/3 + 4) / 6 = 16.67 points.
        var truth = ImpactOrg.PlantedEffect * 5 / 6;
        Assert.NotNull(view.Effect);
        Assert.InRange(truth, view.Effect.Low, view.Effect.High);
        Assert.InRange(view.Effect.Low, 5, truth);
        Assert.Contains("trailing 3 months", view.Measure, StringComparison.Ordinal);
        Assert.Contains("win rate", view.Verdict, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(view.Balance);
        Assert.True(view.PreTrend?.Passed);
        Assert.Contains(view.EventStudy, e => e.EventTime < 0);

        // Adoption → outcome: one pair (adoption rise, lift) per matched mentee; a correlation with its interval, no individual value.
        Assert.NotNull(view.AdoptionOutcome);
        Assert.Equal(view.Counts.MenteesMatched, view.AdoptionOutcome.Mentees);
        Assert.InRange(view.AdoptionOutcome.Correlation!.Value, view.AdoptionOutcome.Low!.Value, view.AdoptionOutcome.High!.Value);
        Assert.Contains("not proof", view.AdoptionOutcome.Verdict, StringComparison.Ordinal);

        // Mentor value-added: both mentors, with the matched mentees between them; the pilot's mentees are not in this estimate.
        Assert.NotNull(view.MentorValueAdded);
        Assert.Equal(2, view.MentorValueAdded.Count);
        Assert.Equal(view.Counts.MenteesMatched, view.MentorValueAdded.Sum(m => m.Mentees));
        Assert.All(view.MentorValueAdded, m => Assert.StartsWith("Impact Mentor", m.Name, StringComparison.Ordinal));

        // The last whole month before "today" (2026-06-15) is May; June has not ended.
        Assert.Equal(("2024-06", "2026-05"), (view.FirstMonth, view.LastMonth));

        // A coordinator sees the same program estimate, without mentor value-added (admins only).
        var coordinator = await Impact(app, TestApp.As(org.Coordinator), org.Cohort.Id);
        Assert.True(coordinator.IsSuccess, coordinator.Error?.Message);
        Assert.Equal((view.Status, view.Scope, view.Effect), (coordinator.Value.Status, coordinator.Value.Scope, coordinator.Value.Effect));
        Assert.Null(coordinator.Value.MentorValueAdded);
    }

    [Theory, BothProviders]
    public async Task Manager_SeesOwnPeopleOnly_FromFiveUp_AndRepsSeeNothing(Provider provider)
    {
        var (app, org) = await StartAsync(provider);
        await using var _ = app;

        // Manager one has six of the cohort's mentees: the estimate is theirs alone, too few for a number.
        var own = await Impact(app, TestApp.As(org.Manager1), org.Cohort.Id);
        Assert.True(own.IsSuccess, own.Error?.Message);
        Assert.Equal(("team", 6, "cant_tell", "too_few_mentees"), (own.Value.Scope, own.Value.Counts.Mentees, own.Value.Status, own.Value.Reason));
        Assert.Null(own.Value.Effect);
        Assert.Null(own.Value.MentorValueAdded);
        Assert.StartsWith("Can't tell", own.Value.Verdict, StringComparison.Ordinal);

        // Two pilot mentees under manager one: below the group size, refused without any number.
        var pilot = await Impact(app, TestApp.As(org.Manager1), org.Pilot.Id);
        Assert.Equal(("impact.group_too_small", ErrorKind.Forbidden), (pilot.Error?.Code, pilot.Error?.Kind));

        var rep = await Impact(app, TestApp.As(org.Reps[0]), org.Cohort.Id);
        Assert.Equal(ErrorKind.NotFound, rep.Error?.Kind);
        var missing = await Impact(app, TestApp.AdminActor, Guid.CreateVersion7());
        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
    }

    [Theory, BothProviders]
    public async Task ThinPilot_SaysCantTell_OtherKpisUseTheirUnit_UnknownOnesAreRefused(Provider provider)
    {
        var (app, org) = await StartAsync(provider);
        await using var _ = app;
        var result = await Impact(app, TestApp.AdminActor, org.Pilot.Id);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(("cant_tell", "too_few_mentees", 3), (result.Value.Status, result.Value.Reason, result.Value.Counts.Mentees));
        Assert.Null(result.Value.Effect);
        Assert.Null(result.Value.MentorValueAdded);
        Assert.Contains("only 3 mentees", result.Value.Verdict, StringComparison.Ordinal);

        var revenue = await Impact(app, TestApp.AdminActor, org.Cohort.Id, "won-revenue");
        Assert.True(revenue.IsSuccess, revenue.Error?.Message);
        Assert.Equal(("won-revenue", "USD"), (revenue.Value.Kpi.Id, revenue.Value.Unit));

        // Data-quality counts are not outcomes; neither is anything that is not a KPI id.
        foreach (var bad in NaughtyStrings.All.Where(s => !string.IsNullOrWhiteSpace(s)).Append("won-without-amount").Append("WIN-RATE-BY-COUNT; drop table people"))
        {
            var refused = await Impact(app, TestApp.AdminActor, org.Cohort.Id, bad);
            Assert.Equal("impact.kpi", refused.Error?.Code);
        }
    }
}
