using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

public sealed class DemoPlanTests
{
    [Fact]
    public void Plan_Generated_EveryRepHasAProfile_OnlyMenteesHaveAnUplift()
    {
        var org = DemoWorld.Small();
        var mentees = org.Mentoring.Programs.SelectMany(p => p.Pairs).ToDictionary(p => p.Mentee, p => p.StartedOn);

        Assert.Equal(org.Reps.Count(), org.Plan.Reps.Count);
        Assert.All(org.Reps.Where(r => !mentees.ContainsKey(r.Id)), r => Assert.Empty(org.Plan.PerformanceOf(r.Id).Uplifts));
        Assert.All(mentees, m => Assert.Equal(m.Value.AddMonths(1), Assert.Single(org.Plan.PerformanceOf(m.Key).Uplifts).From));
        Assert.DoesNotContain(org.People, p => !p.IsRep && org.Plan.Contains(p.Id));
    }

    private static DemoPerson NotMentored(DemoOrganization org)
    {
        var mentees = org.Mentoring.Programs.SelectMany(p => p.Pairs).Select(p => p.Mentee).ToHashSet();
        return org.Reps.First(r => r.Persona == DemoPersona.Struggler && !mentees.Contains(r.Id));
    }

    [Fact]
    public void WithUplift_Rep_AddsTheUpliftToANewPlanOnly()
    {
        var org = DemoWorld.Small();
        var mentee = NotMentored(org).Id;
        var uplift = new DemoUplift(org.AsOf.AddMonths(-6), 0.1, 1.2, 1.5);

        var changed = org.Plan.WithUplift(mentee, uplift);

        Assert.Equal([uplift], changed.PerformanceOf(mentee).Uplifts);
        Assert.Empty(org.Plan.PerformanceOf(mentee).Uplifts);
        Assert.Equal(org.Plan.PerformanceOf(org.Logins.Star.PersonId), changed.PerformanceOf(org.Logins.Star.PersonId));
    }

    [Fact]
    public void GenerateOpportunities_WithUplift_SameDealsBeforeFromAndBetterOutcomesAfter()
    {
        var org = DemoWorld.Small();
        var rep = org.RepFor(NotMentored(org).Id);
        var from = org.AsOf.AddMonths(-12);
        var planned = org.Plan.WithUplift(rep.Person.Id, new DemoUplift(from, 0.15, 1.25, 1.0));
        var uplifted = rep with { Performance = planned.PerformanceOf(rep.Person.Id) };

        var baseline = GenerateOpportunities.For(org.Source, rep).ToList();
        var changed = GenerateOpportunities.For(org.Source, uplifted).ToList();

        // The uplift changes outcomes and amounts only: the same deals exist, created on the same days.
        Assert.Equal(baseline.Select(o => (o.ExternalId, o.CreatedOn, o.Account, o.Product)), changed.Select(o => (o.ExternalId, o.CreatedOn, o.Account, o.Product)));
        Assert.Equal(baseline.Where(o => o.CreatedOn < from), changed.Where(o => o.CreatedOn < from));
        var after = baseline.Zip(changed).Where(pair => pair.First.CreatedOn >= from).ToList();
        Assert.All(after, pair => Assert.True(pair.Second.Amount >= pair.First.Amount));
        Assert.True(after.Count(p => p.Second.IsWon) > after.Count(p => p.First.IsWon), "The uplift won no extra deal.");
    }

    [Fact]
    public void GenerateActivities_WithActivityUplift_MoreActivitiesAfterFrom()
    {
        var org = DemoWorld.Small();
        var rep = org.RepFor(NotMentored(org).Id);
        var from = org.AsOf.AddMonths(-12);
        var planned = org.Plan.WithUplift(rep.Person.Id, new DemoUplift(from, 0, 1, 2.0));
        var uplifted = rep with { Performance = planned.PerformanceOf(rep.Person.Id) };

        var baseline = GenerateActivities.For(org.Source, rep).Count(a => a.Date >= from);
        var changed = GenerateActivities.For(org.Source, uplifted).Count(a => a.Date >= from);

        Assert.True(changed > baseline * 1.5, $"{baseline} → {changed}");
    }
}
