using SalesMentor.Core.Demo;

namespace SalesMentor.Core.Tests.Demo;

public sealed class ChooseLoginsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(1234)]
    public void Generate_Small_SignInsFitTheMentorshipStory(int seed)
    {
        var org = DemoWorld.Small(seed);
        var logins = org.Logins;
        var admin = org.PersonOf(logins.Admin.PersonId);
        var manager = org.PersonOf(logins.Manager.PersonId);
        var star = org.PersonOf(logins.Star.PersonId);
        var mentee = org.PersonOf(logins.Mentee.PersonId);
        var team = org.Reps.Where(r => r.Team == manager.Team).ToList();

        Assert.Equal(DemoPersona.Enablement, admin.Persona);
        Assert.Equal(DemoPersona.Manager, manager.Persona);
        Assert.Contains(team, r => r.Persona == DemoPersona.Star);
        Assert.Contains(team, r => r.Persona == DemoPersona.Struggler);
        Assert.Equal(DemoPersona.Star, star.Persona);
        Assert.NotEqual(manager.Team, star.Team);
        Assert.True(mentee.Persona is DemoPersona.Struggler or DemoPersona.Steady, mentee.Persona.ToString());
        Assert.Equal(manager.Id, mentee.ManagerId);
        Assert.Null(mentee.LeftOn);
        Assert.Null(star.LeftOn);
    }

    [Fact]
    public void Generate_Small_SignInsHaveTheFixedRoleAddresses()
    {
        var org = DemoWorld.Small();
        var logins = org.Logins;

        Assert.Equal(
            ["admin@demo.example", "manager@demo.example", "star@demo.example", "mentee@demo.example"],
            new[] { logins.Admin, logins.Manager, logins.Star, logins.Mentee }.Select(l => l.Email));
        Assert.All(new[] { logins.Admin, logins.Manager, logins.Star, logins.Mentee }, l => Assert.Equal(l.Email, org.PersonOf(l.PersonId).Email));
    }

    [Fact]
    public void Generate_OtherEmailDomain_AllAddressesUseIt()
    {
        var org = DemoGenerator.Generate(new DemoOptions(DemoSize.Small, 1, DemoWorld.AsOf, EmailDomain: "acme.test"));

        Assert.Equal("admin@acme.test", org.Logins.Admin.Email);
        Assert.Equal("mentee@acme.test", org.Logins.Mentee.Email);
        Assert.All(org.People, p => Assert.EndsWith("@acme.test", p.Email, StringComparison.Ordinal));
    }
}
