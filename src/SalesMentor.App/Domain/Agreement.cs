using System.Text.Json.Serialization;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

/// <summary>How far a behaviour has been adopted: not yet · trying · practising · consistent · habit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdoptionLevel>))]
public enum AdoptionLevel { NotYet, Trying, Practising, Consistent, Habit }

/// <summary>How often the pair means to meet.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeetingCadence>))]
public enum MeetingCadence { Weekly, Fortnightly, Monthly }

/// <summary>
/// A KPI goal: the KPI (its catalog id), the baseline captured from the mentee's KPI data when the goal was first saved
/// (the mean of <see cref="BaselineMonths"/> whole months before that day, from <see cref="BaselineFrom"/> to
/// <see cref="BaselineTo"/>) and frozen from then on, the target and the date to reach it.
/// </summary>
public sealed record KpiGoal(
    Guid Id, string Kpi, decimal? Baseline, string BaselineFrom, string BaselineTo, int BaselineMonths, decimal Target, DateOnly TargetDate);

/// <summary>A behaviour from the catalog and the adoption level the mentee means to reach.</summary>
public sealed record BehaviourGoal(Guid Id, Guid BehaviourId, AdoptionLevel Level);

/// <summary>
/// The agreement of a mentorship: KPI goals, behaviour goals, values focus, cadence and confidentiality terms, signed by
/// both. Any change of content after a signature clears both signatures and opens a new <see cref="Revision"/>; every
/// fully signed revision is kept in <see cref="AgreementRevision"/>. The supervisor chain may acknowledge a signed one.
/// </summary>
public sealed class Agreement : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MentorshipId { get; init; }
    public List<KpiGoal> KpiGoals { get; set; } = [];
    public List<BehaviourGoal> BehaviourGoals { get; set; } = [];
    public List<Guid> ValueIds { get; set; } = [];
    public MeetingCadence Cadence { get; set; }
    public required string Terms { get; set; }
    public int Revision { get; set; } = 1;
    public DateTime? MentorSignedAt { get; set; }
    public DateTime? MenteeSignedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public PersonId? AcknowledgedById { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A fully signed revision of an agreement, kept as it was signed (content as JSON, both signature times).</summary>
public sealed class AgreementRevision
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AgreementId { get; init; }
    public int Revision { get; init; }
    public required string ContentJson { get; init; }
    public DateTime MentorSignedAt { get; init; }
    public DateTime MenteeSignedAt { get; init; }
}

/// <summary>A note only its author ever reads — the mentor's or the mentee's own, kept by the author after the mentorship ends. Sealed like concerns.</summary>
public sealed class PrivateNote : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MentorshipId { get; init; }
    public PersonId AuthorId { get; init; }
    public byte[] SealedText { get; set; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
