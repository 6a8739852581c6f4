using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

public sealed class DemoGeneratorTests
{
    [Fact]
    public void Generate_SameOptions_IdenticalOrganizationAndSalesData()
    {
        var a = DemoWorld.Small(7);
        var b = DemoWorld.Small(7);

        Assert.Equal(a.Regions, b.Regions);
        Assert.Equal(a.Teams, b.Teams);
        Assert.Equal(a.People, b.People);
        Assert.Equal(a.Quotas, b.Quotas);
        Assert.Equal(a.Logins, b.Logins);
        Assert.Equal(a.Reps.Select(r => a.Plan.PerformanceOf(r.Id)), b.Reps.Select(r => b.Plan.PerformanceOf(r.Id)));
        Assert.Equal(a.AllOpportunities(), b.AllOpportunities());
        Assert.Equal(a.AllActivities(), b.AllActivities());
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentPeopleAndSalesData()
    {
        var a = DemoWorld.Small(1);
        var b = DemoWorld.Small(2);

        Assert.NotEqual(a.People.Select(p => p.Id), b.People.Select(p => p.Id));
        Assert.NotEqual(a.People.Select(p => p.Name), b.People.Select(p => p.Name));
        Assert.NotEqual(a.AllOpportunities().Select(o => (o.ExternalId, o.Amount)), b.AllOpportunities().Select(o => (o.ExternalId, o.Amount)));
        Assert.NotEqual(a.AllActivities().Select(x => (x.ExternalId, x.Date)), b.AllActivities().Select(x => (x.ExternalId, x.Date)));
    }

    [Fact]
    public void Generate_DifferentAsOf_WindowEndsOnAsOf()
    {
        var org = DemoGenerator.Generate(new DemoOptions(DemoSize.Small, 1, new DateOnly(2025, 3, 31)));

        Assert.Equal(new DateOnly(2023, 4, 1), org.WindowStart);
        var created = org.AllOpportunities().Select(o => o.CreatedOn).ToList();
        Assert.InRange(created.Min(), org.WindowStart, org.WindowStart.AddDays(7));
        Assert.InRange(created.Max(), org.AsOf.AddDays(-7), org.AsOf);
    }

    [Fact]
    public void OpportunitiesOf_EnumeratedTwice_YieldsTheSameRecords()
    {
        var org = DemoWorld.Small();
        var rep = org.Reps.First(r => r.Persona == DemoPersona.Steady);
        var opportunities = org.OpportunitiesOf(rep);
        var activities = org.ActivitiesOf(rep);

        Assert.Equal(opportunities.ToList(), opportunities.ToList());
        Assert.Equal(activities.ToList(), activities.ToList());
    }

    [Fact]
    public void OpportunitiesOf_RepsInReverseOrder_EachRepYieldsTheSameRecords()
    {
        var org = DemoWorld.Small();
        var forward = org.Reps.ToDictionary(r => r.Id, r => (Opportunities: org.OpportunitiesOf(r).ToList(), Activities: org.ActivitiesOf(r).ToList()));

        foreach (var rep in org.Reps.Reverse())
        {
            Assert.Equal(forward[rep.Id].Activities, org.ActivitiesOf(rep).ToList());
            Assert.Equal(forward[rep.Id].Opportunities, org.OpportunitiesOf(rep).ToList());
        }
    }

    [Fact]
    public void OpportunitiesOf_PersonWhoIsNotARep_IsEmpty()
    {
        var org = DemoWorld.Small();

        Assert.All(org.People.Where(p => !p.IsRep), p =>
        {
            Assert.Empty(org.OpportunitiesOf(p));
            Assert.Empty(org.ActivitiesOf(p));
        });
    }

    [Fact]
    public void OpportunitiesOf_PersonOfAnotherOrganization_Throws()
    {
        var org = DemoWorld.Small(1);
        var stranger = DemoWorld.Small(2).Reps.First();

        Assert.Throws<ArgumentException>(() => org.OpportunitiesOf(stranger));
    }

    [Theory]
    [InlineData("", "demo.example")]
    [InlineData("USD", " ")]
    public void Generate_BlankCurrencyOrDomain_Throws(string currency, string domain)
        => Assert.ThrowsAny<ArgumentException>(() => DemoGenerator.Generate(new DemoOptions(DemoSize.Small, 1, DemoWorld.AsOf, currency, domain)));

    [Fact]
    public void Generate_OtherCurrency_EveryAmountUsesIt()
    {
        var org = DemoGenerator.Generate(new DemoOptions(DemoSize.Small, 1, DemoWorld.AsOf, Currency: "EUR"));

        Assert.All(org.Quotas, q => Assert.Equal("EUR", q.Currency));
        Assert.All(org.AllOpportunities(), o => Assert.Equal("EUR", o.Currency));
    }
}
