using System.Net.Mail;
using SalesMentor.Core.Demo;
using SalesMentor.Core.People;

namespace SalesMentor.Core.Tests.Demo;

public sealed class BuildOrganizationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(-7)]
    public void Generate_Small_HierarchyIsATreeRootedAtTheVp(int seed)
    {
        var org = DemoWorld.Small(seed);
        var byId = org.People.ToDictionary(p => p.Id);

        var root = Assert.Single(org.People, p => p.ManagerId is null);
        Assert.Equal(DemoPersona.Leader, root.Persona);
        Assert.Equal(DemoTitles.VpOfSales, root.Title);
        foreach (var person in org.People)
        {
            var seen = new HashSet<PersonId>();
            for (var current = person; current.ManagerId is { } manager; current = byId[manager])
            {
                Assert.True(seen.Add(current.Id), $"{person.Name} is in a reporting cycle.");
                Assert.True(byId.ContainsKey(manager), $"{person.Name} reports to someone outside the organization.");
            }
        }
    }

    [Fact]
    public void Generate_Small_RepsReportToManagersAndManagersToTheVp()
    {
        var org = DemoWorld.Small();
        var byId = org.People.ToDictionary(p => p.Id);
        var vp = org.People.Single(p => p.Persona == DemoPersona.Leader);

        foreach (var rep in org.Reps)
        {
            var manager = byId[rep.ManagerId!.Value];
            Assert.Equal(DemoPersona.Manager, manager.Persona);
            Assert.Equal(manager.Team, rep.Team);
        }

        Assert.All(org.People.Where(p => p.Persona is DemoPersona.Manager or DemoPersona.Enablement), p => Assert.Equal(vp.Id, p.ManagerId));
    }

    [Fact]
    public void Generate_Small_HeadCountsAreWithinTheStatedRanges()
    {
        var org = DemoWorld.Small();
        var reps = org.Reps.ToList();
        int Count(DemoPersona persona) => reps.Count(p => p.Persona == persona);

        Assert.InRange(reps.Count, 140, 160);
        Assert.Equal(12, org.People.Count(p => p.Persona == DemoPersona.Manager));
        Assert.Single(org.People, p => p.Persona == DemoPersona.Leader);
        Assert.Single(org.People, p => p.Persona == DemoPersona.Enablement && p.Title == DemoTitles.SalesEnablementLead);
        Assert.InRange(Count(DemoPersona.Star), 5, 8);
        Assert.InRange(Count(DemoPersona.Struggler), reps.Count * 0.12, reps.Count * 0.18);
        Assert.InRange(Count(DemoPersona.NewHire), reps.Count * 0.08, reps.Count * 0.12);
        Assert.InRange(Count(DemoPersona.Leaver), reps.Count * 0.06, reps.Count * 0.10);
        Assert.True(Count(DemoPersona.Steady) > reps.Count / 2, "Most reps are steady.");
    }

    [Fact]
    public void Generate_Small_FourTeamsPerRegionEachWithItsManagerAndTimeZone()
    {
        var org = DemoWorld.Small();

        Assert.Equal(["North America", "EMEA", "APAC"], org.Regions.Select(r => r.Name));
        Assert.All(org.Regions, region => Assert.Equal(4, org.Teams.Count(t => t.Region == region.Name)));
        Assert.Equal(org.Teams.Count, org.Teams.Select(t => t.Name).Distinct().Count());
        foreach (var team in org.Teams)
        {
            var manager = org.PersonOf(team.ManagerId);
            Assert.Equal(team.Name, manager.Team);
            Assert.Contains(org.Reps, r => r.Team == team.Name);
        }

        var zones = org.Regions.ToDictionary(r => r.Name, r => r.TimeZone);
        Assert.All(org.People, p => Assert.Equal(zones[p.Region], p.TimeZone));
        Assert.All(org.Regions, r => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Generate_Small_EmailsAreUniqueValidLowercaseAscii(int seed)
    {
        var org = DemoWorld.Small(seed);

        Assert.Equal(org.People.Count, org.People.Select(p => p.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var person in org.People)
        {
            Assert.Matches("^[a-z0-9]+([.-][a-z0-9]+)*@demo\\.example$", person.Email);
            Assert.True(MailAddress.TryCreate(person.Email, out _), person.Email);
        }
    }

    [Fact]
    public void Generate_Small_NamesIncludeNonAsciiLetters()
    {
        var org = DemoWorld.Small();

        Assert.Contains(org.People, p => p.Name.Any(c => c > 127));
    }

    [Fact]
    public void Generate_Small_IdsAreUniqueAndWellFormed()
    {
        var org = DemoWorld.Small();

        Assert.Equal(org.People.Count, org.People.Select(p => p.Id).Distinct().Count());
        Assert.DoesNotContain(org.People, p => p.Id.Value == Guid.Empty);
        Assert.Equal(org.People.Count, org.People.Select(p => p.ExternalId).Distinct().Count());
        Assert.All(org.People, p => Assert.Matches("^E[0-9]{4}$", p.ExternalId));
        var crmIds = org.People.SelectMany(p => p.CrmOwnerIds).ToList();
        Assert.Equal(org.People.Count, crmIds.Distinct(StringComparer.Ordinal).Count());
        Assert.All(crmIds, id => Assert.Matches("^005[0-9A-Za-z]{15}$", id));
    }

    [Fact]
    public void Generate_Small_TenureMatchesPersona()
    {
        var org = DemoWorld.Small();

        foreach (var person in org.People)
        {
            Assert.True(person.HireDate <= org.AsOf, $"{person.Name} is hired after AsOf.");
            switch (person.Persona)
            {
                case DemoPersona.NewHire:
                    Assert.InRange(person.HireDate, org.AsOf.AddMonths(-6), org.AsOf);
                    break;
                case DemoPersona.Leaver:
                    Assert.InRange(person.LeftOn!.Value, org.WindowStart, org.AsOf);
                    Assert.True(person.HireDate < person.LeftOn, $"{person.Name} left before being hired.");
                    break;
                default:
                    Assert.Null(person.LeftOn);
                    Assert.True(person.HireDate < org.AsOf.AddMonths(-6), $"{person.Name} is a recent hire but not a new hire.");
                    break;
            }
        }
    }
}
