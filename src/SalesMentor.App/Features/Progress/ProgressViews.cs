using SalesMentor.App.Domain;
using SalesMentor.App.Features.Adoption;
using SalesMentor.App.Features.Kpis;
using SalesMentor.App.Features.Programs;

namespace SalesMentor.App.Features.Progress;

/// <summary>One month of a KPI goal's chart: the mentee's value and — when the caller may see the mentor's sales data — the mentor's.</summary>
/// <param name="Month">The month's key (<c>2026-03</c>).</param>
public sealed record GoalMonthView(string Month, decimal? Mentee, decimal? Mentor);

/// <summary>
/// A KPI goal as baseline → current → target. <see cref="Current"/> is the mean of the mentee's monthly values over
/// the same number of whole months as the baseline, ending with the last whole month (<see cref="CurrentFrom"/> to
/// <see cref="CurrentTo"/>); <see cref="Share"/> is the way from baseline to target come so far (1 = reached).
/// <see cref="SurpassedMentor"/>: the mentee's current value is strictly better than the mentor's own over the same
/// months. <see cref="MentorCurrent"/> and the mentor's monthly values are there only when the caller may see the
/// mentor's sales data (<see cref="MentorShown"/>).
/// </summary>
public sealed record KpiGoalProgressView(
    Guid GoalId, KpiDefinitionView Kpi, decimal? Baseline, string BaselineFrom, string BaselineTo,
    decimal? Current, string CurrentFrom, string CurrentTo, decimal Target, DateOnly TargetDate, decimal? Share, bool Reached,
    bool SurpassedMentor, bool MentorShown, decimal? MentorCurrent, IReadOnlyList<GoalMonthView> Months);

/// <summary>An action item of a session log, as its state today: <c>open</c>, <c>overdue</c> or <c>done</c>.</summary>
public sealed record ActionItemProgressView(Guid Id, string Text, string Owner, DateOnly? DueOn, string State, DateTime SessionStartsAt);

/// <summary>
/// Sessions and action items of a mentorship, for the pair only: how many were held, missed, rescheduled or cancelled,
/// how many ended without a log, the next and the last held, and every action item with its state.
/// </summary>
public sealed record SessionsProgressView(
    int Held, int Missed, int Rescheduled, int Cancelled, int Upcoming, int WithoutLog, DateTime? NextSession, DateTime? LastHeld,
    int OpenActions, int OverdueActions, int DoneActions, IReadOnlyList<ActionItemProgressView> Actions);

/// <summary>
/// A mentee's progress in one mentorship: KPI goals (baseline → current → target, monthly chart, surpass marker),
/// behaviour adoption over time, values observations — goals and progress, for the pair, the mentee's supervisor chain
/// and the program's managers — and, for the pair only, <see cref="Sessions"/> (null for everyone else, as the access
/// table keeps shared session notes and action items to the pair).
/// </summary>
/// <param name="MySide">"mentee" or "mentor" for the pair; null for the supervisor chain and the program's managers.</param>
public sealed record MentorshipProgressView(
    Guid MentorshipId, PersonRef Mentor, PersonRef Mentee, MentorshipStage Stage, DateOnly StartedOn, string? MySide, string Currency,
    DateOnly Today, IReadOnlyList<KpiGoalProgressView> KpiGoals, IReadOnlyList<BehaviourAdoptionView> Behaviours,
    IReadOnlyList<ValueObservationView> Values, SessionsProgressView? Sessions);

/// <summary>
/// One mentee on their mentor's home: what needs attention (overdue actions, sessions without a log, no session in N
/// weeks, goals not moving, the mentor's own pulse due), the next session, and KPI goals with their surpass markers.
/// Never anything confidential, and never the mentee's pulse answers or the "cohesion low" flag.
/// </summary>
public sealed record MenteeAtAGlanceView(
    Guid MentorshipId, PersonRef Mentee, string? ProgramName, MentorshipStage Stage, DateTime? NextSession, DateTime? LastHeld,
    int OverdueActions, int OpenActions, int SessionsWithoutLog, bool PulseDue, IReadOnlyList<string> Flags, IReadOnlyList<string> Attention,
    int KpiGoals, int GoalsSurpassed);

/// <summary>A rep's mentorship, for their supervisor chain: who mentors them, the stage, and their KPI goals' progress.</summary>
public sealed record ReportMentorshipView(
    Guid MentorshipId, PersonRef Mentee, PersonRef Mentor, Guid? ProgramId, string? ProgramName, MentorshipStage Stage, IReadOnlyList<KpiGoalProgressView> KpiGoals);

/// <summary>A program whose pulse aggregates over the caller's people they may open (<c>GetTeamPulse</c>).</summary>
public sealed record TeamPulseLinkView(Guid ProgramId, string ProgramName);

/// <summary>
/// The mentoring home: the caller's mentees at a glance (as a mentor) and the running mentorships of the people they
/// lead (as a supervisor: goals and progress only), with the programs of those mentorships the caller sees (for the
/// pulse of their people; a program in draft only for its managers).
/// </summary>
public sealed record MentoringHomeView(
    DateOnly Today, IReadOnlyList<MenteeAtAGlanceView> Mentees, IReadOnlyList<ReportMentorshipView> Reports, IReadOnlyList<TeamPulseLinkView> TeamPulse);
