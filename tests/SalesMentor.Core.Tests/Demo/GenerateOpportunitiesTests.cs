using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

public sealed class GenerateOpportunitiesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void OpportunitiesOf_EveryRep_NothingOutsideTheirEmploymentAndTheWindow(int seed)
    {
        var org = DemoWorld.Small(seed);

        foreach (var rep in org.Reps)
        {
            var first = DemoWorld.FirstDay(org, rep);
            var last = DemoWorld.LastDay(org, rep);
            foreach (var opportunity in org.OpportunitiesOf(rep))
            {
                Assert.Equal(rep.Id, opportunity.OwnerId);
                Assert.Equal(rep.CrmOwnerIds[0], opportunity.OwnerCrmId);
                Assert.InRange(opportunity.CreatedOn, first, last);
                if (opportunity.IsClosed)
                {
                    Assert.InRange(opportunity.CloseDate!.Value, opportunity.CreatedOn, last);
                }
                else
                {
                    // Open deals: only reps still employed, and the expected close may lie after AsOf.
                    Assert.Null(rep.LeftOn);
                    Assert.True(opportunity.CloseDate is null || opportunity.CloseDate > org.AsOf, opportunity.ExternalId);
                }
            }
        }
    }

    [Fact]
    public void AllOpportunities_Small_StagesFlagsAndAmountsAreConsistent()
    {
        var org = DemoWorld.Small();
        var opportunities = org.AllOpportunities().ToList();

        Assert.All(opportunities, o =>
        {
            Assert.True(!o.IsWon || o.IsClosed, "Won implies closed.");
            Assert.Equal(o.IsClosed, o.Stage is DemoStages.ClosedWon or DemoStages.ClosedLost);
            Assert.Equal(o.IsWon, o.Stage == DemoStages.ClosedWon);
            Assert.True(o.Amount > 0, o.ExternalId);
            Assert.Equal(o.Amount, Math.Round(o.Amount, 2));
            Assert.InRange(o.Probability!.Value, 0, 100);
        });
        Assert.Contains(opportunities, o => !o.IsClosed && o.CloseDate is null);
        Assert.Contains(opportunities, o => !o.IsClosed && o.CloseDate > org.AsOf);
        Assert.InRange(opportunities.Select(o => o.Product).Distinct().Count(), 4, 6);
    }

    [Fact]
    public void AllOpportunities_Small_ExternalIdsAreUniqueSalesforceIds()
    {
        var opportunities = DemoWorld.Small().AllOpportunities().ToList();

        Assert.Equal(opportunities.Count, opportunities.Select(o => o.ExternalId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(opportunities, o => Assert.Matches("^006[0-9A-Za-z]{15}$", o.ExternalId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AllOpportunities_Small_CountIsAFewThousand(int seed)
        => Assert.InRange(DemoWorld.Small(seed).AllOpportunities().Count(), 5_000, 8_000);

    [Fact]
    public void OpportunitiesOf_EachRep_SellsToRepeatAccounts()
    {
        var org = DemoWorld.Small();
        var tenured = org.Reps.Where(r => r.HireDate < org.WindowStart && r.LeftOn is null).ToList();

        var repeatShare = tenured.Average(r =>
        {
            var accounts = org.OpportunitiesOf(r).GroupBy(o => o.Account).ToList();
            return (double)accounts.Count(g => g.Count() > 1) / accounts.Count;
        });

        Assert.True(repeatShare > 0.5, $"Only {repeatShare:P0} of a rep's accounts bought more than once.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OpportunitiesOf_ByPersona_StarsWinMoreThanSteadyRepsWhoWinMoreThanStrugglers(int seed)
    {
        var org = DemoWorld.Small(seed);
        double AverageWinRate(DemoPersona persona) => org.Reps
            .Where(r => r.Persona == persona)
            .Select(r => DemoWorld.WinRate(org.OpportunitiesOf(r)))
            .OfType<double>()
            .Average();

        var star = AverageWinRate(DemoPersona.Star);
        var steady = AverageWinRate(DemoPersona.Steady);
        var struggler = AverageWinRate(DemoPersona.Struggler);

        Assert.True(star > steady && steady > struggler, $"star {star:P1}, steady {steady:P1}, struggler {struggler:P1}");
        Assert.InRange(star, 0.33, 0.47);
        Assert.InRange(steady, 0.19, 0.29);
        Assert.InRange(struggler, 0.06, 0.16);
    }

    [Fact]
    public void OpportunitiesOf_ByPersona_StarsWinBiggerDealsThanStrugglers()
    {
        var org = DemoWorld.Small();
        decimal AverageWonAmount(DemoPersona persona) => org.Reps
            .Where(r => r.Persona == persona)
            .SelectMany(org.OpportunitiesOf)
            .Where(o => o.IsWon)
            .Average(o => o.Amount);

        Assert.True(AverageWonAmount(DemoPersona.Star) > AverageWonAmount(DemoPersona.Steady));
        Assert.True(AverageWonAmount(DemoPersona.Steady) > AverageWonAmount(DemoPersona.Struggler));
    }

    [Fact]
    public void OpportunitiesOf_NewHires_NothingBeforeHireAndVolumeRampsUp()
    {
        var org = DemoWorld.Small();
        var newHires = org.Reps.Where(r => r.Persona == DemoPersona.NewHire && r.HireDate < org.AsOf.AddMonths(-4)).ToList();
        Assert.NotEmpty(newHires);

        var firstMonth = 0;
        var laterMonth = 0;
        foreach (var rep in newHires)
        {
            var created = org.OpportunitiesOf(rep).Select(o => o.CreatedOn).ToList();
            Assert.All(created, day => Assert.True(day >= rep.HireDate));
            firstMonth += created.Count(day => day < rep.HireDate.AddMonths(1));
            laterMonth += created.Count(day => day >= rep.HireDate.AddMonths(3) && day < rep.HireDate.AddMonths(4));
        }

        Assert.True(laterMonth > firstMonth, $"month 1: {firstMonth}, month 4: {laterMonth}");
    }

    [Fact]
    public void OpportunitiesOf_Leavers_NothingAfterLeavingAndNothingLeftOpen()
    {
        var org = DemoWorld.Small();

        foreach (var leaver in org.Reps.Where(r => r.Persona == DemoPersona.Leaver))
        {
            Assert.All(org.OpportunitiesOf(leaver), o =>
            {
                Assert.True(o.IsClosed, o.ExternalId);
                Assert.True(o.CloseDate <= leaver.LeftOn, o.ExternalId);
            });
        }
    }
}
