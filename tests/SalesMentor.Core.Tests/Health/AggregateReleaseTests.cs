using SalesMentor.Core.Health;

namespace SalesMentor.Core.Tests.Health;

public sealed class AggregateReleaseTests
{
    private static AggregateCandidate<int> Group(string key, params int[] people) => new(key, people.ToHashSet());

    private static int[] Range(int from, int count) => [.. Enumerable.Range(from, count)];

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(12, true)]
    public void Select_OneAggregate_IsReleasedFromFivePeople(int people, bool released)
    {
        var keys = AggregateRelease.Select([Group("team", Range(0, people))]);

        Assert.Equal(released, keys.Contains("team"));
    }

    [Fact]
    public void Select_ATeamOfSixAndTheSameTeamWithoutOne_OnlyTheFirstIsReleased()
    {
        var keys = AggregateRelease.Select([Group("team", Range(0, 6)), Group("team without Ann", Range(1, 5))]);

        Assert.Equal(["team"], keys);
    }

    [Fact]
    public void Select_EveryoneAndASideOfFour_WithholdsTheSideAndTheOtherSideThatWouldRevealIt()
    {
        // 5 mentees and 4 mentors: "everyone" (9) is fine; "mentees" differs from it by the 4 mentors; "mentors" has 4.
        var keys = AggregateRelease.Select([Group("everyone", Range(0, 9)), Group("mentees", Range(0, 5)), Group("mentors", Range(5, 4))]);

        Assert.Equal(["everyone"], keys);
    }

    [Fact]
    public void Select_TwoSidesOfFiveOrMore_AllThreeAreReleased()
    {
        var keys = AggregateRelease.Select([Group("everyone", Range(0, 11)), Group("mentees", Range(0, 6)), Group("mentors", Range(6, 5))]);

        Assert.Equal(["everyone", "mentees", "mentors"], keys);
    }

    [Fact]
    public void Select_OverlappingGroups_EachSideOfTheDifferenceNeedsFiveOrNone()
    {
        // A = 0..9, B = 3..12: A∖B = {0,1,2} (3 people) — B is withheld; C = 5..14: A∖C and C∖A have 5 each — released.
        var keys = AggregateRelease.Select([Group("A", Range(0, 10)), Group("B", Range(3, 10)), Group("C", Range(5, 10))]);

        Assert.Equal(["A", "C"], keys);
    }

    [Fact]
    public void Select_TheSameGroupTwice_IsNoDifference()
    {
        var keys = AggregateRelease.Select([Group("round 1", Range(0, 5)), Group("round 1 again", Range(0, 5))]);

        Assert.Equal(["round 1", "round 1 again"], keys);
    }

    [Fact]
    public void Select_EveryPairOfReleasedAggregates_DiffersByNoneOrAtLeastFive()
    {
        // A property over many random families: whatever is released, no two released sets differ by 1–4 people.
        var random = new Random(7);
        for (var run = 0; run < 500; run++)
        {
            var candidates = Enumerable.Range(0, 6).Select(i => Group($"g{i}", [.. Enumerable.Range(0, 20).Where(_ => random.Next(3) > 0)])).ToList();
            var released = AggregateRelease.Select(candidates).Select(k => candidates.Single(c => c.Key == k).Respondents).ToList();
            foreach (var a in released)
            {
                Assert.True(a.Count >= 5);
                foreach (var b in released)
                {
                    var onlyA = a.Count(p => !b.Contains(p));
                    Assert.True(onlyA == 0 || onlyA >= 5, $"run {run}: two released aggregates differ by {onlyA} people");
                }
            }
        }
    }

    [Fact]
    public void Plan_AKeyAlreadyReleased_IsNeverReleasedAgain_EvenWithOtherPeople()
    {
        var fresh = AggregateRelease.Plan([Group("team", Range(0, 6))], [Group("team", Range(0, 12)), Group("other", Range(20, 5))]);

        Assert.Equal(["other"], fresh.Select(c => c.Key));
    }

    [Fact]
    public void Plan_ACandidateOneAwayFromWhatWasReleasedBefore_IsWithheld()
    {
        // Released last month: a team of 7. Today the same team without one member is a safe aggregate on its own — but
        // the difference would be that one person.
        var fresh = AggregateRelease.Plan([Group("team in May", Range(0, 7))], [Group("team in June", Range(1, 6)), Group("team twice", Range(0, 7))]);

        Assert.Equal(["team twice"], fresh.Select(c => c.Key));
    }

    [Fact]
    public void Plan_NothingReleasedBefore_IsSelect()
    {
        AggregateCandidate<int>[] candidates = [Group("A", Range(0, 10)), Group("B", Range(3, 10)), Group("C", Range(5, 10))];

        Assert.Equal(AggregateRelease.Select(candidates), AggregateRelease.Plan([], candidates).Select(c => c.Key));
    }
}
