using SalesMentor.App.Domain;

namespace SalesMentor.App.Features.Closing;

/// <summary>One side's closing reflection, as the pair reads it.</summary>
public sealed record ReflectionView(string Side, string Text, DateTime UpdatedAt, int Version);

/// <summary>
/// An agreement goal with its outcome when recorded: achieved, partly or not; for a KPI goal the baseline, the target
/// and the measured final value (null with no data).
/// </summary>
public sealed record GoalOutcomeView(
    Guid GoalId, GoalKind Kind, string Goal, GoalAchievement? Achievement, decimal? Baseline, decimal? Target, decimal? MeasuredValue, string? MeasuredFrom, string? MeasuredTo);

/// <summary>
/// The closing of a mentorship as the caller may see it. Everyone who sees the mentorship (the pair, the mentee's
/// supervisor chain, the program's managers) reads the stage, the dates and the goal outcomes. The early-end reason
/// (<see cref="EarlyEndReason"/>, <see cref="EarlyEndText"/>) is for the pair and the program's managers only, and the
/// reflections are for the pair only: both are null for everyone else.
/// </summary>
/// <param name="MySide">"mentee" or "mentor" for the pair; null for everyone else.</param>
/// <param name="CanWrite">The caller may plan the closing, write their reflection and record outcomes (the pair, while it runs).</param>
/// <param name="CanEndEarly">The caller may end it early (the pair or the program's managers, while it runs).</param>
/// <param name="Missing">What is still missing before the pair can close it ("your reflection", "the outcome of each goal"…); for the pair only.</param>
/// <param name="Version">The mentorship's version: send it with the plan, the outcomes, the close and an early end.</param>
public sealed record ClosingView(
    Guid MentorshipId, MentorshipStage Stage, DateOnly StartedOn, DateOnly? PlannedEndOn, DateOnly? EndedOn, MentorshipEnd? EndKind,
    EarlyEndReason? EarlyEndReason, string? EarlyEndText, string? MySide, ReflectionView? MyReflection, ReflectionView? OtherReflection,
    IReadOnlyList<GoalOutcomeView> Outcomes, DateTime? OutcomesRecordedAt, bool CanWrite, bool CanEndEarly, IReadOnlyList<string> Missing,
    bool CertificateAvailable, int Version);

/// <summary>Opens the closing conversation (active → closing) or moves its planned end date.</summary>
public sealed record PlanClosingRequest(DateOnly PlannedEndOn, int Version);

/// <summary>The caller's own reflection; <see cref="Version"/> is the reflection's (0 for the first).</summary>
public sealed record ReflectionRequest(string? Text, int Version = 0);

/// <summary>One goal's outcome.</summary>
public sealed record GoalOutcomeInput(Guid GoalId, GoalAchievement Achievement);

/// <summary>The outcome of every goal of the agreement, with the mentorship's version.</summary>
public sealed record OutcomesRequest(IReadOnlyList<GoalOutcomeInput>? Outcomes, int Version);

/// <summary>The mentorship's version as read.</summary>
public sealed record ClosingVersionRequest(int Version);

/// <summary>An early end: the reason (a category) and a few words, for the pair and the program's admins.</summary>
public sealed record EndEarlyRequest(EarlyEndReason Reason, string? Text, int Version);
