using SalesMentor.Core.Matching.Scoring;

namespace SalesMentor.Core.Tests.Matching.Scoring;

public sealed class ScorePairTests
{
    private static readonly ScoreWeights GapsOnly = new(1, 0, 0, 0, 0, 0);

    private static ScoredSkill Skill(string key, int level) => new(key, char.ToUpperInvariant(key[0]) + key[1..], level);

    private static ScoringProfile Mentee(params ScoredSkill[] gaps) => new() { Skills = gaps };

    private static ScoringProfile Mentor(params ScoredSkill[] strengths) => new() { Skills = strengths };

    [Fact]
    public void Score_StrengthsCoverThreeOfFourGaps_NamesTheCoveredGapsInOrder()
    {
        var mentee = Mentee(Skill("qualifying", 2), Skill("closing", 5), Skill("negotiating", 3), Skill("prospecting", 2));
        var mentor = Mentor(Skill("closing", 5), Skill("negotiating", 4), Skill("qualifying", 3), Skill("presenting", 5));

        var score = ScorePair.Score(mentee, mentor, default, GapsOnly);

        var reason = Assert.Single(score.Reasons);
        Assert.Equal("covers 3 of 4 gaps: Closing, Negotiating, Qualifying", reason.Text);
        // (2·3/5 + 5·5/5 + 3·4/5 + 2·0) / 12 = 8.6 / 12 → 716 of 1000.
        Assert.Equal(716, score.Score);
        Assert.Equal((ScoreFactor.Gaps, 716, 1000), (reason.Factor, reason.Points, reason.MaxPoints));
    }

    [Theory]
    [InlineData(new int[0], "the mentee shared no skill gaps for matching", 500)]
    [InlineData(new[] { 1 }, "covers none of 1 gap; partly Closing", 200)]
    [InlineData(new[] { 5 }, "covers 1 of 1 gap: Closing", 1000)]
    public void Score_GapCoverage_IsWeightedByStrengthLevel(int[] strength, string text, int expected)
    {
        var mentee = strength.Length == 0 ? Mentee() : Mentee(Skill("closing", 3));
        var mentor = Mentor([.. strength.Select(level => Skill("closing", level))]);
        if (strength.Length == 0) mentor = Mentor(Skill("closing", 5));

        var score = ScorePair.Score(mentee, mentor, default, GapsOnly);

        Assert.Equal((text, expected), (score.Reasons[0].Text, score.Score));
    }

    [Fact]
    public void Score_BiggerGapCoveredOutscoresSmallerGapCovered()
    {
        var mentee = Mentee(Skill("closing", 5), Skill("prospecting", 1));

        var coversBig = ScorePair.Score(mentee, Mentor(Skill("closing", 5)), default, GapsOnly);
        var coversSmall = ScorePair.Score(mentee, Mentor(Skill("prospecting", 5)), default, GapsOnly);

        Assert.True(coversBig.Score > coversSmall.Score, $"{coversBig.Score} vs {coversSmall.Score}");
    }

    [Fact]
    public void Score_EveryFactor_ExplainsEveryPointAndStaysWithin1000()
    {
        var mentee = new ScoringProfile
        {
            Skills = [Skill("closing", 4)], Values = [new("v1", "Integrity"), new("v2", "Ownership"), new("v3", "Teamwork")],
            Readiness = 4, UtcOffsetHours = 1, Region = "North", TenureYears = 1,
        };
        var mentor = new ScoringProfile
        {
            Skills = [Skill("closing", 5)], Values = [new("v2", "Ownership"), new("v1", "Integrity")],
            Readiness = 5, UtcOffsetHours = 7, Region = "South", TenureYears = 8,
        };

        var score = ScorePair.Score(mentee, mentor, new PairPreference(1, 2, 0, 0), ScoreWeights.Default);

        Assert.Equal(score.Score, score.Reasons.Sum(r => r.Points));
        Assert.InRange(score.Score, 0, 1000);
        Assert.Equal(
        [
            "covers 1 of 1 gap: Closing",
            "shares 2 of 3 values: Integrity, Ownership",
            "readiness: mentee 4.0 of 5, mentor 5.0 of 5",
            "the mentee's choice #1; the mentor ranked nobody",
            "other region, 6 h apart",
            "the mentor has 7 more years with the company",
        ], score.Reasons.Select(r => r.Text));
        Assert.Equal([384, 102, 134, 115, 19, 76], score.Reasons.Select(r => r.Points));
    }

    [Fact]
    public void Score_NothingKnown_IsNeutralHalf()
    {
        var score = ScorePair.Score(new ScoringProfile(), new ScoringProfile(), default, ScoreWeights.Default);

        Assert.Equal(["the mentee shared no skill gaps for matching", "the mentee chose no values", "readiness: mentee not rated, mentor not rated",
            "no preferences given", "region unknown, time zone unknown", "tenure unknown"], score.Reasons.Select(r => r.Text));
        Assert.InRange(score.Score, 495, 500);
    }

    [Theory]
    [InlineData(1, 3, 0, 0, "the mentee's choice #1; the mentor ranked nobody", 750)]
    [InlineData(3, 3, 0, 0, "the mentee's choice #3; the mentor ranked nobody", 583)]
    [InlineData(0, 3, 2, 2, "not among the mentee's 3 choices; the mentor's choice #2", 500)]
    public void Score_Preferences_FavourEarlierChoices(int menteeRank, int menteeRanked, int mentorRank, int mentorRanked, string text, int expected)
    {
        var score = ScorePair.Score(new ScoringProfile(), new ScoringProfile(), new PairPreference(menteeRank, menteeRanked, mentorRank, mentorRanked), new ScoreWeights(0, 0, 0, 1, 0, 0));

        Assert.Equal((text, expected), (score.Reasons[0].Text, score.Score));
    }

    [Fact]
    public void Score_ZeroWeight_LeavesTheFactorOut()
    {
        var score = ScorePair.Score(new ScoringProfile(), new ScoringProfile(), default, new ScoreWeights(0, 0, 0, 0, 0, 3));

        Assert.Equal([ScoreFactor.Seniority], score.Reasons.Select(r => r.Factor));
    }

    [Fact]
    public void Score_InvalidWeights_Throw()
    {
        Assert.Throws<ArgumentException>(() => ScorePair.Score(new ScoringProfile(), new ScoringProfile(), default, new ScoreWeights(0, 0, 0, 0, 0, 0)));
        Assert.Throws<ArgumentException>(() => ScorePair.Score(new ScoringProfile(), new ScoringProfile(), default, new ScoreWeights(11, 0, 0, 0, 0, 0)));
    }
}
