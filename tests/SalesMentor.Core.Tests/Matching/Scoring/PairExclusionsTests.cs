using SalesMentor.Core.Matching.Scoring;
using SalesMentor.Core.People;

namespace SalesMentor.Core.Tests.Matching.Scoring;

public sealed class PairExclusionsTests
{
    // vp → sup → rep; vp → other; rep and peer share a team.
    private static readonly PersonId Vp = PersonId.New(), Sup = PersonId.New(), Rep = PersonId.New(), Other = PersonId.New(), Peer = PersonId.New();
    private static readonly Guid TeamA = Guid.NewGuid();
    private static readonly Hierarchy Tree = new([(Vp, null), (Sup, Vp), (Rep, Sup), (Other, Vp), (Peer, Sup)]);

    private static PairPerson P(PersonId id, Guid? team = null, params PersonId[] avoid) => new(id, team, avoid.ToHashSet());

    public static TheoryData<string, ExclusionRules, PairPerson, PairPerson, ExclusionReason> Cases => new()
    {
        { "own supervisor", new(), P(Rep), P(Sup), ExclusionReason.SupervisorChain },
        { "supervisor's supervisor", new(), P(Rep), P(Vp), ExclusionReason.SupervisorChain },
        { "the mentee is above the mentor", new(), P(Sup), P(Rep), ExclusionReason.SupervisorChain },
        { "chain rule off", new(SupervisorChain: false), P(Rep), P(Sup), ExclusionReason.None },
        { "another branch", new(), P(Rep), P(Other), ExclusionReason.None },
        { "same person", new(), P(Rep), P(Rep), ExclusionReason.SamePerson },
        { "same team, allowed", new(), P(Rep, TeamA), P(Peer, TeamA), ExclusionReason.None },
        { "same team, excluded", new(SameTeam: true), P(Rep, TeamA), P(Peer, TeamA), ExclusionReason.SameTeam },
        { "mentee avoids", new(), P(Rep, null, Other), P(Other), ExclusionReason.Avoided },
        { "mentor avoids", new(), P(Rep), P(Other, null, Rep), ExclusionReason.Avoided },
        { "previous pair", new(), P(Peer), P(Other), ExclusionReason.PreviousPair },
        { "previous pair allowed", new(PreviousPairs: false), P(Peer), P(Other), ExclusionReason.None },
        { "declined", new(), P(Rep), P(Other, null), ExclusionReason.None },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Rules_GiveTheFirstBrokenRule(string name, ExclusionRules rules, PairPerson mentee, PairPerson mentor, ExclusionReason expected)
    {
        var exclusions = new PairExclusions(Tree, rules, [(Peer, Other)], []);

        Assert.True(expected == exclusions.Check(mentee, mentor), name);
    }

    [Fact]
    public void Check_DeclinedPair_IsExcludedOnlyThatWayRound()
    {
        var exclusions = new PairExclusions(Tree, new ExclusionRules(), [], [(Rep, Other)]);

        Assert.Equal(ExclusionReason.Declined, exclusions.Check(P(Rep), P(Other)));
        Assert.Equal(ExclusionReason.None, exclusions.Check(P(Other), P(Rep)));
        Assert.Contains("declined", PairExclusions.Describe(ExclusionReason.Declined), StringComparison.Ordinal);
    }
}
