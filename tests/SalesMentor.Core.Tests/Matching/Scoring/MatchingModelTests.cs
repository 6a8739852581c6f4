using SalesMentor.Core.Matching;
using SalesMentor.Core.Matching.Scoring;
using SalesMentor.Core.People;

namespace SalesMentor.Core.Tests.Matching.Scoring;

public sealed class MatchingModelTests
{
    private static readonly PersonId Sup = PersonId.New(), RepA = PersonId.New(), RepB = PersonId.New(), Star = PersonId.New();
    private static readonly Hierarchy Tree = new([(Sup, null), (RepA, Sup), (RepB, Sup), (Star, null)]);

    private static ModelMentee Mentee(PersonId id, string gap, params PersonId[] ranked) =>
        new(new PairPerson(id, null, new HashSet<PersonId>()), new ScoringProfile { Skills = [new(gap, gap, 4)] }, ranked);

    private static ModelMentor Mentor(PersonId id, string strength, int capacity) =>
        new(new PairPerson(id, null, new HashSet<PersonId>()), new ScoringProfile { Skills = [new(strength, strength, 5)] }, capacity, []);

    private static PairExclusions Rules => new(Tree, new ExclusionRules(), [], []);

    [Fact]
    public void Build_SupervisorIsForbiddenForBoth_TheStarTakesTheBetterFit()
    {
        var model = MatchingModel.Build([Mentee(RepA, "closing"), Mentee(RepB, "prospecting")], [Mentor(Sup, "closing", 2), Mentor(Star, "prospecting", 1)],
            new ScoreWeights(1, 0, 0, 0, 0, 0), 0, Rules, []);

        var result = SolveMatching.Solve(model.Problem);

        Assert.Equal(ExclusionReason.SupervisorChain, model.ExclusionOf(0, 0));
        Assert.Equal(1000, model.ScoreOf(0, 0).Score);
        Assert.Equal([MatchResult.Unmatched, 1], result.MentorOf.ToArray());
        Assert.Equal(UnmatchedReason.CapacityExhausted, result.Reasons.Span[0]);
        Assert.Equal("optimality verified", result.Verdict.Summary);
    }

    [Fact]
    public void Build_AllCandidatesExcluded_SaysSo()
    {
        var model = MatchingModel.Build([Mentee(RepA, "closing")], [Mentor(Sup, "closing", 1)], ScoreWeights.Default, 0, Rules, []);

        var result = SolveMatching.Solve(model.Problem);

        Assert.Equal(MatchStatus.NoCandidates, result.Status);
        Assert.Equal(UnmatchedReason.AllExcluded, result.Reasons.Span[0]);
    }

    [Fact]
    public void Build_LockOnAnExcludedPair_OverridesTheRule()
    {
        var model = MatchingModel.Build([Mentee(RepA, "closing")], [Mentor(Sup, "closing", 1)], ScoreWeights.Default, 999, Rules, [new MatchPair(0, 0)]);

        var result = SolveMatching.Solve(model.Problem, MatchMode.Fairest);

        Assert.Equal([0], result.MentorOf.ToArray());
        Assert.True(result.Verdict.Verified, result.Verdict.Summary);
    }

    [Fact]
    public void Build_RankingsFeedTheStableMode()
    {
        // Both mentees rank the star first; the star (capacity 1) has no ranking, so it keeps the higher score.
        var model = MatchingModel.Build([Mentee(RepA, "closing", Star), Mentee(RepB, "prospecting", Star)], [Mentor(Star, "prospecting", 1)],
            new ScoreWeights(1, 0, 0, 1, 0, 0), 0, Rules, []);

        var result = SolveMatching.Solve(model.Problem, MatchMode.Stable);

        Assert.Equal(1, model.Problem.MenteeRanks.Span[0]);
        Assert.Equal([MatchResult.Unmatched, 0], result.MentorOf.ToArray());
        Assert.Equal(0, result.Verdict.BlockingPairs);
    }

    [Fact]
    public void Build_IneligibleMentor_IsNoCandidateUnlessLocked()
    {
        var ineligible = Mentor(Star, "closing", 1) with { Eligible = false };

        var free = SolveMatching.Solve(MatchingModel.Build([Mentee(RepA, "closing")], [ineligible], ScoreWeights.Default, 0, Rules, []).Problem);
        var locked = SolveMatching.Solve(MatchingModel.Build([Mentee(RepA, "closing")], [ineligible], ScoreWeights.Default, 0, Rules, [new MatchPair(0, 0)]).Problem);

        Assert.Equal(UnmatchedReason.NoCandidate, free.Reasons.Span[0]);
        Assert.Equal([0], locked.MentorOf.ToArray());
    }
}
