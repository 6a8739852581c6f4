using System.Text.Json.Serialization;
using SalesMentor.Core.People;

namespace SalesMentor.App.Domain;

/// <summary>What the mentee raises in the confidential space.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConcernKind>))]
public enum ConcernKind { Concern, Shortcoming }

/// <summary>open → discussed → resolved (either side may move it, back too).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConcernStatus>))]
public enum ConcernStatus { Open, Discussed, Resolved }

/// <summary>
/// A concern or self-assessed shortcoming the mentee raised in the confidential space of a mentorship. Visible to
/// that mentee and that mentor only (see <c>Access.LoadConfidentialAsync</c>); the text is stored encrypted
/// (<see cref="Security.ConfidentialCipher"/>), never in plain text.
/// </summary>
public sealed class Concern : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MentorshipId { get; init; }
    public PersonId RaisedById { get; init; }
    public ConcernKind Kind { get; set; }
    public ConcernStatus Status { get; set; }

    /// <summary>The text, sealed with AES-GCM under the confidential key, bound to this record's id.</summary>
    public byte[] SealedText { get; set; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One answer in a concern's thread, by the mentor or the mentee; the text sealed like the concern's.</summary>
public sealed class ConcernReply
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConcernId { get; init; }
    public PersonId AuthorId { get; init; }
    public byte[] SealedText { get; init; } = [];
    public DateTime CreatedAt { get; init; }
}
