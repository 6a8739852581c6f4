using SalesMentor.Core.Demo;
using SalesMentor.Core.Impact;

namespace SalesMentor.Core.Tests.Demo;

public sealed class PlanMentoringTests
{
    [Fact]
    public void Programs_CompletedRunningAndPilot_WithTheDemoSignInsAsARunningPair()
    {
        var org = DemoWorld.Small();
        var programs = org.Mentoring.Programs;

        Assert.Equal([DemoProgramState.Completed, DemoProgramState.Running, DemoProgramState.Running], programs.Select(p => p.State));
        var (completed, running, pilot) = (programs[0], programs[1], programs[2]);
        Assert.True(completed.EndsOn < org.AsOf, "The completed program ended before today.");
        Assert.All(completed.Pairs, p => Assert.True(p.EndedOn < org.AsOf));
        Assert.All(running.Pairs.Concat(pilot.Pairs), p => Assert.Null(p.EndedOn));
        Assert.Equal(3, pilot.Pairs.Count);
        Assert.InRange(completed.Pairs.Count, 15, 24);
        Assert.Contains(new DemoPair(org.Logins.Star.PersonId, org.Logins.Mentee.PersonId, running.StartsOn, null), running.Pairs);

        // Staggered starts: the completed cohort starts in three waves, a month apart.
        Assert.Equal(3, completed.Pairs.Select(p => p.StartedOn).Distinct().Count());
    }

    [Fact]
    public void Pairs_StarMentorsFromAnotherTeam_AtMostThreeEach_NoOneMentoredTwice()
    {
        var org = DemoWorld.Small();
        foreach (var program in org.Mentoring.Programs)
        {
            foreach (var pair in program.Pairs)
            {
                var (mentor, mentee) = (org.PersonOf(pair.Mentor), org.PersonOf(pair.Mentee));
                Assert.Equal(DemoPersona.Star, mentor.Persona);
                Assert.NotEqual(mentor.Team, mentee.Team);
                Assert.NotEqual(mentee.ManagerId, mentor.Id);
            }

            Assert.All(program.Pairs.GroupBy(p => p.Mentor), g => Assert.InRange(g.Count(), 1, 3));
        }

        var mentees = org.Mentoring.Programs.SelectMany(p => p.Pairs).Select(p => p.Mentee).ToList();
        Assert.Equal(mentees.Count, mentees.Distinct().Count());
    }

    [Fact]
    public void Mentees_SelectThemselves_LowerWinRatesJoinMoreOften()
    {
        var org = DemoWorld.Small();
        var mentees = org.Mentoring.Programs[0].Pairs.Select(p => p.Mentee).ToHashSet();
        var candidates = org.Reps.Where(r => r.Persona is DemoPersona.Steady or DemoPersona.Struggler).ToList();
        double Mean(IEnumerable<DemoPerson> reps) => reps.Average(r => org.Plan.PerformanceOf(r.Id).BaseWinRate);

        Assert.True(Mean(candidates.Where(r => mentees.Contains(r.Id))) < Mean(candidates.Where(r => !mentees.Contains(r.Id))));
    }

    [Fact]
    public void Interactions_AYearOfEachManagerWithTheirOwnReps_InDifferentRoleMixes()
    {
        var org = DemoWorld.Small();
        var interactions = org.Interactions().ToList();

        Assert.NotEmpty(interactions);
        Assert.All(interactions, i =>
        {
            Assert.Equal(i.Manager, org.PersonOf(i.Rep).ManagerId);
            Assert.InRange(i.Date, org.AsOf.AddDays(-364), org.AsOf);
            Assert.InRange(i.Minutes, 15, 60);
            Assert.False(string.IsNullOrWhiteSpace(i.Topic));
        });
        var supervisorShares = interactions.GroupBy(i => i.Manager)
            .Select(g => g.Count(i => i.Role == ManagerRole.Supervisor) / (double)g.Count()).ToList();
        Assert.True(supervisorShares.Max() - supervisorShares.Min() > 0.15, "Managers should differ in how much they supervise.");
    }

    [Fact]
    public void Generate_SameSeed_SameMentoring()
    {
        var a = DemoWorld.Small(seed: 3).Mentoring;
        var b = DemoWorld.Small(seed: 3).Mentoring;


        Assert.Equal(a.Programs.SelectMany(p => p.Pairs), b.Programs.SelectMany(p => p.Pairs));
        Assert.Equal(DemoWorld.Small(seed: 3).Interactions(), DemoWorld.Small(seed: 3).Interactions());
    }
}
