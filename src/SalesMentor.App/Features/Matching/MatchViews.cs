using System.Text.Json.Serialization;
using SalesMentor.App.Domain;
using SalesMentor.App.Features.Enrollments;
using SalesMentor.App.Features.Programs;

namespace SalesMentor.App.Features.Matching;

/// <summary>One factor of a pair's score: Gaps, Values, Readiness, Preferences, Location or Seniority.</summary>
public sealed record ScoreReasonView(string Factor, int Points, int MaxPoints, string Text);

/// <summary>A pair on the matching board (or in its history, when declined).</summary>
public sealed record ProposalView(
    Guid Id, Guid MenteeEnrollmentId, PersonRef Mentee, Guid MentorEnrollmentId, PersonRef Mentor, int Score, IReadOnlyList<ScoreReasonView> Reasons,
    bool Locked, bool ByHand, string? Warning, ProposalStatus Status, ProposalResponse MenteeResponse, ProposalResponse MentorResponse,
    string? DeclineReason, int Version);

/// <summary>Why a mentee has no pair: NoCandidate (no eligible mentor), AllExcluded (every candidate excluded or below the minimum), CapacityExhausted.</summary>
public sealed record UnmatchedView(Guid EnrollmentId, PersonRef Mentee, string Reason, string Text);

/// <summary>A mentor's seats: capacity and how many pairs (proposed, published or accepted) use them.</summary>
public sealed record MentorLoadView(Guid EnrollmentId, PersonRef Mentor, int Capacity, int Used, EligibilityView Eligibility);

/// <summary>
/// The last run: mode, the solver's one-line message, and the independent checker's verdict ("optimality verified",
/// "stability verified"). <see cref="EditedSince"/>: pairs were swapped, added or removed by hand since, so the
/// verdict no longer describes the board.
/// </summary>
public sealed record MatchRunSummary(string Mode, DateTime At, string Message, bool Verified, string Verdict, bool EditedSince);

/// <summary>
/// The matching board of a program, for its managers: every pair with its score and reasons, unmatched mentees with
/// the reason, capacity use per mentor, the total and the worst pair, and the last run's verdict. It never holds a
/// mentee's "mentor only" gaps: scores are made without them.
/// </summary>
public sealed record BoardView(
    Guid ProgramId, string ProgramName, ProgramStatus Status, string Mode, int MinimumScore, IReadOnlyList<ProposalView> Pairs,
    IReadOnlyList<UnmatchedView> Unmatched, IReadOnlyList<MentorLoadView> Mentors, IReadOnlyList<ProposalView> Declined,
    int Mentees, int Matched, long TotalScore, int? WorstScore, MatchRunSummary? LastRun, int ProgramVersion);

/// <summary>One mode's outcome in a side-by-side comparison; nothing is saved.</summary>
public sealed record ModeOutcome(string Mode, string Message, int Matched, int Unmatched, long TotalScore, int? WorstScore, bool Verified, string Verdict, long BlockingPairs);

/// <summary>The three modes on the same board (locked and published pairs kept).</summary>
public sealed record ModeComparison(IReadOnlyList<ModeOutcome> Modes);

/// <summary>Run the solver around the locks; <see cref="Mode"/> (best, fair, stable) overrides the program's mode once.</summary>
public sealed record RunMatchingRequest(string? Mode = null);

/// <summary>A pair added by hand. When it breaks a rule the answer is 409 with the warning; send <see cref="Confirm"/> to add it anyway.</summary>
public sealed record AddPairRequest(Guid MenteeEnrollmentId, Guid MentorEnrollmentId, bool Confirm = false);

/// <summary>Lock (kept by re-runs) or unlock a pair; send the version read.</summary>
public sealed record LockPairRequest(bool Locked, int Version);

/// <summary>Swap the mentors of two proposed pairs; send both versions. When a new pair breaks a rule: 409, or <see cref="Confirm"/>.</summary>
public sealed record SwapPairsRequest(Guid First, int FirstVersion, Guid Second, int SecondVersion, bool Confirm = false);

/// <summary>Accept or decline a published pair, with an optional reason (seen by the program's managers, never mailed).</summary>
public sealed record RespondRequest(bool Accept, string? Reason = null);

/// <summary>A pair as one of its two people sees it: the other person, the answers, the program. No score or reasons.</summary>
public sealed record MyProposalView(
    Guid Id, Guid ProgramId, string ProgramName, [property: JsonConverter(typeof(JsonStringEnumConverter<EnrollmentSide>))] EnrollmentSide MySide,
    PersonRef Other, ProposalStatus Status, ProposalResponse MyResponse, ProposalResponse OtherResponse, DateTime? PublishedAt);

/// <summary>A mentorship as one of its two people sees it.</summary>
public sealed record MyMentorshipView(Guid Id, Guid? ProgramId, string? ProgramName, EnrollmentSide MySide, PersonRef Other, MentorshipStage Stage, DateOnly StartedOn);

/// <summary>A rating the actor was asked to give.</summary>
public sealed record MyRatingView(Guid Id, PersonRef Subject, string ProgramName, RaterRelation Relation, bool Completed);

/// <summary>An enrollment of the actor's own.</summary>
public sealed record MyEnrollmentView(Guid Id, Guid ProgramId, string ProgramName, ProgramStatus ProgramStatus, EnrollmentSide Side, bool Withdrawn);

/// <summary>The actor's mentoring at a glance: enrollments, pairs to answer, mentorships, ratings to give.</summary>
public sealed record MyMentoringView(
    IReadOnlyList<MyEnrollmentView> Enrollments, IReadOnlyList<MyProposalView> Proposals, IReadOnlyList<MyMentorshipView> Mentorships, IReadOnlyList<MyRatingView> Ratings);

/// <summary>
/// What an import of existing mentorships did (or, on a dry run, would do): created, unchanged, and problems by line
/// (nothing is saved when there are problems). A dry run also lists the rows it read (the first
/// <see cref="ImportMentorships.MaxPreviewRows"/>), each with the people it found.
/// </summary>
public sealed record MentorshipImportOutcome(
    int Created, int Unchanged, IReadOnlyList<MentorshipImportProblem> Problems, bool DryRun = false, IReadOnlyList<MentorshipImportRow>? Rows = null);

/// <summary>One good row of a mentorships file, as a dry run read it; <see cref="IsNew"/> is false when the mentorship is there already.</summary>
public sealed record MentorshipImportRow(int Line, PersonRef Mentor, PersonRef Mentee, DateOnly StartedOn, DateOnly? EndedOn, bool IsNew);

public sealed record MentorshipImportProblem(int Line, string Message);
