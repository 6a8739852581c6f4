using SalesMentor.App.Features.Programs;

namespace SalesMentor.App.Features.Health;

/// <summary>One's own pulse answer of one round, as only its author reads it.</summary>
public sealed record MyPulseView(
    Guid Id, int Round, DateOnly RoundStart, int Trust, int Safety, int Value, int Commitment, string? Comment, DateTime AnsweredAt, int Version);

/// <summary>
/// The caller's own pulse answers of a mentorship, newest first, with the current round: whether this round's answer
/// is still due, and the one already given this round (to change it). Nobody else's answers, ever.
/// </summary>
public sealed record MyPulsesView(
    Guid MentorshipId, int EveryWeeks, int CurrentRound, DateOnly RoundStart, DateOnly NextRoundStart, bool Due, bool CanAnswer, MyPulseView? ThisRound,
    IReadOnlyList<MyPulseView> Pulses);

/// <summary>Scores 1–5 and an optional comment; <see cref="Version"/> is the version read when changing this round's answer (0 for a first).</summary>
public sealed record PulseRequest(int Trust, int Safety, int Value, int Commitment, string? Comment, int Version = 0);

/// <summary>
/// What the pair is told about their mentorship's health: the flags they can see (no recent session, actions overdue,
/// goals not moving) and the notice that the program's admins see these flags. "Cohesion low" is never shown to the pair:
/// to a side who answered high it would reveal that the other answered low.
/// </summary>
public sealed record MentorshipHealthView(Guid MentorshipId, IReadOnlyList<string> Flags, string AdminNotice, bool PulseDue);

/// <summary>A pair at risk on the admin's health page: who, and the reasons only.</summary>
public sealed record PairAtRiskView(Guid MentorshipId, PersonRef Mentor, PersonRef Mentee, IReadOnlyList<string> Reasons);

/// <summary>
/// An aggregate of pulse answers: the mean of each score over the answers of <see cref="Respondents"/> (≥ 5) people in
/// one closed round, one decimal.
/// </summary>
/// <param name="Group"><c>everyone</c>, <c>mentees</c> or <c>mentors</c>.</param>
public sealed record PulseAggregateView(int Round, DateOnly RoundStart, string Group, int Respondents, decimal Trust, decimal Safety, decimal Value, decimal Commitment);

/// <summary>The program's health settings.</summary>
public sealed record HealthSettingsView(int PulseEveryWeeks, int NoSessionAlertWeeks, bool PulseIntervalLocked, int Version);

/// <summary>
/// The admin's health page of a program: the pairs at risk with the reasons only, and pulse results as aggregates that
/// pass the ≥ 5 and differencing rule (<see cref="Core.Health.AggregateRelease"/>); <see cref="WithheldAggregates"/> counts
/// the ones held back.
/// </summary>
public sealed record ProgramHealthView(
    Guid ProgramId, string ProgramName, HealthSettingsView Settings, int Mentorships, IReadOnlyList<PairAtRiskView> AtRisk,
    IReadOnlyList<PulseAggregateView> Aggregates, int WithheldAggregates);

/// <summary>
/// A manager's pulse results of a program for their own people: <see cref="People"/> is how many are below them in the
/// tree, <see cref="Aggregates"/> the released ones (group <c>everyone</c>, <c>mentees</c> or <c>mentors</c> among them),
/// <see cref="WithheldAggregates"/> how many were held back (fewer than five answered, or showing it would let one
/// aggregate be subtracted from another to single out fewer than five).
/// </summary>
public sealed record TeamPulseView(Guid ProgramId, string ProgramName, int People, IReadOnlyList<PulseAggregateView> Aggregates, int WithheldAggregates);

public sealed record HealthSettingsRequest(int PulseEveryWeeks, int NoSessionAlertWeeks, int Version);
