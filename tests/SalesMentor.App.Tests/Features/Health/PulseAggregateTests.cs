using System.Text.Json;
using SalesMentor.App.Tests.Infrastructure;

namespace SalesMentor.App.Tests.Features.Health;

public class PulseAggregateTests
{
    [Theory, BothProviders]
    public async Task Aggregates_OnlyOfClosedRounds_OverFivePeople_AndNeverTwoThatDifferByFewerThanFive(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var w = await HealthWorld.CreateAsync(app);
        var pairs = new List<(Guid Id, Common.Actor Mentor, Common.Actor Mentee)>();
        for (var i = 0; i < 5; i++) pairs.Add(await w.AddPairAsync(i));

        // Round 0: five mentees and four mentors answer. Round 1: five of each.
        foreach (var (pair, i) in pairs.Select((p, i) => (p, i)))
        {
            await HealthWorld.Ok(w.PulseAsync(pair.Mentee, pair.Id, 2 + (i % 3), 4, 4, 4, $"CANARY-round0-{i}"));
            if (i < 4) await HealthWorld.Ok(w.PulseAsync(pair.Mentor, pair.Id, 5, 5, 5, 5));
        }

        var open = await HealthWorld.Ok(w.ProgramHealthAsync());
        Assert.Empty(open.Aggregates); // round 0 is still open: one more answer would change it by one person

        w.Weeks(4);
        foreach (var pair in pairs)
        {
            await HealthWorld.Ok(w.PulseAsync(pair.Mentee, pair.Id, 3, 3, 3, 3));
            await HealthWorld.Ok(w.PulseAsync(pair.Mentor, pair.Id, 4, 4, 4, 4));
        }

        var afterRound0 = await HealthWorld.Ok(w.ProgramHealthAsync());
        var everyone = Assert.Single(afterRound0.Aggregates);
        // Everyone (9 people) only: "mentees" (5) differs from it by the 4 mentors, and "mentors" are 4.
        Assert.Equal((0, "everyone", 9, new DateOnly(2026, 6, 15)), (everyone.Round, everyone.Group, everyone.Respondents, everyone.RoundStart));
        // Trust: mentees 2,3,4,2,3 and mentors 5,5,5,5 → 34 / 9 = 3.8.
        Assert.Equal((3.8m, 4.4m), (everyone.Trust, everyone.Safety));
        Assert.Equal(2, afterRound0.WithheldAggregates);

        w.Weeks(4);
        var afterRound1 = await HealthWorld.Ok(w.ProgramHealthAsync());
        var round1 = afterRound1.Aggregates.Where(a => a.Round == 1).ToDictionary(a => a.Group);
        Assert.Equal(["everyone", "mentees", "mentors"], round1.Keys);
        Assert.Equal((10, 5, 5), (round1["everyone"].Respondents, round1["mentees"].Respondents, round1["mentors"].Respondents));
        Assert.Equal((3.0m, 4.0m, 3.5m), (round1["mentees"].Trust, round1["mentors"].Trust, round1["everyone"].Trust));
        // The closed round 0 reads as before: nothing can be added to it any more.
        Assert.Equal(everyone, Assert.Single(afterRound1.Aggregates, a => a.Round == 0));
        Assert.DoesNotContain("CANARY", JsonSerializer.Serialize(afterRound1), StringComparison.Ordinal);
    }
}
