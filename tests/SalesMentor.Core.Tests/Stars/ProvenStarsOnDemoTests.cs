using SalesMentor.Core.Demo;
using SalesMentor.Core.Kpis;
using SalesMentor.Core.Stars;

namespace SalesMentor.Core.Tests.Stars;

/// <summary>The default rule on the Small demo (seed 1, as of 2026-11-26), whose planted stars are known.</summary>
public sealed class ProvenStarsOnDemoTests
{
    [Fact]
    public void Evaluate_DefaultRuleOnSmallDemo_FindsMostPlantedStarsAndNoNewHire()
    {
        var org = DemoGenerator.Generate(new DemoOptions(DemoSize.Small, 1, new DateOnly(2026, 11, 26)));
        var reps = org.Reps.ToList();
        var input = ToInput(org, reps);

        var verdicts = FindProvenStars.Evaluate(input, new FiscalCalendar(1), org.AsOf, StarRule.Default);

        var stars = verdicts.Where(v => v.Status == StarStatus.Star).Select(v => reps[v.Person]).ToList();
        Assert.InRange(stars.Count(p => p.Persona == DemoPersona.Star), 5, 7);   // measured: 6 of 7
        Assert.InRange(stars.Count, 6, 20);                                       // measured: 14
        Assert.DoesNotContain(stars, p => p.Persona is DemoPersona.NewHire or DemoPersona.Leaver);
        Assert.All(verdicts.Where(v => reps[v.Person].Persona == DemoPersona.NewHire), v => Assert.Equal(StarStatus.NotEnoughData, v.Status));
    }

    private static KpiInput ToInput(DemoOrganization org, List<DemoPerson> reps)
    {
        var index = reps.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var builder = new KpiInputBuilder(reps.Count);
        foreach (var rep in reps)
        {
            var person = index[rep.Id];
            builder.SetEmployment(person, rep.HireDate, rep.LeftOn?.AddDays(1));
            foreach (var o in org.OpportunitiesOf(rep)) builder.AddOpportunity(person, o.CreatedOn, o.CloseDate, o.IsClosed, o.IsWon, o.Amount);
            foreach (var a in org.ActivitiesOf(rep)) builder.AddActivity(person, a.Date, (ActivityType)(int)a.Type, a.Completed);
        }

        foreach (var quota in org.Quotas) builder.AddQuota(index[quota.PersonId], quota.PeriodStart, quota.PeriodEnd, quota.Amount);
        return builder.Build();
    }
}
