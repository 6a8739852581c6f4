using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

public sealed class LargeDemoTests
{
    private static DemoOrganization Large() => DemoGenerator.Generate(new DemoOptions(DemoSize.Large, 1, DemoWorld.AsOf));

    [Fact]
    public void Generate_Large_HoldsPeopleButNoSalesData()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var org = Large();

        // A million opportunities would take hundreds of megabytes; the roster, plan and quotas take a few.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 40_000_000, $"Generate allocated {allocated:N0} bytes.");
        Assert.InRange(org.Reps.Count(), 1_900, 2_100);
        Assert.InRange(org.Teams.Count, 160, 180);
        Assert.Equal(org.People.Count, org.People.Select(p => p.Email).Distinct().Count());
    }

    [Fact]
    public void AllOpportunities_Large_AboutAMillionStreamed()
    {
        var org = Large();
        var reps = org.Reps.ToList();
        const int Step = 10;

        // Every tenth rep (personas are shuffled over the roster), extrapolated: a full count takes a few seconds.
        var sampled = reps.Where((_, i) => i % Step == 0).Sum(r => org.OpportunitiesOf(r).LongCount());

        Assert.InRange(sampled * Step, 850_000, 1_150_000);
    }

    [Fact]
    public void AllActivities_Large_AboutTwoMillionStreamed()
    {
        var org = Large();
        var reps = org.Reps.ToList();
        const int Step = 40;

        var sampled = reps.Where((_, i) => i % Step == 0).Sum(r => org.ActivitiesOf(r).LongCount());

        Assert.InRange(sampled * Step, 1_500_000, 2_500_000);
    }
}
