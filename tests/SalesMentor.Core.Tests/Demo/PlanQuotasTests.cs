using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

public sealed class PlanQuotasTests
{
    [Fact]
    public void Quotas_Small_AreCalendarQuartersWithPositiveAmounts()
    {
        var org = DemoWorld.Small();

        Assert.All(org.Quotas, q =>
        {
            Assert.Equal(1, q.PeriodStart.Day);
            Assert.Equal(1, q.PeriodStart.Month % 3);
            Assert.Equal(q.PeriodStart.AddMonths(3), q.PeriodEnd);
            Assert.True(q.Amount > 0);
            Assert.Equal("USD", q.Currency);
        });
    }

    [Fact]
    public void Quotas_Small_EveryRepHasOneForEachQuarterTheyWereActiveAndNoOther()
    {
        var org = DemoWorld.Small();
        var byPerson = org.Quotas.ToLookup(q => q.PersonId);

        Assert.All(org.People.Where(p => !p.IsRep), p => Assert.Empty(byPerson[p.Id]));
        foreach (var rep in org.Reps)
        {
            var first = DemoWorld.FirstDay(org, rep);
            var last = DemoWorld.LastDay(org, rep);
            var expected = new List<DateOnly>();
            for (var quarter = new DateOnly(first.Year, ((first.Month - 1) / 3 * 3) + 1, 1); quarter <= last; quarter = quarter.AddMonths(3))
            {
                expected.Add(quarter);
            }

            Assert.Equal(expected, byPerson[rep.Id].Select(q => q.PeriodStart));
        }
    }

    [Fact]
    public void Quotas_Small_CoverTheNineQuartersOfTheWindow()
    {
        var org = DemoWorld.Small();

        var quarters = org.Quotas.Select(q => q.PeriodStart).Distinct().Order().ToList();

        Assert.Equal(9, quarters.Count);
        Assert.Equal(new DateOnly(2024, 10, 1), quarters[0]);
        Assert.Equal(new DateOnly(2026, 10, 1), quarters[^1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Quotas_TenuredReps_AttainmentSpreadsByPersonaAroundTarget(int seed)
    {
        var org = DemoWorld.Small(seed);
        // Complete quarters after the first one, whose pipeline started inside the window.
        var from = org.WindowStart.AddMonths(3);
        double Attainment(DemoPerson rep)
        {
            var quotas = org.Quotas.Where(q => q.PersonId == rep.Id && q.PeriodStart >= from && q.PeriodEnd <= org.AsOf).ToList();
            var won = org.OpportunitiesOf(rep).Where(o => o.IsWon && o.CloseDate >= quotas[0].PeriodStart && o.CloseDate < quotas[^1].PeriodEnd);
            return (double)(won.Sum(o => o.Amount) / quotas.Sum(q => q.Amount));
        }

        // Quotas say what was expected without mentoring: the mentees, who carry the planted effect, are left out.
        var mentees = org.Mentoring.Programs.SelectMany(p => p.Pairs).Select(p => p.Mentee).ToHashSet();
        double Median(DemoPersona persona)
        {
            var values = org.Reps.Where(r => r.Persona == persona && r.HireDate < org.WindowStart && !mentees.Contains(r.Id)).Select(Attainment).Order().ToList();
            return values[values.Count / 2];
        }

        var star = Median(DemoPersona.Star);
        var steady = Median(DemoPersona.Steady);
        var struggler = Median(DemoPersona.Struggler);

        Assert.True(star > steady && steady > struggler, $"star {star:P0}, steady {steady:P0}, struggler {struggler:P0}");
        Assert.InRange(steady, 0.8, 1.3);
        Assert.InRange(star, 1.2, 2.6);
        Assert.InRange(struggler, 0.3, 0.85);
    }
}
