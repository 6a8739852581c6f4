using SalesMentor.Core.Health;

namespace SalesMentor.Core.Tests.Health;

public sealed class HealthRulesTests
{
    private static readonly DateOnly Start = new(2026, 6, 1);
    private static readonly PulseScores Good = new(4, 4, 4, 4);

    private static HealthInput Input(DateOnly today, DateOnly? lastSession = null, int overdue = 0, bool moving = true, DateOnly? end = null,
        params IReadOnlyList<PulseScores>[] sides) =>
        new(today, Start, end, lastSession, 3, overdue, moving, sides);

    [Theory]
    [InlineData(21, false)] // exactly three weeks after the last session: not yet
    [InlineData(22, true)]
    public void Evaluate_NoSessionForThreeWeeks_IsFlagged(int days, bool flagged)
    {
        var flags = HealthRules.Evaluate(Input(Start.AddDays(days), lastSession: Start));

        Assert.Equal(flagged, flags.HasFlag(HealthAlerts.NoRecentSession));
    }

    [Fact]
    public void Evaluate_OverdueActions_AreFlagged()
    {
        Assert.Equal(HealthAlerts.ActionsOverdue, HealthRules.Evaluate(Input(Start.AddDays(3), overdue: 2)));
    }

    [Theory]
    [InlineData(90, false)] // before mid-term (start + 91 days of a 183-day mentorship)
    [InlineData(91, true)]
    public void Evaluate_GoalsNotMoving_OnlyFromMidTerm(int days, bool flagged)
    {
        var flags = HealthRules.Evaluate(Input(Start.AddDays(days), lastSession: Start.AddDays(days), moving: false, end: Start.AddDays(183)));

        Assert.Equal(flagged, flags.HasFlag(HealthAlerts.GoalsNotMoving));
    }

    [Theory]
    [InlineData(3, 4, 4, 4, false)]
    [InlineData(2, 4, 4, 4, true)] // one answer ≤ 2
    [InlineData(4, 4, 1, 4, true)]
    public void Evaluate_ALowAnswerOfEitherSide_IsCohesionLow(int trust, int safety, int value, int commitment, bool low)
    {
        var flags = HealthRules.Evaluate(Input(Start.AddDays(1), sides: [[Good], [new PulseScores(trust, safety, value, commitment)]]));

        Assert.Equal(low, flags.HasFlag(HealthAlerts.CohesionLow));
    }

    [Fact]
    public void Evaluate_TrustFallingTwoPulsesInARow_IsCohesionLow_ButOnceIsNot()
    {
        PulseScores Trust(int t) => new(t, 5, 5, 5);

        Assert.True(Cohesion.IsLow([[Trust(5), Trust(4), Trust(3)]]));
        Assert.False(Cohesion.IsLow([[Trust(5), Trust(4), Trust(4)]]));
        Assert.False(Cohesion.IsLow([[Trust(3), Trust(5), Trust(4)]]));
    }

    [Fact]
    public void Cohesion_IsTheMeanOfBothSidesLatestAnswers_AndLowBelowThree()
    {
        Assert.Equal(2.88m, Cohesion.Score([new PulseScores(3, 3, 3, 3), new PulseScores(3, 3, 3, 2)]));
        Assert.True(Cohesion.IsLow([[new PulseScores(3, 3, 3, 3)], [new PulseScores(3, 3, 3, 3), new PulseScores(3, 3, 3, 2)]])); // the ≤ 2 answer
        Assert.True(Cohesion.IsLow([[new PulseScores(3, 3, 3, 3)], [new PulseScores(3, 3, 3, 3)]]) == false);
        Assert.Null(Cohesion.Score([]));
    }

    [Fact]
    public void Reasons_AreTheWordsOfTheHealthPage_WithoutSideOrAnswer()
    {
        var reasons = HealthRules.Reasons(HealthAlerts.NoRecentSession | HealthAlerts.ActionsOverdue | HealthAlerts.GoalsNotMoving | HealthAlerts.CohesionLow, 3);

        Assert.Equal(["no session in 3 weeks", "actions overdue", "goals not moving", "cohesion low"], reasons);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(27, 0)]
    [InlineData(28, 1)]
    [InlineData(-5, 0)]
    public void Round_CountsWholeIntervalsFromTheAnchor(int days, int round)
    {
        Assert.Equal(round, HealthRules.Round(Start, 4, Start.AddDays(days)));
        Assert.Equal(Start.AddDays(28 * round), HealthRules.RoundStart(Start, 4, round));
    }
}
