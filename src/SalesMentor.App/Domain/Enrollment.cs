using System.Text.Json.Serialization;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<EnrollmentSide>))]
public enum EnrollmentSide { Mentor, Mentee }

/// <summary>
/// A person's enrollment in a program on one side. A person may be in several programs, and on both
/// sides of different programs; once per side per program.
/// </summary>
public sealed class Enrollment : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProgramId { get; init; }
    public PersonId PersonId { get; init; }
    public EnrollmentSide Side { get; init; }
    public bool Withdrawn { get; set; }

    /// <summary>Mentor: how many mentees they take (1–10). Mentee: 0.</summary>
    public int Capacity { get; set; }

    /// <summary>Mentor: why they want to mentor. Mentee: what they want from the program.</summary>
    public string? Statement { get; set; }
    public string? Availability { get; set; }

    /// <summary>IANA time zone id; the person's own when empty.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Mentor: values they model. Mentee: values they want to grow in.</summary>
    public List<Guid> ValueIds { get; set; } = [];

    /// <summary>The people this person prefers on the other side, first choice first.</summary>
    public List<PersonId> Preferences { get; set; } = [];

    /// <summary>People this person must not be matched with.</summary>
    public List<PersonId> Avoid { get; set; } = [];

    /// <summary>Mentor: answers to "Who taught you your most valuable life lessons?", each mapped onto attributes.</summary>
    public List<ReflectionAnswer> Reflection { get; set; } = [];

    /// <summary>Mentor: null when the star rule decides; true/false when an admin or coordinator overrode it (with <see cref="OverrideReason"/>).</summary>
    public bool? EligibilityOverride { get; set; }
    public string? OverrideReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One answer of the reflection exercise: a lesson and who taught it, and the mentor attributes it shows.</summary>
public sealed record ReflectionAnswer(string Answer, IReadOnlyList<string> Attributes);

[JsonConverter(typeof(JsonStringEnumConverter<SkillRatingKind>))]
public enum SkillRatingKind { Gap, Strength }

[JsonConverter(typeof(JsonStringEnumConverter<SkillSource>))]
public enum SkillSource { Self, Kpi, Supervisor }

/// <summary>Who may see a mentee's skill gap: DESIGN.md's access table.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GapVisibility>))]
public enum GapVisibility
{
    /// <summary>The program admin and the future mentor see it, and it feeds the score.</summary>
    ShareForMatching,

    /// <summary>Never scored, never on the board, never shown to the admin; the mentor sees it once matched.</summary>
    MentorOnly,
}

/// <summary>A skill gap of a mentee or a strength of a mentor, level 1–5, in one enrollment.</summary>
public sealed class SkillRating
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EnrollmentId { get; init; }
    public PersonId PersonId { get; init; }
    public required string SkillKey { get; init; }
    public SkillRatingKind Kind { get; init; }
    public int Level { get; init; }
    public SkillSource Source { get; init; }
    public GapVisibility Visibility { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<RaterRelation>))]
public enum RaterRelation { Self, Peer, Supervisor }

/// <summary>One rating (1–5) of one of the article's attributes of the enrolled person, by someone.</summary>
public sealed class AttributeRating
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EnrollmentId { get; init; }
    public PersonId SubjectId { get; init; }
    public required string Attribute { get; init; }
    public int Score { get; init; }
    public PersonId RaterId { get; init; }
    public RaterRelation Relation { get; init; }
    public DateTime RatedAt { get; init; }
}

/// <summary>An invitation to rate an enrolled person's attributes: a peer of a mentor, or a mentee's supervisor.</summary>
public sealed class RatingInvitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EnrollmentId { get; init; }
    public PersonId RaterId { get; init; }
    public RaterRelation Relation { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? RemindedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
