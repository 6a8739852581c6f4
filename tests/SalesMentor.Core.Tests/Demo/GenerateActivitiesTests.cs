using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

public sealed class GenerateActivitiesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ActivitiesOf_EveryRep_WithinEmploymentExceptNextStepsOfOpenDeals(int seed)
    {
        var org = DemoWorld.Small(seed);

        foreach (var rep in org.Reps)
        {
            var opportunities = org.OpportunitiesOf(rep).ToDictionary(o => o.ExternalId);
            var first = DemoWorld.FirstDay(org, rep);
            var last = DemoWorld.LastDay(org, rep);
            foreach (var activity in org.ActivitiesOf(rep))
            {
                Assert.Equal(rep.Id, activity.OwnerId);
                Assert.True(activity.Date >= first, activity.ExternalId);
                if (activity.Date > last)
                {
                    // Only a not yet done task of an open deal may be due after AsOf.
                    Assert.Equal(DemoActivityType.Task, activity.Type);
                    Assert.False(activity.Completed);
                    Assert.False(opportunities[activity.OpportunityExternalId!].IsClosed);
                    Assert.Null(rep.LeftOn);
                }

                if (activity.OpportunityExternalId is { } id)
                {
                    Assert.True(opportunities.ContainsKey(id), $"{activity.ExternalId} belongs to another rep's deal.");
                    Assert.True(activity.Date >= opportunities[id].CreatedOn, activity.ExternalId);
                }
            }
        }
    }

    [Fact]
    public void AllActivities_Small_TensOfThousandsMostlyTiedToDeals()
    {
        var activities = DemoWorld.Small().AllActivities().ToList();

        Assert.InRange(activities.Count, 20_000, 99_999);
        var tied = activities.Count(a => a.OpportunityExternalId is not null);
        Assert.InRange((double)tied / activities.Count, 0.5, 0.9);
        Assert.All(Enum.GetValues<DemoActivityType>(), type => Assert.Contains(activities, a => a.Type == type));
    }

    [Fact]
    public void AllActivities_Small_IdsUniqueAndDurationsOnlyForCallsAndMeetings()
    {
        var activities = DemoWorld.Small().AllActivities().ToList();

        Assert.Equal(activities.Count, activities.Select(a => a.ExternalId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(activities, a =>
        {
            Assert.Matches(a.Type == DemoActivityType.Meeting ? "^00U" : "^00T", a.ExternalId);
            if (a.Type is DemoActivityType.Call or DemoActivityType.Meeting) Assert.InRange(a.DurationMinutes!.Value, 5, 90);
            else Assert.Null(a.DurationMinutes);
            Assert.False(string.IsNullOrWhiteSpace(a.Subject));
        });
    }

    [Fact]
    public void ActivitiesOf_EveryRep_InDateOrder()
    {
        var org = DemoWorld.Small();

        Assert.All(org.Reps, rep =>
        {
            var dates = org.ActivitiesOf(rep).Select(a => a.Date).ToList();
            Assert.Equal(dates.Order(), dates);
        });
    }

    [Fact]
    public void ActivitiesOf_ByPersona_StrugglersLogFewerThanStars()
    {
        var org = DemoWorld.Small();
        double PerMonth(DemoPersona persona) => org.Reps
            .Where(r => r.Persona == persona && r.HireDate < org.WindowStart)
            .Average(r => org.ActivitiesOf(r).Count() / 24.0);

        Assert.True(PerMonth(DemoPersona.Star) > PerMonth(DemoPersona.Steady));
        Assert.True(PerMonth(DemoPersona.Steady) > PerMonth(DemoPersona.Struggler));
    }
}
