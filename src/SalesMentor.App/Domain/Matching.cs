using System.Text.Json.Serialization;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

/// <summary>proposed (on the board) → published (both sides asked) → accepted (by both) or declined (by either).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProposalStatus>))]
public enum ProposalStatus { Proposed, Published, Accepted, Declined }

[JsonConverter(typeof(JsonStringEnumConverter<ProposalResponse>))]
public enum ProposalResponse { Pending, Accepted, Declined }

/// <summary>A proposed mentor–mentee pair of a program, with its score and reasons.</summary>
public sealed class MatchProposal : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProgramId { get; init; }
    public Guid MenteeEnrollmentId { get; init; }
    public Guid MentorEnrollmentId { get; init; }
    public PersonId MenteeId { get; init; }
    public PersonId MentorId { get; init; }
    public int Score { get; set; }

    /// <summary>The score's reasons as JSON (a list of Core's <c>ScoreReason</c>).</summary>
    public string ReasonsJson { get; set; } = "[]";

    /// <summary>Kept as it is by a re-run.</summary>
    public bool Locked { get; set; }

    /// <summary>Made or changed by hand (add or swap) rather than by the solver.</summary>
    public bool ByHand { get; set; }

    /// <summary>The rule a hand-made pair breaks, in words; null when it breaks none.</summary>
    public string? Warning { get; set; }
    public ProposalStatus Status { get; set; }
    public ProposalResponse MenteeResponse { get; set; }
    public ProposalResponse MentorResponse { get; set; }

    /// <summary>Optional reason of a decline, for the program's admins; never mailed.</summary>
    public string? DeclineReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int Version { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<MentorshipStage>))]
public enum MentorshipStage { Agreeing, Active, Closing, Closed }

/// <summary>A mentor and a mentee working together; starts in <see cref="MentorshipStage.Agreeing"/> when both accept a proposal.</summary>
public sealed class Mentorship : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The program it came from; null for a mentorship imported without one.</summary>
    public Guid? ProgramId { get; init; }
    public Guid? ProposalId { get; init; }
    public PersonId MentorId { get; init; }
    public PersonId MenteeId { get; init; }
    public MentorshipStage Stage { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }

    /// <summary>The planned end date, set when the pair opens the closing conversation.</summary>
    public DateOnly? PlannedEndOn { get; set; }

    /// <summary>How it ended (null while it runs, and for a mentorship imported as ended).</summary>
    public MentorshipEnd? EndKind { get; set; }

    /// <summary>Why it ended early (with <see cref="MentorshipEnd.EndedEarly"/>).</summary>
    public EarlyEndReason? EarlyEndReason { get; set; }

    /// <summary>The words given with an early end: for the pair and the program's admins, never the supervisor chain.</summary>
    public string? EarlyEndText { get; set; }

    /// <summary>Who closed it or ended it early.</summary>
    public PersonId? EndedById { get; set; }

    /// <summary>The outcome of each agreement goal, recorded in the closing conversation.</summary>
    public List<GoalOutcome> Outcomes { get; set; } = [];
    public DateTime? OutcomesRecordedAt { get; set; }

    /// <summary><c>matched</c> or <c>imported</c>.</summary>
    public required string Source { get; init; }
    public DateTime CreatedAt { get; init; }
    public int Version { get; set; }
}
