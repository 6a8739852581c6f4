using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesMentor.App.Common;
using SalesMentor.App.Domain;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Health;

/// <summary>
/// A manager's pulse of their own people, released together with the admins' and every other manager's aggregates:
/// the world's VP leads supervisor A (who leads rep A) and a new manager, Lea, who leads six mentees.
/// </summary>
public class TeamPulseTests
{
    private sealed record Team(HealthWorld W, Actor Lea, Actor Vp, Actor SupervisorA, List<(Guid Id, Actor Mentor, Actor Mentee)> Pairs);

    private static async Task<Team> CreateAsync(TestApp app)
    {
        var w = await HealthWorld.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var lea = new Person { Name = "Lea Lead", Email = "lea@world.test", Title = "Sales Manager", ManagerId = w.World.Vp.Id, CreatedAt = now, UpdatedAt = now };
        lea.RefreshKeys();
        await app.SeedAsync(db => db.People.Add(lea));
        var pairs = new List<(Guid Id, Actor Mentor, Actor Mentee)>();
        for (var i = 0; i < 6; i++) pairs.Add(await w.AddPairAsync(i, lea.Id));
        return new Team(w, TestApp.As(lea), TestApp.As(w.World.Vp), TestApp.As(w.World.SupervisorA), pairs);
    }

    [Theory, BothProviders]
    public async Task TeamPulse_NoTwoResultsAnyoneSeesDifferByFewerThanFive_AndAShownResultNeverChanges(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (w, lea, vp, supervisorA, pairs) = await CreateAsync(app);

        // Round 0: Lea's six mentees (trust 1,2,3,4,5,5; safety 4) and rep A (the VP's too, through supervisor A; trust 2)
        // answer; the six mentors (nobody's people) answer trust 5.
        int[] trust = [1, 2, 3, 4, 5, 5];
        foreach (var (pair, i) in pairs.Select((p, i) => (p, i)))
        {
            await HealthWorld.Ok(w.PulseAsync(pair.Mentee, pair.Id, trust[i], 4, 4, 4, $"CANARY-team-{i}"));
            await HealthWorld.Ok(w.PulseAsync(pair.Mentor, pair.Id, 5, 5, 5, 5));
        }

        await HealthWorld.Ok(w.PulseAsync(w.Mentee, w.Current, 2, 2, 2, 2, "CANARY-rep-a"));
        var open = await HealthWorld.Ok(w.TeamPulseAsync(lea));
        Assert.Equal((6, 0, 0), (open.People, open.Aggregates.Count, open.WithheldAggregates)); // round 0 still open

        w.Weeks(4);
        // Concurrent first views (two instances, say): one release, whoever stores first.
        var views = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => HealthWorld.Ok(w.TeamPulseAsync(i % 2 == 0 ? vp : lea))));
        var vpView = views[0];
        var leaView = views[1];

        // The VP's people as mentees are 7 (Lea's six and rep A): shown, trust 22 / 7 = 3.1. Lea's six differ from it by
        // rep A alone, so hers is held back — else anyone seeing both would know rep A's answer.
        var vpMentees = Assert.Single(vpView.Aggregates);
        Assert.Equal((0, "mentees", 7, 3.1m, new DateOnly(2026, 6, 15)), (vpMentees.Round, vpMentees.Group, vpMentees.Respondents, vpMentees.Trust, vpMentees.RoundStart));
        Assert.Empty(leaView.Aggregates);
        Assert.Equal(1, leaView.WithheldAggregates);
        // Supervisor A's people: rep A alone — never shown.
        var supA = await HealthWorld.Ok(w.TeamPulseAsync(supervisorA));
        Assert.Equal((0, 1), (supA.Aggregates.Count, supA.WithheldAggregates));
        // The admins' program groups: everyone 13, mentees 7, mentors 6 — each pair differing by 0 or ≥ 5.
        var program = await HealthWorld.Ok(w.ProgramHealthAsync());
        Assert.Equal([("everyone", 13), ("mentees", 7), ("mentors", 6)], program.Aggregates.Select(a => (a.Group, a.Respondents)));
        Assert.Equal(vpMentees.Trust, program.Aggregates.Single(a => a.Group == "mentees").Trust);

        // Round 1: only Lea's six answer (trust 3 each). The VP's mentees are the same six people: both shown.
        foreach (var pair in pairs) await HealthWorld.Ok(w.PulseAsync(pair.Mentee, pair.Id, 3, 3, 3, 3));
        w.Weeks(4);
        var leaRound1 = Assert.Single((await HealthWorld.Ok(w.TeamPulseAsync(lea))).Aggregates);
        Assert.Equal((1, "mentees", 6, 3.0m), (leaRound1.Round, leaRound1.Group, leaRound1.Respondents, leaRound1.Trust));
        var vpRound1 = (await HealthWorld.Ok(w.TeamPulseAsync(vp))).Aggregates.Single(a => a.Round == 1);
        Assert.Equal((6, 3.0m), (vpRound1.Respondents, vpRound1.Trust));

        // One of Lea's mentees moves to supervisor A: what was shown stays as it was, nothing new is released for the
        // closed rounds (supervisor A's people — now two in round 0 and one in round 1 — stay held back).
        var moved = await app.InScopeAsync(s => s.Db.People.Where(p => p.Email == "mentee.0@world.test").ExecuteUpdateAsync(u => u.SetProperty(p => p.ManagerId, w.World.SupervisorA.Id)));
        Assert.Equal(1, moved);
        var leaAfter = await HealthWorld.Ok(w.TeamPulseAsync(lea));
        Assert.Equal(leaRound1, Assert.Single(leaAfter.Aggregates));
        var vpAfter = await HealthWorld.Ok(w.TeamPulseAsync(vp));
        Assert.Equal([vpRound1, vpMentees], vpAfter.Aggregates);
        var supAAfter = await HealthWorld.Ok(w.TeamPulseAsync(supervisorA));
        Assert.Equal((0, 2), (supAAfter.Aggregates.Count, supAAfter.WithheldAggregates)); // rep A and mentee 0 in round 0, mentee 0 in round 1
        var stored = await app.InScopeAsync(s => s.Db.PulseAggregates.AsNoTracking().OrderBy(a => a.Round).ThenBy(a => a.Key).ToListAsync());
        foreach (var round in stored.GroupBy(a => a.Round))
        {
            foreach (var a in round)
            {
                foreach (var b in round)
                {
                    var only = a.Respondents.Split(' ').Except(b.Respondents.Split(' ')).Count();
                    Assert.True(only is 0 or >= 5, $"{a.Key} and {b.Key} of round {round.Key} differ by {only} people");
                }
            }
        }

        Assert.Equal(stored.Count, stored.Select(a => (a.Round, a.Key)).Distinct().Count());
        Assert.DoesNotContain("CANARY", JsonSerializer.Serialize(new object[] { vpAfter, leaAfter, program, stored }), StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task TeamPulse_NobodyBelowYouOrProgramHidden_IsNotFound(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (w, lea, _, _, pairs) = await CreateAsync(app);

        foreach (var who in new[] { pairs[0].Mentee, pairs[0].Mentor, w.Mentee, Actor.CommandLine })
        {
            var result = await w.App.InScopeAsync(s => s.Get<SalesMentor.App.Features.Health.GetTeamPulse>().HandleAsync(who, w.ProgramId, default));
            Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
        }

        var missing = await w.App.InScopeAsync(s => s.Get<SalesMentor.App.Features.Health.GetTeamPulse>().HandleAsync(lea, Guid.CreateVersion7(), default));
        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
    }
}
