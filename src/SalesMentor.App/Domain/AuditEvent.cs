using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

/// <summary>
/// Who did what to which record, and when. Never holds the content of a record:
/// only ids, names of actions, and counts.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; init; }
    public DateTime At { get; init; }

    /// <summary>"user", "command line" or "system".</summary>
    public required string ActorKind { get; init; }
    public PersonId? ActorPersonId { get; init; }
    public required string ActorName { get; init; }
    public required string Action { get; init; }
    public required string ResourceType { get; init; }
    public string? ResourceId { get; init; }

    /// <summary>A short, content-free detail (counts, flags); never note or concern text.</summary>
    public string? Detail { get; init; }
}
