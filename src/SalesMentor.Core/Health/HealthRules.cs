namespace SalesMentor.Core.Health;

/// <summary>Why a pair is at risk, as the admin's health page says it — the reason only, never an answer or a side.</summary>
[Flags]
public enum HealthAlerts
{
    /// <summary>Nothing to report.</summary>
    None = 0,

    /// <summary>No session held in the last N weeks (program setting, 3 by default).</summary>
    NoRecentSession = 1,

    /// <summary>An action item is past its due date and not done.</summary>
    ActionsOverdue = 2,

    /// <summary>At mid-term or later, no goal has moved (no adoption level rose, no KPI passed its baseline).</summary>
    GoalsNotMoving = 4,

    /// <summary>The pulse answers say so (see <see cref="Cohesion.IsLow"/>), without saying whose.</summary>
    CohesionLow = 8,
}

/// <summary>
/// What the health rules look at for one mentorship, on <see cref="Today"/>. Dates are calendar days in the
/// organization's time zone.
/// </summary>
/// <param name="Today">The day of the assessment.</param>
/// <param name="StartedOn">The first day of the mentorship.</param>
/// <param name="PlannedEndOn">The planned last day (the program's end), when known; mid-term is halfway from start to it.</param>
/// <param name="LastSessionOn">The day of the last held session; null when none was held.</param>
/// <param name="NoSessionWeeks">Weeks without a held session that raise <see cref="HealthAlerts.NoRecentSession"/> (≥ 1).</param>
/// <param name="OverdueActions">Action items not done whose due day is before <see cref="Today"/>.</param>
/// <param name="GoalsMoving">Whether any goal moved since the start.</param>
/// <param name="PulsesBySide">Each side's pulse answers, oldest first.</param>
public sealed record HealthInput(
    DateOnly Today, DateOnly StartedOn, DateOnly? PlannedEndOn, DateOnly? LastSessionOn, int NoSessionWeeks, int OverdueActions, bool GoalsMoving,
    IReadOnlyList<IReadOnlyList<PulseScores>> PulsesBySide);

/// <summary>The alert rules of relationship health, as pure functions.</summary>
public static class HealthRules
{
    /// <summary>The flags raised for <paramref name="input"/>.</summary>
    public static HealthAlerts Evaluate(HealthInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var flags = HealthAlerts.None;
        var since = input.LastSessionOn ?? input.StartedOn;
        if (input.Today.DayNumber - since.DayNumber > 7 * Math.Max(1, input.NoSessionWeeks)) flags |= HealthAlerts.NoRecentSession;
        if (input.OverdueActions > 0) flags |= HealthAlerts.ActionsOverdue;
        if (MidTerm(input.StartedOn, input.PlannedEndOn) is { } mid && input.Today >= mid && !input.GoalsMoving) flags |= HealthAlerts.GoalsNotMoving;
        if (Cohesion.IsLow(input.PulsesBySide)) flags |= HealthAlerts.CohesionLow;
        return flags;
    }

    /// <summary>Halfway from <paramref name="start"/> to <paramref name="plannedEnd"/> (rounded down); null without an end after the start.</summary>
    public static DateOnly? MidTerm(DateOnly start, DateOnly? plannedEnd) =>
        plannedEnd is { } end && end > start ? start.AddDays((end.DayNumber - start.DayNumber) / 2) : null;

    /// <summary>
    /// The pulse round a day falls in: rounds of <paramref name="everyWeeks"/> weeks counted from <paramref name="anchor"/>
    /// (round 0 is [anchor, anchor + N weeks)); days before the anchor are round 0.
    /// </summary>
    public static int Round(DateOnly anchor, int everyWeeks, DateOnly day) =>
        day < anchor ? 0 : (day.DayNumber - anchor.DayNumber) / (7 * Math.Max(1, everyWeeks));

    /// <summary>The first day of round <paramref name="round"/>.</summary>
    public static DateOnly RoundStart(DateOnly anchor, int everyWeeks, int round) => anchor.AddDays(round * 7 * Math.Max(1, everyWeeks));

    /// <summary>The words the health page shows for each flag, in a stable order.</summary>
    public static IReadOnlyList<string> Reasons(HealthAlerts flags, int noSessionWeeks)
    {
        var reasons = new List<string>();
        if (flags.HasFlag(HealthAlerts.NoRecentSession)) reasons.Add($"no session in {noSessionWeeks} weeks");
        if (flags.HasFlag(HealthAlerts.ActionsOverdue)) reasons.Add("actions overdue");
        if (flags.HasFlag(HealthAlerts.GoalsNotMoving)) reasons.Add("goals not moving");
        if (flags.HasFlag(HealthAlerts.CohesionLow)) reasons.Add("cohesion low");
        return reasons;
    }
}
